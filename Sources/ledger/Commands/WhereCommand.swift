import CommandLineSupport
import LedgerPresentation

/// `ledger where UID`: where the object with this chip is.
struct WhereCommand: LedgerCommand {
    static let spec = CommandSpec(
        "where", arguments: "UID",
        summary: Wording(zh: "查询绑定该芯片的涉案财物或案卷在何处", en: "where the object with this chip is"))

    let uid: String

    init(parsing arguments: inout ArgumentReader) throws {
        uid = try arguments.positional("UID")
    }

    func run(in context: CommandContext) async throws {
        try await ShowCommand.show("chip:\(uid)", in: context)
    }
}
