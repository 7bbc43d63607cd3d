import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger
import Transfers

/// `ledger transfer create --to PEER --case CASE [--objects A,B] [--mode move|custody] --out FILE`: a clerk hands
/// a case's property and dossiers to another agency (``TransferOutbox``), and writes the bundle the receiver
/// checks offline (``TransferBundle``).
struct TransferCreateCommand: LedgerCommand {
    static let spec = CommandSpec(
        "transfer create",
        summary: Wording(zh: "向检察院、法院等移交案件的财物和案卷，生成移交文件", en: "hand a case's objects to another agency, writing the transfer bundle"),
        options: [
            Option(
                name: "to", value: "PEER",
                help: Wording(zh: "接收单位（ledger peer list 中的简称）", en: "the receiving agency (a name from ledger peer list)")),
            Option(name: "case", value: "CASE", help: Wording(zh: "案件编号", en: "the case number")),
            Option(
                name: "objects", value: "ID,…",
                help: Wording(zh: "只移交这些财物或案卷（默认：该案所有在库的）", en: "only these objects (default: every one of the case in storage)")),
            .choice(
                "mode", TransferMode.self,
                help: Wording(
                    zh: "move：随案移送实物（默认）；custody：权属移交，实物不动",
                    en: "move: the goods go with the case (default); custody: custody changes, the goods stay")),
            Option(
                name: "peer-size", value: "N",
                help: Wording(
                    zh: "对方已见证的本台账规模（对方 ledger peer list 可见；默认取对方上一份回执所载，首次为 0）",
                    en: "the size of this log the receiver has witnessed (its ledger peer list shows it; default: what its last "
                        + "receipt said, 0 the first time)")),
            Option(name: "out", value: "FILE", help: Wording(zh: "移交文件写到这里", en: "where the bundle is written")),
        ],
        notes: [
            Wording(
                zh: "在一个事务中为每件财物记一条 transfer.out，再记一条移交清单 transfer.manifest；对方回执登记前，这些财物不得出库、移库或处置。",
                en: "Records a transfer.out per object and then the transfer.manifest, in one transaction; until the receiver's "
                    + "receipt is recorded the objects are neither checked out, moved nor disposed of.")
        ])

    let peer, caseNumber, out: String
    let objects: [String]?
    let mode: TransferMode
    /// `--peer-size`, else what the peer's last receipt said its witness held.
    let peerSize: Int64?

    init(parsing arguments: inout ArgumentReader) throws {
        peer = try arguments.required("to")
        caseNumber = try arguments.required("case")
        objects = arguments.take("objects").map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        mode = try arguments.choice("mode", TransferMode.self) ?? .move
        peerSize = try arguments.integer("peer-size")
        out = try arguments.required("out")
    }

    struct Result: Encodable {
        let transfer: String
        let manifest: Int64
        let objects: [String]
        let bundle: String
        let bytes: Int
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        let (peer, caseNumber, objects, mode) = (self.peer, self.caseNumber, self.objects, self.mode)
        let recorded = try await store.transaction(actor: context.actor, signer: try await context.signer(in: store)) { transaction in
            try TransferOutbox.create(to: peer, caseNumber: caseNumber, objects: objects, mode: mode, in: &transaction)
        }
        let manifest = try recorded.manifest.entry.payload(TransferManifest.self)
        // The transfer is recorded from here on and its objects wait for the receipt: a bundle that cannot be made or
        // written (a disk that fails or fills up) must say so, and how to write it (`transfer bundle`).
        let data: Data
        do {
            let witnessed = try await store.read { snapshot in try Transfers.sizeWitnessed(by: peer, in: snapshot) }
            let bundle = try await TransferBundle.make(
                manifest: recorded.manifest, objects: recorded.objects, peerSize: peerSize ?? witnessed, from: store)
            data = bundle.data
            try OutputFile.write(String(decoding: data, as: UTF8.self), to: out)
        } catch {
            throw CommandFailure.recorded(
                Reason(
                    "transfer-bundle-unwritten", ["transfer": manifest.transfer, "index": String(recorded.manifest.index), "path": out]),
                before: error)
        }
        try context.output.emit(
            Result(
                transfer: manifest.transfer, manifest: recorded.manifest.index, objects: manifest.objects, bundle: out, bytes: data.count),
            text: Catalogue.transferWords.created.text(
                in: context.language,
                [
                    "transfer": manifest.transfer, "count": String(manifest.objects.count), "peer": manifest.peer, "path": out,
                    "index": String(recorded.manifest.index),
                ]))
    }
}
