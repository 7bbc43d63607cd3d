/// A JSON document written by hand so that its form is fixed: keys sorted (by UTF-8 bytes), members without a
/// value left out, non-ASCII text as UTF-8; on one line, or indented by two spaces for people to diff.
enum JSONValue {
    case null
    case bool(Bool)
    case integer(Int64)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    static func int(_ value: Int) -> JSONValue { .integer(Int64(value)) }

    /// An object of the members that have a value.
    static func members(_ members: [String: JSONValue?]) -> JSONValue {
        .object(members.compactMapValues { $0 })
    }

    /// One line, as `ledger --json` prints (docs/json-output.md), or `pretty`.
    func rendered(pretty: Bool = false) -> String {
        pretty ? rendered(indent: "") : compact()
    }

    private func compact() -> String {
        switch self {
        case .array(let values): return "[" + values.map { $0.compact() }.joined(separator: ",") + "]"
        case .object(let members):
            return "{" + Self.sortedKeys(members).map { Self.quoted($0) + ":" + (members[$0] ?? .null).compact() }.joined(separator: ",")
                + "}"
        default: return rendered(indent: "")
        }
    }

    private static func sortedKeys(_ members: [String: JSONValue]) -> [String] {
        // By UTF-8 bytes, as JSONEncoder's `.sortedKeys` orders them.
        members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private func rendered(indent: String) -> String {
        let inner = indent + "  "
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .string(let value): return Self.quoted(value)
        case .array(let values):
            guard !values.isEmpty else { return "[]" }
            return "[\n" + values.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            return "{\n"
                + Self.sortedKeys(members).map { key in inner + Self.quoted(key) + ": " + (members[key] ?? .null).rendered(indent: inner) }
                .joined(separator: ",\n") + "\n" + indent + "}"
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped (RFC 8259 §7), the rest as is.
    static func quoted(_ text: String) -> String {
        // Most text needs nothing escaped (U+2028 and U+2029 start with the byte E2).
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) else { return "\"" + text + "\"" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
