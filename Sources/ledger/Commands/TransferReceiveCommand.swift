import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger
import Transfers

/// `ledger transfer receive FILE --confirm …|all [--missing …] [--damaged OBJECT=NOTE,…] --receipt-out FILE`: the
/// receiving clerk checks a bundle offline against the sender's key (``TransferInbox``), records what was found
/// of each object, and writes the receipt the sender closes the transfer with.
struct TransferReceiveCommand: LedgerCommand {
    static let spec = CommandSpec(
        "transfer receive", arguments: "FILE",
        summary: Wording(zh: "核验并接收移交文件，逐件登记接收结果，生成回执", en: "check and receive a transfer bundle, answer every object, write the receipt"),
        options: [
            Option(
                name: "confirm", value: "ID,…|all",
                help: Wording(
                    zh: "当场审验无误的财物；all 表示其余全部", en: "the objects checked and found as listed; all for every one not otherwise answered")),
            Option(name: "missing", value: "ID,…", help: Wording(zh: "清单中有而未收到的", en: "listed but not received")),
            Option(name: "damaged", value: "ID=NOTE,…", help: Wording(zh: "收到但有损坏的，附说明", en: "received damaged, with a note each")),
            Option(
                name: "case", value: "CASE",
                help: Wording(
                    zh: "接收的财物归入本单位的哪个案件（默认：对方的案件编号）", en: "the case here the objects are received for (default: the sender's case number)")
            ),
            Option(
                name: "peer-size", value: "N",
                help: Wording(
                    zh: "对方已见证的本台账规模（默认 0：对方首次见证本台账）", en: "the size of this log the sender has witnessed (default 0: the first time)")),
            Option(
                name: "receipt-out", value: "FILE", help: Wording(zh: "回执写到这里，交回移交单位", en: "where the receipt for the sender is written")),
        ],
        notes: [
            Wording(
                zh: "写入前离线核验：是给本单位的、未接收过、由已登记的交换单位签署、其检查点与本台账已见证的一致、每份证明成立、清单完整有序。"
                    + "不符则拒绝（退出状态 1），不写入任何内容。每件都须答复一次。",
                en: "Checked offline before anything is written: for us, not seen before, signed by a known peer, its checkpoint "
                    + "consistent with the one witnessed here, every proof valid, the list complete and in order. Otherwise refused "
                    + "(exit 1) and nothing written. Every object is answered once.")
        ])

    let file, receiptOut: String
    let confirmed: [String]
    let confirmAll: Bool
    let missing: [String]
    let damaged: [Damage]
    let peerSize: Int64
    let caseNumber: String?

    /// An object received damaged, and the note on it.
    struct Damage: Equatable {
        let object, note: String
    }

    init(parsing arguments: inout ArgumentReader) throws {
        file = try arguments.positional("FILE")
        let confirm = Self.list(arguments.take("confirm"))
        confirmAll = confirm == ["all"]
        confirmed = confirmAll ? [] : confirm
        missing = Self.list(arguments.take("missing"))
        damaged = try Self.list(arguments.take("damaged")).map { pair in
            guard let equals = pair.firstIndex(of: "="), !pair[..<equals].isEmpty, !pair[pair.index(after: equals)...].isEmpty else {
                throw ArgumentValueError(
                    option: "damaged", reason: Reason("damaged-pair-malformed", ["text": pair]), command: Self.spec.name)
            }
            return Damage(object: String(pair[..<equals]), note: String(pair[pair.index(after: equals)...]))
        }
        peerSize = try arguments.integer("peer-size") ?? 0
        caseNumber = arguments.take("case")
        receiptOut = try arguments.required("receipt-out")
    }

    static func list(_ text: String?) -> [String] {
        text.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
    }

    struct Result: Encodable {
        let transfer: String
        let index: Int64
        let answers: [TransferSummary.Object]
        let receipt: String
    }

    func run(in context: CommandContext) async throws {
        let bundle = try TransferBundle(parsing: try InputFile.data(file))
        let store = try await context.openStore()
        var answers = TransferInbox.Answers(confirmed: confirmed, missing: missing, damaged: damaged.map { ($0.object, $0.note) })
        if confirmAll {
            // Every object the manifest lists that is not answered otherwise; the manifest is read, unchecked, only to
            // list them — the inbox checks everything it says.
            let answered = Set(missing + damaged.map(\.object))
            let listed =
                (try? bundle.proofs.first?.extra.map { try LoggedEntry(decoding: $0).payload(TransferManifest.self).objects }) ?? nil
            answers.confirmed = (listed ?? []).filter { !answered.contains($0) }
        }
        let (answered, caseNumber) = (answers, self.caseNumber)
        let received = try await context.checkedTransfer(in: store) { transaction in
            try TransferInbox.receive(bundle, answers: answered, forCase: caseNumber, in: &transaction)
        }
        let receipt = try await TransferBundle.receipt(of: bundle.transfer, peerSize: peerSize, in: store)
        try OutputFile.write(String(decoding: receipt.data, as: UTF8.self), to: receiptOut)
        let payload = try received.entry.payload(TransferReceived.self)
        try context.output.emit(
            Result(
                transfer: payload.transfer, index: received.index,
                answers: payload.answers.map { .init(object: $0.object, result: $0.result) },
                receipt: receiptOut),
            text: Catalogue.transferWords.received.text(
                in: context.language,
                ["transfer": payload.transfer, "peer": payload.peer, "index": String(received.index), "path": receiptOut].merging(
                    payload.answers.resultCounts(\.result)
                ) { a, _ in a }))
    }
}
