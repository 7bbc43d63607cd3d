import CommandLineSupport
import LedgerPresentation
import PropertyLedger
import Transfers

/// `ledger transfer close RECEIPT`: the sender checks the receiver's receipt and records it (``TransferInbox``):
/// only then do the objects confirmed or damaged leave this agency's custody.
struct TransferCloseCommand: LedgerCommand {
    static let spec = CommandSpec(
        "transfer close", arguments: "RECEIPT",
        summary: Wording(zh: "核验对方回执并结束移交", en: "check the receiver's receipt and close the transfer"),
        notes: [
            Wording(
                zh: "回执须由接收单位签署、答复清单中的每一件、所见的本台账检查点与本台账一致，否则拒绝（退出状态 1）。登记后，确认和损坏的财物不再由本单位保管。",
                en: "The receipt must be signed by the receiver, answer every object of the manifest and name a checkpoint of this "
                    + "log that this log holds; otherwise refused (exit 1). Once recorded, what was confirmed or damaged has left "
                    + "this agency's custody.")
        ])

    let file: String

    init(parsing arguments: inout ArgumentReader) throws {
        file = try arguments.positional("RECEIPT")
    }

    struct Result: Encodable {
        let transfer: String
        let index: Int64
        let answers: [TransferSummary.Object]
    }

    func run(in context: CommandContext) async throws {
        let receipt = try TransferBundle(parsing: try InputFile.data(file), as: .receipt)
        let store = try await context.openStore()
        let closed = try await context.checkedTransfer(in: store) { transaction in try TransferInbox.close(receipt, in: &transaction) }
        let payload = try closed.entry.payload(TransferClosed.self)
        try context.output.emit(
            Result(
                transfer: payload.transfer, index: closed.index,
                answers: payload.answers.map { .init(object: $0.object, result: $0.result) }),
            text: Catalogue.transferWords.closed.text(
                in: context.language,
                ["transfer": payload.transfer, "peer": payload.peer, "index": String(closed.index)].merging(
                    payload.answers.resultCounts(\.result)
                ) { a, _ in a }))
    }
}
