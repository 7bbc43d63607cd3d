import Foundation

/// Where an officer's key file is: `--officer-key` for the acting officer, else `$LEDGER_KEY_DIR/BADGE.key`,
/// else `$XDG_CONFIG_HOME/propertyledger/keys/BADGE.key` (`$HOME/.config/…` without it): a file of the
/// officer's own, in his home.
enum OfficerKeyLocation {
    static func path(for badge: String, option: String? = nil) -> String {
        if let option { return option }
        let environment = ProcessInfo.processInfo.environment
        if let directory = environment["LEDGER_KEY_DIR"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return directory + "/\(badge).key"
        }
        let config =
            environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? NSHomeDirectory()) + "/.config")
        return config + "/propertyledger/keys/\(badge).key"
    }
}
