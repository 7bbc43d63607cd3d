import Foundation
import PropertyLedger

/// Where the store is: `--store`, else `$LEDGER_STORE`, else a per-user default.
enum StoreLocation {
    static var defaultDatabase: String {
        let environment = ProcessInfo.processInfo.environment
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() + "/.local/share")
        return dataHome + "/propertyledger/ledger.db"
    }

    static func paths(store: String?, privateKey: String?) -> StorePaths {
        let environment = ProcessInfo.processInfo.environment
        let database = store ?? environment["LEDGER_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultDatabase
        let key = privateKey ?? environment["LEDGER_PRIVATE_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        return StorePaths(database: database, privateKey: key)
    }
}
