import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger list`: items and dossiers, filtered.
struct ListCommand: LedgerCommand {
    static let spec = CommandSpec(
        "list", summary: Wording(zh: "列出涉案财物和案卷", en: "list items and dossiers"),
        options: [
            Option(name: "case", value: "CASE", help: Wording(zh: "只列该案件的", en: "of this case")),
            Option(
                name: "location", value: "CODE", help: Wording(zh: "只列在该位置或其下级位置的", en: "at this location or below it")),
            .choice(
                "status", ObjectStatus.self,
                help: Wording(
                    zh: "只列处于该状态的：registered 已登记、in-storage 在库、checked-out 已出库、disposed 已处置",
                    en: "in this state")),
            Option(name: "holder", value: "BADGE", help: Wording(zh: "只列由该警员领用的", en: "held by this officer")),
            .choice(
                "kind", ObjectKind.self,
                help: Wording(zh: "只列涉案财物（item）或只列案卷（dossier）", en: "only items or only dossiers")),
            .flag(
                "overdue", help: Wording(zh: "只列已过归还期限仍未归还的", en: "only check-outs past their due time")),
            Option(name: "limit", value: "N", help: Wording(zh: "最多列出 N 件（默认 10000）", en: "at most N (default 10000)")),
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
            throw LedgerError(.notFound, .noSuchCase(number))
        }
        if let code = filter.location, try await store.location(code) == nil {
            throw LedgerError(.notFound, .noSuchLocation(code))
        }
        let people = try await People.read(from: store)
        let timeFormat = context.timeFormat(for: store)
        if let badge = filter.holder, people.name(badge) == badge {
            throw LedgerError(.notFound, .noSuchOfficer(badge))
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
