import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger export`: objects or log entries, as CSV (RFC 4180) or JSON Lines, streamed in pages.
///
/// Export is a stream, so JSON Lines (one object per line) is its JSON form; `--json` with it changes nothing,
/// and `--json --format csv` is refused when parsed. Times are the stored UTC values in both formats.
struct ExportCommand: LedgerCommand {
    static let spec = CommandSpec(
        "export",
        summary: Wording(
            zh: "将涉案财物和案卷（默认）或台账记录导出为 CSV 或 JSON Lines",
            en: "export objects (default) or log entries as CSV or JSON Lines"),
        options: [
            .flag(
                "entries",
                help: Wording(zh: "导出台账记录，而不是涉案财物和案卷", en: "export the log's entries instead of the objects")),
            .choice("format", Format.self, help: Wording(zh: "导出格式（默认：jsonl）", en: "the format (default: jsonl)")),
            .flag(
                "bom",
                help: Wording(
                    zh: "与 --format csv 同用：文件以 UTF-8 字节顺序标记（BOM）开头，便于电子表格软件识别",
                    en: "with --format csv, start with a UTF-8 byte-order mark (for spreadsheets)")),
        ],
        notes: [
            Wording(
                zh: "导出是数据流：其 JSON 形式就是 JSON Lines（每行一个对象），因此 --json 不起作用，也不能与 --format csv 同用。"
                    + "时间为存储的 UTC 原值。CSV 中以 =、+、-、@、制表符或回车开头的字段会加上前缀 ' 并加引号，"
                    + "以免电子表格软件将其当作公式执行。",
                en: "Export is a stream: JSON Lines, one object per line, is its JSON form, so --json changes nothing and "
                    + "cannot be combined with --format csv. Times are the stored UTC values. In CSV, a field that starts "
                    + "with =, +, -, @, tab or carriage return is prefixed with ' and quoted, so no spreadsheet runs it.")
        ])

    enum Format: String, CaseIterable {
        case csv, jsonl
    }

    let entries: Bool
    let format: Format
    let byteOrderMark: Bool

    init(parsing arguments: inout ArgumentReader) throws {
        entries = arguments.flag("entries")
        format = try arguments.choice("format", Format.self) ?? .jsonl
        byteOrderMark = arguments.flag("bom")
        if byteOrderMark && format != .csv { throw arguments.error(.bomNeedsCSV) }
        // Export's JSON form is JSON Lines; asking for JSON and CSV at once is a contradiction, not a choice.
        if arguments.contains("json") && format == .csv {
            throw arguments.error(.jsonWithCSV)
        }
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        // Some spreadsheets read CSV as the local code page unless it starts with a byte-order mark.
        if byteOrderMark { Output.write("\u{FEFF}") }
        if entries {
            if format == .csv { Output.write(Self.csvLine(["index", "type", "at", "actor", "object", "entry"])) }
            var next: Int64 = 0
            while true {
                let page = try await store.entries(from: next, limit: 10_000)
                guard let last = page.last else { break }
                var text = ""
                for (index, bytes) in page {
                    let json = String(decoding: bytes, as: UTF8.self)
                    switch format {
                    case .jsonl: text += "{\"index\":\(index),\"entry\":\(json)}\n"
                    case .csv:
                        let header = Self.header(of: bytes)
                        text += Self.csvLine([
                            String(index), header.type, header.at, header.actor, header.object, json,
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
            var text = Self.csvLine([
                "id", "kind", "case", "name", "quantity", "unit", "features", "status", "location", "holder", "due", "chip",
                "registered", "updated",
            ])
            for o in objects {
                text += Self.csvLine([
                    o.id, o.kind.rawValue, o.caseNumber, o.name, o.item?.quantity ?? "", o.item?.unit ?? "", o.item?.features ?? "",
                    o.status.rawValue, o.location ?? "", o.holder ?? "", o.due ?? "", o.chip ?? "", String(o.registeredAt),
                    String(o.updatedAt),
                ])
            }
            Output.write(text)
        }
    }

    /// The type, time, actor and object of an entry, read from its JSON: custody entries and entry 0
    /// (`log.created`, which has a time but no actor) alike.
    private static func header(of bytes: Data) -> (type: String, at: String, actor: String, object: String) {
        if let entry = try? CustodyEntry.decode(bytes) {
            return (entry.event.type, entry.at, entry.actor ?? "", entry.event.object ?? "")
        }
        let fields = (try? JSONSerialization.jsonObject(with: bytes)) as? [String: Any]
        return (fields?["type"] as? String ?? "", fields?["at"] as? String ?? "", fields?["actor"] as? String ?? "", "")
    }

    /// One CSV record: fields with a comma, quote or line break are quoted, quotes doubled; CRLF ends it.
    ///
    /// A field that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage
    /// return) gets a leading `'` and is quoted, as OWASP's CSV-injection guidance says: free text such as
    /// features comes from the field and must never execute on the desk of whoever opens the export.
    static func csvLine(_ fields: [String]) -> String {
        fields.map { field in
            let isFormula = field.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false
            let value = isFormula ? "'" + field : field
            return isFormula || value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                : value
        }
        .joined(separator: ",") + "\r\n"
    }
}
