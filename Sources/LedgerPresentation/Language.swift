/// The language people read the ledger in.
///
/// Chosen explicitly from the command line and the environment (``select(flag:environment:default:)``):
/// Foundation's `Locale.current` is always `en_001` on Linux, whatever the locale variables say.
public enum Language: String, Sendable, Hashable, CaseIterable {
    /// 简体中文.
    case zh
    case en

    /// The language of a flag value or a locale name (`zh`, `zh_CN.UTF-8`, `en_US@euro`): `zh…` is Chinese,
    /// anything else English; nil for no choice at all (empty, `C`, `POSIX`).
    public init?(locale: String) {
        var name = Substring(locale)
        if let cut = name.firstIndex(where: { $0 == "." || $0 == "@" }) { name = name[..<cut] }
        guard !name.isEmpty, name != "C", name != "POSIX" else { return nil }
        self = name.lowercased().hasPrefix("zh") ? .zh : .en
    }

    /// The language to use: the first of the `--lang` value, `LEDGER_LANG`, `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set and not empty decides; `fallback` when none is, or when that one is `C` or `POSIX`.
    ///
    /// As in POSIX, a set variable hides those after it: `LC_ALL=C` gives `fallback` even beside `LANG=en_US`.
    public static func select(flag: String? = nil, environment: [String: String], default fallback: Language) -> Language {
        let candidates = [flag, environment["LEDGER_LANG"], environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"]]
        guard let decisive = candidates.lazy.compactMap({ $0 }).first(where: { !$0.isEmpty }) else { return fallback }
        return Language(locale: decisive) ?? fallback
    }
}
