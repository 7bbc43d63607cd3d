import Foundation
import LedgerPresentation
import PropertyLedger

extension CommandContext {
    /// The language chosen before the command line is parsed, so that even an error in it is worded in that
    /// language: `flag` (the `--lang` value, if any), else the environment, else the default language of the
    /// store `--store` in `arguments` names (or `$LEDGER_STORE`, or the per-user default) — or, for `init`,
    /// the `--default-lang` the new store is given — else Chinese.
    static func language(flag: String?, arguments: [String]) -> Language {
        if let chosen = chosenLanguage(flag: flag) { return chosen }
        if let choosing = optionValue("default-lang", in: arguments).flatMap(Language.init(rawValue:)) { return choosing }
        return defaultLanguage(of: StoreLocation.paths(store: optionValue("store", in: arguments), privateKey: nil))
    }

    /// The zone of the store `--store` in `arguments` names (or `$LEDGER_STORE`, or the per-user default), for
    /// wording times in an error; the default agency zone when there is no store or it recorded none.
    static func zone(arguments: [String]) -> TimeZone {
        let paths = StoreLocation.paths(store: optionValue("store", in: arguments), privateKey: nil)
        return LedgerStore.recordedZone(at: paths).flatMap(TimeZone.init(identifier:)) ?? Agency.defaultTimeZone
    }

    /// The value given to `--name` (`--name VALUE` or `--name=VALUE`) before any `--`, if any.
    static func optionValue(_ name: String, in arguments: [String]) -> String? {
        for (offset, argument) in arguments.enumerated() {
            if argument == "--" { return nil }
            if argument == "--" + name { return arguments.indices.contains(offset + 1) ? arguments[offset + 1] : nil }
            if argument.hasPrefix("--\(name)=") { return String(argument.dropFirst(name.count + 3)) }
        }
        return nil
    }
}
