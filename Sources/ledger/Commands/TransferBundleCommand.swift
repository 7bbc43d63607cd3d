import CommandLineSupport
import LedgerPresentation
import PropertyLedger
import Transfers

/// `ledger transfer bundle ID [--peer-size N] --out FILE`: the bundle of a transfer sent from here and not yet
/// closed, written again — when the first was lost, or never written because the disk failed after `transfer create`
/// had recorded the transfer (its objects then wait for a receipt only this bundle can bring).
struct TransferBundleCommand: LedgerCommand {
    static let spec = CommandSpec(
        "transfer bundle", arguments: "ID",
        summary: Wording(zh: "重新生成本单位未结移交的移交文件", en: "write the bundle of an open transfer sent from here again"),
        options: [
            Option(
                name: "peer-size", value: "N",
                help: Wording(
                    zh: "对方已见证的本台账规模（默认与 transfer create 相同）",
                    en: "the size of this log the receiver has witnessed (default: as for transfer create)")),
            Option(name: "out", value: "FILE", help: Wording(zh: "移交文件写到这里", en: "where the bundle is written")),
        ])

    let id, out: String
    let peerSize: Int64?

    init(parsing arguments: inout ArgumentReader) throws {
        id = try arguments.positional("ID")
        peerSize = try arguments.integer("peer-size")
        out = try arguments.required("out")
    }

    struct Result: Encodable {
        let transfer, bundle: String
        let bytes: Int
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        let bundle = try await TransferBundle.bundle(of: id, peerSize: peerSize, in: store)
        let data = bundle.data
        try OutputFile.write(String(decoding: data, as: UTF8.self), to: out)
        try context.output.emit(
            Result(transfer: id, bundle: out, bytes: data.count),
            text: Catalogue.transferWords.bundleWritten.text(in: context.language, ["transfer": id, "path": out]))
    }
}
