import CommandLineSupport
import PropertyLedger

/// A command line that cannot be run; exits with ``ExitStatus/usage``. Why is a reason of the parser's
/// (``PropertyLedger/Reason/argumentReasons``) or the tool's (``PropertyLedger/Reason/toolReasons``).
struct UsageError: Error, Equatable {
    /// The help the error line points to.
    enum Help: Equatable {
        /// `ledger --help`.
        case general
        /// `ledger COMMAND --help` (a command or a group).
        case command(String)
    }

    let reason: Reason
    /// The help to read, if any.
    let help: Help?
    /// Whether the general usage goes to standard error before the message (for a bare `ledger`).
    let showsUsage: Bool

    init(_ reason: Reason, help: Help? = nil, showsUsage: Bool = false) {
        self.reason = reason
        self.help = help
        self.showsUsage = showsUsage
    }

    /// A parser's error: its reason, and the help of the command it was reading, if known.
    init(_ error: ArgumentError) {
        self.init(error.reason, help: error.command.map { .command($0) })
    }
}
