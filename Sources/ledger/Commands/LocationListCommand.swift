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
        let language = context.language
        let words = Catalogue.locationList
        var table = TextTable(
            headers: [words.codeHeading, words.nameHeading, words.kindHeading, words.parentHeading, words.centralHeading].map {
                $0.text(in: language)
            })
        for l in locations {
            table.append(
                l.code, l.name, Catalogue.custodyTerms.word(l.kind).text(in: language), l.parent ?? "",
                l.isCentral ? words.central.text(in: language) : "")
        }
        try context.output.emit(Result(locations: locations), text: table.rendered)
    }
}
