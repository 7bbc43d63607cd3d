import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger history OBJECT`: the chain of custody, each entry with its log index (and `--proof`, its receipt).
struct HistoryCommand: LedgerCommand {
    static let spec = CommandSpec(
        "history", arguments: "OBJECT",
        summary: Wording(
            zh: "涉案财物或案卷的保管链，每条记录附其在台账中的序号",
            en: "the chain of custody of an item or dossier, each entry with its log index"),
        options: [
            .flag(
                "proof",
                help: Wording(
                    zh: "为每条记录附上针对最新检查点的包含证明",
                    en: "add an inclusion proof per entry against the latest checkpoint"))
        ])

    let reference: String
    let withProofs: Bool

    init(parsing arguments: inout ArgumentReader) throws {
        reference = try arguments.object()
        withProofs = arguments.flag("proof")
    }

    struct Item: Encodable {
        let index: Int64
        let type, at: String
        let actor: String?
        let entry: String
        let receipt: String?
    }

    struct Result: Encodable {
        let object: String
        let entries: [Item]
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        let history = try await store.history(of: reference)
        let checkpoint = withProofs ? try await store.checkpoint() : nil
        let people = try await People.read(from: store)
        let timeFormat = context.timeFormat(for: store)
        var items: [Item] = []
        var table = TextTable("#", "AT", "ACTOR", "EVENT", "DETAIL")
        for record in history {
            let receipt = try await checkpoint.asyncMap {
                try await store.receipt(index: record.index, size: Int64($0.checkpoint.size)).text
            }
            items.append(
                Item(
                    index: record.index, type: record.entry.event.type, at: record.entry.at, actor: record.entry.actor,
                    entry: String(decoding: record.bytes, as: UTF8.self), receipt: receipt))
            table.append(
                String(record.index), timeFormat.string(stored: record.entry.at), record.entry.actor.map(people.name) ?? "",
                record.entry.event.type, Self.summary(record.entry.event, people: people, timeFormat: timeFormat))
        }
        var text = table.rendered
        if let checkpoint {
            text +=
                "\n\nEach entry's inclusion proof verifies against the checkpoint at size \(checkpoint.checkpoint.size); "
                + "with --json each entry carries its receipt."
            for item in items {
                guard let receipt = item.receipt, let parsed = try? Receipt(parsing: receipt) else { continue }
                text += "\n#\(item.index): " + parsed.proof.map { String($0.base64EncodedString().prefix(12)) + "…" }.joined(separator: " ")
            }
        }
        let id = try await store.resolve(reference)
        try context.output.emit(Result(object: id, entries: items), text: text)
    }

    private static func summary(_ event: CustodyEvent, people: People, timeFormat: TimeFormat) -> String {
        switch event {
        case .itemRegistered(let e): "\(e.name) ×\(e.quantity) \(e.unit), seized by \(people.names(e.seizedBy))"
        case .dossierRegistered(let e): "volume \(e.volume)/\(e.volumes), \(e.pages) pages"
        case .chipBound(let e): "chip \(e.uid)"
        case .chipReplaced(let e): "chip \(e.previousUID) → \(e.uid): \(e.reason)"
        case .checkedIn(let e): "→ \(e.location)"
        case .checkedOut(let e):
            "\(e.from) → \(people.name(e.to)) for \(e.reason.rawValue), approved by \(people.name(e.approvedBy)), due \(timeFormat.string(stored: e.due))"
        case .returned(let e): "→ \(e.location) by \(people.name(e.by)), \(e.condition)"
        case .moved(let e): "\(e.from) → \(e.location)" + (e.reason.map { ": \($0)" } ?? "")
        case .disposed(let e): "\(e.method.rawValue), approved by \(people.name(e.approvedBy))" + (e.recipient.map { ", to \($0)" } ?? "")
        case .corrected(let e): "corrects #\(e.corrects) \(e.field): \(e.old) → \(e.new) (\(e.reason))"
        default: ""
        }
    }
}
