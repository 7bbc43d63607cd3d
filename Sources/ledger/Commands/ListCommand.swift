import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger list`: items and dossiers, filtered.
struct ListCommand: LedgerCommand {
    static let spec = CommandSpec(
        "list", summary: "list items and dossiers",
        options: [
            Option(name: "case", value: "CASE", help: "of this case"),
            Option(name: "location", value: "CODE", help: "at this location or below it"),
            .choice("status", ObjectStatus.self, help: "in this state"),
            Option(name: "holder", value: "BADGE", help: "held by this officer"),
            .choice("kind", ObjectKind.self, help: "only items or only dossiers"),
            .flag("overdue", help: "only check-outs past their due time"),
            Option(name: "limit", value: "N", help: "at most N (default 10000)"),
        ])

    let filter: ObjectFilter

    init(parsing arguments: inout ArgumentReader) throws {
        filter = ObjectFilter(
            caseNumber: arguments.take("case"), location: arguments.take("location"),
            status: try arguments.choice("status", ObjectStatus.self), holder: arguments.take("holder"),
            kind: try arguments.choice("kind", ObjectKind.self), isOverdue: arguments.flag("overdue"),
            limit: Int(try arguments.integer("limit") ?? 10_000))
    }

    struct Result: Encodable {
        let objects: [ObjectJSON]
        let count: Int
        let more: Bool
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        // A filter naming something that does not exist is a mistake to point out, not an empty list.
        if let number = filter.caseNumber, try await store.caseRecord(number) == nil {
            throw LedgerError(.notFound, "there is no case \(number)")
        }
        if let code = filter.location, try await store.location(code) == nil {
            throw LedgerError(.notFound, "there is no location \(code)")
        }
        let people = try await People.read(from: store)
        let timeFormat = context.timeFormat(for: store)
        if let badge = filter.holder, people.name(badge) == badge {
            throw LedgerError(.notFound, "there is no officer \(badge)")
        }
        // One more than asked for says whether the list was cut short.
        var probe = filter
        probe.limit = filter.limit < Int.max ? filter.limit + 1 : filter.limit
        var objects = try await store.objects(matching: probe)
        let more = objects.count > filter.limit
        if more { objects.removeLast(objects.count - filter.limit) }
        let now = Date()
        let text = objects.isEmpty ? "" : ObjectListTable(objects, people: people, timeFormat: timeFormat, now: now).rendered + "\n"
        try context.output.emit(
            Result(objects: objects.map { ObjectJSON($0, timeFormat: timeFormat, now: now) }, count: objects.count, more: more),
            text: text + Catalogue.list.footer(count: objects.count, more: more, in: timeFormat.language))
    }
}
