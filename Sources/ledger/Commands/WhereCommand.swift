import CommandLineSupport

/// `ledger where UID`: where the object with this chip is.
struct WhereCommand: LedgerCommand {
    static let spec = CommandSpec("where", arguments: "UID", summary: "where the object with this chip is")

    let uid: String

    init(parsing arguments: inout ArgumentReader) throws {
        uid = try arguments.positional("UID")
    }

    func run(in context: CommandContext) async throws {
        try await ShowCommand.show("chip:\(uid)", in: context)
    }
}
