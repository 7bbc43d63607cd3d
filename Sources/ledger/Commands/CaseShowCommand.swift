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
        var table = TextTable("ID", "NAME", "STATUS", "WHERE")
        for o in objects {
            table.append(o.id, o.name, o.status.rawValue, o.location ?? o.holder.map { "held by \(people.name($0))" } ?? "")
        }
        let text = """
            \(record.number)  \(record.title)
              kind           \(record.kind.rawValue)\(record.isPropertyCrime ? ", property crime" : "")
              status         \(record.status.rawValue)
              opened         \(timeFormat.string(stored: record.openedAt))
              last progress  \(timeFormat.string(stored: record.lastProgressAt))

            \(table.rendered)
            """
        try context.output.emit(Result(case: record, objects: objects.map { ObjectJSON($0) }), text: text)
    }
}
