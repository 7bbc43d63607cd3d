import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger entry INDEX`: prints an entry's exact bytes.
struct EntryCommand: LedgerCommand {
    static let spec = CommandSpec(
        "entry", arguments: "INDEX",
        summary: Wording(
            zh: "输出第 INDEX 条记录的原始字节，供他人校验回执",
            en: "print entry INDEX's exact bytes, so others can check a receipt"),
        notes: [
            Wording(
                zh: "加 --json 时以 base64 输出这些字节；如果是 UTF-8，另附文本形式。",
                en: "With --json, prints the bytes in base64 and, if they are UTF-8, as text.")
        ])

    let index: Int64

    init(parsing arguments: inout ArgumentReader) throws {
        index = try arguments.integer(positional: "INDEX")
    }

    struct Result: Encodable {
        let index: Int64
        let base64: String
        let text: String?
    }

    func run(in context: CommandContext) async throws {
        let bytes = try await context.openStore().entry(at: index)
        if context.json {
            try Output.writeJSON(Result(index: index, base64: bytes.base64EncodedString(), text: String(data: bytes, encoding: .utf8)))
        } else {
            // Exactly the stored bytes: no newline added, so `ledger entry N > file` reproduces them.
            Output.write(bytes)
        }
    }
}
