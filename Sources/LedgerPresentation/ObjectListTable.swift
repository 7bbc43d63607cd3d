public import Foundation
public import PropertyLedger

/// The rows of `ledger list`: one per object, with its kind and status in words, its name (a dossier without
/// a title by its volume), where it is stored or who holds it (by name beside the badge), and its due time in
/// the agency's zone, marked when past at `now`; columns aligned by display width.
public struct ObjectListTable: Sendable {
    public private(set) var table: TextTable

    public init(_ objects: [CustodyObject], people: People, timeFormat: TimeFormat, now: Date) {
        let language = timeFormat.language
        let words = Catalogue.list
        let terms = Catalogue.custodyTerms
        table = TextTable(
            headers: [
                words.idHeading, words.kindHeading, words.caseHeading, words.nameHeading, words.statusHeading, words.whereHeading,
                words.dueHeading,
            ].map { $0.text(in: language) })
        let stamp = Timestamp.string(now)
        let overdue = " " + words.overdue.text(in: language)
        for object in objects {
            table.append(
                cells: [
                    object.id, terms.word(object.kind).text(in: language), object.caseNumber,
                    Catalogue.objects.name(of: object, in: language), terms.word(object.status).text(in: language),
                    object.location ?? object.holder.map(people.name) ?? "",
                    (object.due.map { timeFormat.string(stored: $0) } ?? "") + (object.isOverdue(at: stamp) ? overdue : ""),
                ])
        }
    }

    public var rendered: String { table.rendered }
}
