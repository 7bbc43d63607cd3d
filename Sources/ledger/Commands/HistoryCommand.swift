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
        /// The key that signed the entry and its holder (`officer:000001`); absent for an unsigned entry.
        let signature: Signature?
        let entry: String
        let receipt: String?
    }

    struct Signature: Encodable {
        let key, holder: String
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
        let language = timeFormat.language
        let summary = EventSummary(people: people, timeFormat: timeFormat)
        let words = Catalogue.history
        var items: [Item] = []
        var table = TextTable(
            headers: [
                words.indexHeading, words.atHeading, words.actorHeading, Catalogue.officerKeys.signatureHeading, words.eventHeading,
                words.detailHeading,
            ].map { $0.text(in: language) })
        var holders: [String: String] = [:]
        for record in history {
            var signature: Signature?
            if let key = try EntrySignature.split(record.bytes).signature?.keyID {
                if holders[key] == nil { holders[key] = try await store.signingKey(key)?.holder ?? "" }
                signature = Signature(key: key, holder: holders[key] ?? "")
            }
            let receipt = try await checkpoint.asyncMap {
                try await store.receipt(index: record.index, size: Int64($0.checkpoint.size)).text
            }
            // JSON: the time with the agency's offset; the entry's own bytes exactly as stored.
            items.append(
                Item(
                    index: record.index, type: record.entry.event.type, at: timeFormat.iso8601(stored: record.entry.at),
                    actor: record.entry.actor, signature: signature, entry: String(decoding: record.bytes, as: UTF8.self),
                    receipt: receipt))
            table.append(
                String(record.index), timeFormat.string(stored: record.entry.at), record.entry.actor.map(people.name) ?? "",
                signature.map { Self.signer($0, people: people, language: language) }
                    ?? Catalogue.officerKeys.unsigned.text(in: language),
                summary.name(of: record.entry.event), summary.text(record.entry.event))
        }
        var text = table.rendered
        if let checkpoint {
            text += "\n\n" + words.proofs.text(in: language, ["size": String(checkpoint.checkpoint.size)])
            for item in items {
                guard let receipt = item.receipt, let parsed = try? Receipt(parsing: receipt) else { continue }
                let hashes = parsed.proof.map { String($0.base64EncodedString().prefix(12)) + "…" }.joined(separator: " ")
                text += "\n" + words.proofLine.text(in: language, ["index": String(item.index), "hashes": hashes])
            }
        }
        let id = try await store.resolve(reference)
        try context.output.emit(Result(object: id, entries: items), text: text)
    }

    /// Who signed: the holder by name, and the key's first eight hex digits (`魏江 (000001) · 097fb2ef`).
    static func signer(_ signature: Signature, people: People, language: Language) -> String {
        let holder: String
        switch KeyHolder(signature.holder) {
        case .officer(let badge): holder = people.name(badge)
        case .device(let device): holder = device.id
        case nil: holder = signature.holder
        }
        return Catalogue.officerKeys.signedBy.text(in: language, ["holder": holder, "key": String(signature.key.prefix(8))])
    }
}
