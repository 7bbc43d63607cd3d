import Foundation

/// Writes results: text for people, one JSON object per result for machines.
struct Output {
    let json: Bool

    /// Prints `text` for people, or `value` as one line of JSON with `--json`.
    func emit<Value: Encodable>(_ value: Value, text: @autoclosure () -> String) throws {
        if json {
            try Self.writeJSON(value)
        } else {
            Self.write(text() + "\n")
        }
    }

    static func writeJSON<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        // One line: messages never carry newlines into the terminal or a log.
        let line = text.replacingOccurrences(of: "\n", with: " ")
        FileHandle.standardError.write(Data("ledger: error: \(line)\n".utf8))
    }
}

/// The JSON shape of an error, printed on stdout with `--json` (the one-line message goes to stderr too).
///
/// `reason` and `args` are the reason's id and its arguments (the libraries', the parser's or the tool's),
/// for scripts to tell errors apart without reading words; they are left out only for an internal error,
/// which has no reason.
struct ErrorOutput: Encodable {
    struct Body: Encodable {
        let status: Int32
        let kind: String
        let message: String
        var reason: String?
        var args: [String: String]?
    }
    let error: Body
}
