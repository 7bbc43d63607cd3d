/// One text in both languages, with `{name}` placeholders for arguments.
///
/// Both languages are required by the initialiser, so a missing translation does not compile; a test checks
/// that the two use the same placeholders (``CatalogueSection``).
public struct Wording: Sendable, Hashable {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The template in `language`, placeholders unfilled.
    public func text(in language: Language) -> String {
        switch language {
        case .zh: zh
        case .en: en
        }
    }

    /// The text in `language` with each `{name}` replaced by `arguments[name]` as it is (no term tables:
    /// the caller words values before passing them); a placeholder without an argument stays visible.
    public func text(in language: Language, _ arguments: [String: String]) -> String {
        substitute(text(in: language), arguments)
    }
}

/// `template` with each `{name}` replaced by `arguments[name]`, verbatim.
func substitute(_ template: String, _ arguments: [String: String]) -> String {
    guard !arguments.isEmpty else { return template }
    var result = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
        result += rest[..<open]
        let name = String(rest[rest.index(after: open)..<close])
        result += arguments[name] ?? String(rest[open...close])
        rest = rest[rest.index(after: close)...]
    }
    return result + rest
}

/// `{name}` placeholders of `text`.
public func placeholders(in text: String) -> Set<String> {
    var names: Set<String> = []
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
        names.insert(String(rest[rest.index(after: open)..<close]))
        rest = rest[rest.index(after: close)...]
    }
    return names
}
