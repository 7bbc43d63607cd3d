/// A command line that cannot be parsed: one line saying what is wrong, and the command it was meant for.
public struct ArgumentError: Error, CustomStringConvertible, Equatable {
    public let message: String
    /// The command (for example `officer add`) whose arguments were being read, if known.
    public let command: String?

    public init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }

    public var description: String { message }
}
