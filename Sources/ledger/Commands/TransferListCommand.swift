import CommandLineSupport
import LedgerPresentation
import PropertyLedger
import Transfers

/// `ledger transfer list [--open]`: the transfers sent and received.
struct TransferListCommand: LedgerCommand {
    static let spec = CommandSpec(
        "transfer list", summary: Wording(zh: "列出移交（发出和接收的）", en: "list the transfers sent and received"),
        options: [.flag("open", help: Wording(zh: "只列未结的（尚无回执）", en: "only those still open (no receipt yet)"))])

    let openOnly: Bool

    init(parsing arguments: inout ArgumentReader) throws {
        openOnly = arguments.flag("open")
    }

    struct Result: Encodable {
        let transfers: [TransferSummary]
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        let transfers = try await store.read { try Transfers.transfers(in: $0) }.filter { !openOnly || $0.closedAt == nil }
        let words = Catalogue.transferWords
        let language = context.language
        var table = TextTable(
            headers: [
                words.transferHeading, words.directionHeading, words.peerHeading, words.caseHeading, words.objectsHeading,
                words.stateHeading,
            ]
            .map { $0.text(in: language) })
        for t in transfers {
            table.append(
                t.transfer, (t.direction == .out ? words.sent : words.receivedDirection).text(in: language), t.peer, t.caseNumber,
                String(t.objects.count), TransferShowCommand.state(t, words: words, language: language))
        }
        try context.output.emit(
            Result(transfers: transfers), text: transfers.isEmpty ? words.noTransfers.text(in: language) : table.rendered)
    }
}
