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
        let store = try await context.openStore()
        let officers = try await store.officers()
        let language = context.language
        let words = Catalogue.officerList
        let terms = Catalogue.custodyTerms
        var table = TextTable(
            headers: [words.badgeHeading, words.nameHeading, words.roleHeading, words.unitHeading, words.statusHeading].map {
                $0.text(in: language)
            })
        for o in officers {
            table.append(
                o.badge, o.name, terms.word(o.role).text(in: language), o.unit ?? "",
                terms.standing(isRetired: o.isRetired).text(in: language))
        }
        try context.output.emit(Result(officers: officers), text: table.rendered)
    }
}
