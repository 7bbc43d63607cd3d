import CommandLineSupport
import PropertyLedger

/// One thing the `ledger` tool can do: its options and help (``spec``), how it reads and validates its
/// arguments, and how it runs. Each command is one type in `Commands/`, listed once in ``CommandRegistry``.
///
/// Parsing only reads and checks the command line; nothing touches a store until ``run(in:)``.
/// Commands are `Equatable` so that tests can compare what a command line parses into.
protocol LedgerCommand: Sendable, Equatable {
    /// The command's name, positionals, summary, options and notes: the source of help and completion.
    static var spec: CommandSpec { get }

    /// Reads the command's positionals and options; anything left unread is refused afterwards.
    ///
    /// - Throws: ``ArgumentError`` or ``UsageError`` for a command line that cannot be run (exit status 64).
    init(parsing arguments: inout ArgumentReader) throws

    func run(in context: CommandContext) async throws
}

/// A command that records the one custody entry its arguments describe (takes `--dry-run`).
protocol RecordingCommand: LedgerCommand {
    var custodyCommand: CustodyCommand { get }
}

extension RecordingCommand {
    func run(in context: CommandContext) async throws {
        try await context.recordAndReport(custodyCommand)
    }
}
