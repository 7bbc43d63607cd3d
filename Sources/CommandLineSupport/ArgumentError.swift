public import LedgerPresentation
public import PropertyLedger

/// A command line that cannot be parsed: why, as a ``PropertyLedger/Reason`` declared in
/// ``PropertyLedger/Reason/argumentReasons`` (never a finished sentence), and the command it was meant for.
public struct ArgumentError: Error, CustomStringConvertible, Equatable {
    public let reason: Reason
    /// The command (for example `officer add`) whose arguments were being read, if known.
    public let command: String?

    public init(_ reason: Reason, command: String? = nil) {
        self.reason = reason
        self.command = command
    }

    /// The reason in `language`, as one line.
    public func text(in language: Language) -> String {
        Catalogue.commandLineText(reason, in: language)
    }

    /// The reason's debug form (`option-given-twice(option: --size)`).
    public var description: String { reason.description }
}
