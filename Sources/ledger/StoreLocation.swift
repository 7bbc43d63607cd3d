import Foundation
import PropertyLedger

/// Where the store is: `--store`, else `$LEDGER_STORE`, else a per-user default.
enum StoreLocation {
    /// `$XDG_DATA_HOME/propertyledger/ledger.db`, else `$HOME/.local/share/propertyledger/ledger.db`.
    static var defaultDatabase: String {
        defaultDatabase(environment: ProcessInfo.processInfo.environment)
    }

    static func defaultDatabase(environment: [String: String]) -> String {
        // The XDG Base Directory spec: a relative path in XDG_DATA_HOME is invalid and ignored.
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (home(environment: environment) + "/.local/share")
        return dataHome + "/propertyledger/ledger.db"
    }

    /// `$HOME`, as every Unix tool reads it. NSHomeDirectory() on Linux asks the password database and
    /// ignores `$HOME` (checked with Swift 6.3), so it is only the fallback.
    private static func home(environment: [String: String]) -> String {
        environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? NSHomeDirectory()
    }

    static func paths(store: String?, privateKey: String?) -> StorePaths {
        let environment = ProcessInfo.processInfo.environment
        let database = store ?? environment["LEDGER_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultDatabase
        let key = privateKey ?? environment["LEDGER_PRIVATE_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        return StorePaths(database: database, privateKey: key)
    }
}
