import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger case show NUMBER`: a case and its items and dossiers.
struct CaseShowCommand: LedgerCommand {
    static let spec = CommandSpec(
        "case show", arguments: "NUMBER",
        summary: Wording(zh: "显示案件及其涉案财物和案卷", en: "show a case and its items and dossiers"))

    let number: String

    init(parsing arguments: inout ArgumentReader) throws {
        number = try arguments.positional("NUMBER")
    }

    struct Result: Encodable {
        let `case`: CaseRecord
        let objects: [ObjectJSON]
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        guard let record = try await store.caseRecord(number) else { throw LedgerError(.notFound, .noSuchCase(number)) }
        let objects = try await store.objects(matching: ObjectFilter(caseNumber: number))
        let people = try await People.read(from: store)
        let timeFormat = context.timeFormat(for: store)
        let language = timeFormat.language
        let words = Catalogue.caseShow
        let terms = Catalogue.custodyTerms
        var table = TextTable(
            headers: [words.idHeading, words.nameHeading, words.statusHeading, words.whereHeading].map { $0.text(in: language) })
        for o in objects {
            table.append(
                o.id, Catalogue.objects.name(of: o, in: language), terms.word(o.status).text(in: language),
                o.location ?? o.holder.map { words.heldBy.text(in: language, ["holder": people.name($0)]) } ?? "")
        }
        var card = LabelledLines()
        card.append(
            words.kindLabel.text(in: language),
            ([terms.word(record.kind)] + (record.isPropertyCrime ? [terms.propertyCrime] : [])).map { $0.text(in: language) }
                .joined(separator: Catalogue.eventSummaries.separator.text(in: language)))
        card.append(words.statusLabel.text(in: language), terms.word(record.status).text(in: language))
        card.append(words.openedLabel.text(in: language), timeFormat.string(stored: record.openedAt))
        card.append(words.lastProgressLabel.text(in: language), timeFormat.string(stored: record.lastProgressAt))
        let text = "\(record.number)  \(record.title)\n" + card.rendered() + "\n\n" + table.rendered
        // JSON: the case's times with the agency's offset, like every time these commands print.
        var shown = record
        shown.openedAt = timeFormat.iso8601(stored: record.openedAt)
        shown.lastProgressAt = timeFormat.iso8601(stored: record.lastProgressAt)
        try context.output.emit(Result(case: shown, objects: objects.map { ObjectJSON($0, timeFormat: timeFormat) }), text: text)
    }
}
