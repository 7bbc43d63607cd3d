public import LedgerPresentation

/// An option a command line accepts: `--name VALUE`, `--name=VALUE`, or a flag `--name`.
///
/// The same description serves parsing (does it take a value?), help (placeholder and help text, in Chinese
/// and English) and shell completion (its choices, and its help beside them).
public struct Option: Sendable, Equatable {
    public let name: String
    /// The placeholder for the option's value (`PATH`, `N`, `clerk|officer|supervisor`), or nil for a flag.
    /// Placeholders are the same in both languages: help text refers to them.
    public let value: String?
    /// What the option does, in both languages (``Wording``: a missing translation does not compile).
    public let help: Wording
    /// The values a shell may complete; empty for free text.
    public let choices: [String]
    /// Whether it may be given more than once (every value is kept, in order).
    public let isRepeatable: Bool

    public init(name: String, value: String?, help: Wording, choices: [String] = [], isRepeatable: Bool = false) {
        self.name = name
        self.value = value
        self.help = help
        self.choices = choices
        self.isRepeatable = isRepeatable
    }

    /// An option whose value is one of an enum's raw values, shown as `a|b|c`.
    public static func choice<T: RawRepresentable & CaseIterable>(_ name: String, _: T.Type, help: Wording) -> Option
    where T.RawValue == String {
        let values = T.allCases.map(\.rawValue)
        return Option(name: name, value: values.joined(separator: "|"), help: help, choices: values)
    }

    /// A flag: an option without a value.
    public static func flag(_ name: String, help: Wording) -> Option {
        Option(name: name, value: nil, help: help)
    }

    public var isFlag: Bool { value == nil }
}
