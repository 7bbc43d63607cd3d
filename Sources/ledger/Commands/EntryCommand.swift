import CommandLineSupport
import Foundation
import PropertyLedger

/// `ledger entry INDEX`: prints an entry's exact bytes.
struct EntryCommand: LedgerCommand {
    static let spec = CommandSpec(
        "entry", arguments: "INDEX", summary: "print entry INDEX's exact bytes, so others can check a receipt",
        notes: ["With --json, prints the bytes in base64 and, if they are UTF-8, as text."])

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
            FileHandle.standardOutput.write(bytes)
        }
    }
}
