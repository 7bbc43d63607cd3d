/// A command line that cannot be run; exits with ``ExitStatus/usage``.
struct UsageError: Error, CustomStringConvertible, Equatable {
    let message: String
    /// The command whose help the user should read, if known.
    let command: String?
    /// Whether the general usage goes to standard error before the message (for a bare `ledger`).
    let showsUsage: Bool

    init(_ message: String, command: String? = nil, showsUsage: Bool = false) {
        self.message = message
        self.command = command
        self.showsUsage = showsUsage
    }

    var description: String { message }
}
