import CommandLineSupport
import LedgerPresentation
import PropertyLedger
import Transfers

/// `ledger transfer receipt ID [--peer-size N] --out FILE`: the receipt of a transfer received here, written
/// again — for a sender whose witness holds another size of this log than the first receipt assumed (its
/// `transfer close` names the size it holds).
struct TransferReceiptCommand: LedgerCommand {
    static let spec = CommandSpec(
        "transfer receipt", arguments: "ID",
        summary: Wording(zh: "重新生成已接收移交的回执", en: "write the receipt of a transfer received here again"),
        options: [
            Option(
                name: "peer-size", value: "N",
                help: Wording(zh: "移交单位已见证的本台账规模（默认 0）", en: "the size of this log the sender has witnessed (default 0)")),
            Option(name: "out", value: "FILE", help: Wording(zh: "回执写到这里", en: "where the receipt is written")),
        ])

    let id, out: String
    let peerSize: Int64

    init(parsing arguments: inout ArgumentReader) throws {
        id = try arguments.positional("ID")
        peerSize = try arguments.integer("peer-size") ?? 0
        out = try arguments.required("out")
    }

    struct Result: Encodable {
        let transfer, receipt: String
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        let receipt = try await TransferBundle.receipt(of: id, peerSize: peerSize, in: store)
        try OutputFile.write(String(decoding: receipt.data, as: UTF8.self), to: out)
        try context.output.emit(
            Result(transfer: id, receipt: out),
            text: Catalogue.transferWords.receiptWritten.text(in: context.language, ["transfer": id, "path": out]))
    }
}
