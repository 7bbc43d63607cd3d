/// The language of the simulator's own words (the protocol's field names stay as they are).
enum SimulatorLanguage: String, Sendable, Equatable {
    case zh
    case en

    /// The first of LEDGER_LANG, LC_ALL, LC_MESSAGES, LANG that is set decides, as for `ledger` itself: `zh…`,
    /// `C` and `POSIX` are Chinese, anything else English; none set is Chinese.
    static func from(environment: [String: String]) -> SimulatorLanguage {
        for name in ["LEDGER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let base = value.prefix { $0 != "." && $0 != "@" }
            return base == "C" || base == "POSIX" || base.lowercased().hasPrefix("zh") ? .zh : .en
        }
        return .zh
    }

    func text(_ chinese: String, _ english: String) -> String {
        self == .zh ? chinese : english
    }
}
