import Foundation
import PropertyLedger

/// `ledger export`: objects or log entries, as CSV (RFC 4180) or JSON Lines, streamed in pages.
extension CommandRunner {
    func export(entries: Bool, format: ExportFormat) async throws {
        let store = try await openStore()
        if entries {
            if format == .csv { Output.write(csvLine(["index", "type", "at", "actor", "object", "entry"])) }
            var next: Int64 = 0
            while true {
                let page = try await store.entries(from: next, limit: 10_000)
                guard let last = page.last else { break }
                var text = ""
                for (index, bytes) in page {
                    let json = String(decoding: bytes, as: UTF8.self)
                    let entry = try? CustodyEntry.decode(bytes)
                    switch format {
                    case .jsonl: text += "{\"index\":\(index),\"entry\":\(json)}\n"
                    case .csv:
                        text += csvLine([
                            String(index), entry?.event.type ?? "log.created", entry?.at ?? "", entry?.actor ?? "",
                            entry?.event.object ?? "", json,
                        ])
                    }
                }
                Output.write(text)
                next = last.index + 1
            }
            return
        }
        let objects = try await store.objects(matching: ObjectFilter(limit: Int.max))
        switch format {
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var text = ""
            for object in objects { text += String(decoding: try encoder.encode(object), as: UTF8.self) + "\n" }
            Output.write(text)
        case .csv:
            var text = csvLine(["id", "kind", "case", "name", "status", "location", "holder", "due", "chip", "registered", "updated"])
            for o in objects {
                text += csvLine([
                    o.id, o.kind.rawValue, o.caseNumber, o.name, o.status.rawValue, o.location ?? "", o.holder ?? "",
                    o.due ?? "", o.chip ?? "", String(o.registeredAt), String(o.updatedAt),
                ])
            }
            Output.write(text)
        }
    }

    /// One CSV record: fields with a comma, quote or line break are quoted, quotes doubled; CRLF ends it.
    private func csvLine(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                : field
        }
        .joined(separator: ",") + "\r\n"
    }
}
