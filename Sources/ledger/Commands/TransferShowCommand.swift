import CommandLineSupport
import LedgerPresentation
import PropertyLedger
import Transfers

/// `ledger transfer show ID`: one transfer, and what the receiver found of each object.
struct TransferShowCommand: LedgerCommand {
    static let spec = CommandSpec(
        "transfer show", arguments: "ID", summary: Wording(zh: "显示一次移交及每件的接收结果", en: "show a transfer and what was found of each object"))

    let id: String

    init(parsing arguments: inout ArgumentReader) throws {
        id = try arguments.positional("ID")
    }

    static func state(_ t: TransferSummary, words: TransferWords, language: Language) -> String {
        guard let closed = t.closedAt else { return words.open.text(in: language) }
        return words.closedAt.text(in: language, ["index": String(closed)])
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        let id = self.id
        guard let transfer = try await store.read({ try Transfers.transfers(in: $0) }).first(where: { $0.transfer == id }) else {
            throw LedgerError(.notFound, Reason("transfer-unknown", ["transfer": id]))
        }
        let words = Catalogue.transferWords
        let language = context.language
        var lines = [
            words.showHeading.text(
                in: language,
                [
                    "transfer": transfer.transfer, "peer": transfer.peer, "case": transfer.caseNumber,
                    "mode": words.mode(transfer.mode).text(in: language),
                    "state": Self.state(transfer, words: words, language: language),
                ])
        ]
        for object in transfer.objects {
            lines.append(
                "  " + object.object + "  "
                    + (object.result.map { words.result($0).text(in: language) } ?? words.awaited.text(in: language)))
        }
        try context.output.emit(transfer, text: lines.joined(separator: "\n"))
    }
}
