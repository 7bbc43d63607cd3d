/// A command line that cannot be run; exits with ``ExitStatus/usage``.
struct UsageError: Error, CustomStringConvertible, Equatable {
    let message: String
    /// The command whose help the user should read, if known.
    let command: String?

    init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }

    var description: String { message }
}
