import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger show OBJECT`: what it is, where it is, who holds it.
struct ShowCommand: LedgerCommand {
    static let spec = CommandSpec(
        "show", arguments: "OBJECT",
        summary: Wording(
            zh: "显示涉案财物或案卷：是什么、在哪里、由谁领用",
            en: "show an item or dossier: what it is, where it is, who holds it"))

    let reference: String

    init(parsing arguments: inout ArgumentReader) throws {
        reference = try arguments.object()
    }

    func run(in context: CommandContext) async throws {
        try await Self.show(reference, in: context)
    }

    /// Prints the object `reference` names (also for `ledger where`).
    static func show(_ reference: String, in context: CommandContext) async throws {
        let store = try await context.openStore()
        let object = try await store.object(reference)
        let text = try await describe(object, store: store, timeFormat: context.timeFormat(for: store))
        try context.output.emit(ObjectJSON(object), text: text)
    }

    /// What a clerk needs at a glance: what it is, its case, where it is or who holds it, anything overdue.
    static func describe(_ object: CustodyObject, store: LedgerStore, timeFormat: TimeFormat) async throws -> String {
        let now = Timestamp.string(Date())
        let people = try await People.read(from: store)
        var lines = ["\(object.id)  \(object.name)" + (object.item.map { " ×\($0.quantity) \($0.unit)" } ?? "")]
        let record = try await store.caseRecord(object.caseNumber)
        lines.append("  case      \(object.caseNumber)" + (record.map { " \($0.title)" } ?? ""))
        switch object.status {
        case .inStorage:
            let name = try await object.location.asyncMap { try await store.location($0)?.name } ?? nil
            lines.append("  status    in storage at \(object.location ?? "?")" + (name.map { " (\($0))" } ?? ""))
        case .checkedOut:
            lines.append(
                "  status    checked out to \(object.holder.map(people.name) ?? "?"), due \(object.due.map { timeFormat.string(stored: $0) } ?? "?")"
                    + (object.isOverdue(at: now) ? "  ** OVERDUE **" : ""))
        case .registered:
            lines.append("  status    registered, not yet in storage")
        case .disposed:
            lines.append("  status    disposed of")
        }
        if let chip = object.chip { lines.append("  chip      \(chip)") }
        if let item = object.item {
            if let features = item.features { lines.append("  features  \(features)") }
            if let weight = item.weight { lines.append("  weight    \(weight)") }
            lines.append("  seized    \(timeFormat.string(stored: item.seizedAt)) by \(people.names(item.seizedBy))")
        }
        if let dossier = object.dossier {
            lines.append("  volume    \(dossier.volume) of \(dossier.volumes), \(dossier.pages) pages")
        }
        lines.append("  entries   registered at #\(object.registeredAt), last #\(object.updatedAt)")
        return lines.joined(separator: "\n")
    }
}
