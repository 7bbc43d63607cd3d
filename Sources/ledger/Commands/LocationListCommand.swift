import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger location list`.
struct LocationListCommand: LedgerCommand {
    static let spec = CommandSpec("location list", summary: Wording(zh: "列出存放位置", en: "list locations"))

    init(parsing arguments: inout ArgumentReader) throws {}

    struct Result: Encodable {
        let locations: [Location]
    }

    func run(in context: CommandContext) async throws {
        let locations = try await context.openStore().locations()
        var table = TextTable("CODE", "NAME", "KIND", "PARENT", "CENTRAL")
        for l in locations { table.append(l.code, l.name, l.kind.rawValue, l.parent ?? "", l.isCentral ? "yes" : "") }
        try context.output.emit(Result(locations: locations), text: table.rendered)
    }
}
