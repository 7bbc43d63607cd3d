/// An option a command line accepts: `--name VALUE`, `--name=VALUE`, or a flag `--name`.
///
/// The same description serves parsing (does it take a value?), help (placeholder and help text) and shell
/// completion (its choices).
public struct Option: Sendable, Equatable {
    public let name: String
    /// The placeholder for the option's value (`PATH`, `N`, `clerk|officer|supervisor`), or nil for a flag.
    public let value: String?
    public let help: String
    /// The values a shell may complete; empty for free text.
    public let choices: [String]
    /// Whether it may be given more than once (every value is kept, in order).
    public let isRepeatable: Bool

    public init(name: String, value: String?, help: String, choices: [String] = [], isRepeatable: Bool = false) {
        self.name = name
        self.value = value
        self.help = help
        self.choices = choices
        self.isRepeatable = isRepeatable
    }

    /// An option whose value is one of an enum's raw values, shown as `a|b|c`.
    public static func choice<T: RawRepresentable & CaseIterable>(_ name: String, _: T.Type, help: String) -> Option
    where T.RawValue == String {
        let values = T.allCases.map(\.rawValue)
        return Option(name: name, value: values.joined(separator: "|"), help: help, choices: values)
    }

    /// A flag: an option without a value.
    public static func flag(_ name: String, help: String) -> Option {
        Option(name: name, value: nil, help: help)
    }

    public var isFlag: Bool { value == nil }
}
