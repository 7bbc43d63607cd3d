import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger officer list`.
struct OfficerListCommand: LedgerCommand {
    static let spec = CommandSpec("officer list", summary: Wording(zh: "列出警员", en: "list officers"))

    init(parsing arguments: inout ArgumentReader) throws {}

    struct Result: Encodable {
        let officers: [Officer]
    }

    func run(in context: CommandContext) async throws {
        let officers = try await context.openStore().officers()
        var table = TextTable("BADGE", "NAME", "ROLE", "UNIT", "STATUS")
        for o in officers { table.append(o.badge, o.name, o.role.rawValue, o.unit ?? "", o.isRetired ? "retired" : "active") }
        try context.output.emit(Result(officers: officers), text: table.rendered)
    }
}
