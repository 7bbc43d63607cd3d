import ChipReader
import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger
import Transfers

/// `ledger transfer receive FILE --scan|--confirm …|all [--missing …] [--damaged OBJECT=NOTE,…] --receipt-out FILE`:
/// the receiving clerk checks a bundle offline against the sender's key (``TransferInbox``), records what was found
/// of each object — by reading the chips of what arrived, or by naming it — and writes the receipt the sender
/// closes the transfer with.
struct TransferReceiveCommand: LedgerCommand {
    static let spec = CommandSpec(
        "transfer receive", arguments: "FILE",
        summary: Wording(zh: "核验并接收移交文件，逐件登记接收结果，生成回执", en: "check and receive a transfer bundle, answer every object, write the receipt"),
        options: [
            Option(
                name: "confirm", value: "ID,…|all",
                help: Wording(
                    zh: "当场审验无误的财物；all 表示其余全部", en: "the objects checked and found as listed; all for every one not otherwise answered")),
            Option.flag(
                "scan",
                help: Wording(
                    zh: "逐一读取到达物品的芯片：读到的即为确认；清单外的芯片记为多出",
                    en: "read the chips of what arrived: each one read is confirmed; chips not in the list are recorded as extra")),
            CommandSpec.readerOption,
            Option(name: "seconds", value: "N", help: Wording(zh: "读卡 N 秒后结束", en: "end the scan after N seconds")),
            CommandSpec.wedgeOption,
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
                    + "(exit 1) and nothing written. Every object is answered once."),
            Wording(
                zh: "--scan：按回车或 Ctrl-C 结束读卡（用 --reader stdin 时输入结束也会结束，用 --seconds 时到时结束）；"
                    + "未读到的物品须用 --missing 或 --damaged 答复。没有可用的读卡器时拒绝，不写入任何内容。",
                en: "--scan: the scan ends on Enter or Ctrl-C (or end of input with --reader stdin, or --seconds); objects not read "
                    + "must be answered with --missing or --damaged. Refused, nothing written, when no reader can be used."),
        ])

    let file, receiptOut: String
    let confirmed: [String]
    let confirmAll: Bool
    let missing: [String]
    let damaged: [Damage]
    let peerSize: Int64
    let caseNumber: String?
    let scan: Bool
    let reader: String?
    let seconds: Int?
    let wedgeFormat: KeyboardWedgeSource.Format

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
        scan = arguments.flag("scan")
        reader = arguments.take("reader")
        seconds = try arguments.integer("seconds").map(Int.init)
        wedgeFormat = try arguments.choice("wedge-format", KeyboardWedgeSource.Format.self) ?? .hex
        if scan, confirmAll || !confirmed.isEmpty { throw arguments.error(Reason("transfer-scan-with-confirm")) }
    }

    static func list(_ text: String?) -> [String] {
        text.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
    }

    struct Result: Encodable {
        let transfer: String
        let index: Int64
        let answers: [TransferSummary.Object]
        /// Chips read that no object of the transfer carries (`--scan`).
        let extra: [String]?
        let receipt: String
    }

    func run(in context: CommandContext) async throws {
        let bundle = try TransferBundle(parsing: try InputFile.data(file))
        let store = try await context.openStore()
        var answers = TransferInbox.Answers(confirmed: confirmed, missing: missing, damaged: damaged.map { ($0.object, $0.note) })
        if scan {
            let (confirmed, extra) = try await scanned(bundle, answered: Set(missing + damaged.map(\.object)), in: context)
            answers.confirmed = confirmed
            answers.extra = extra
        }
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
        // The transfer is received from here on: a receipt that cannot be made or written (a disk that fails or fills up)
        // must say so, and how to write it, since receiving the bundle again is refused as a replay.
        do {
            let receipt = try await TransferBundle.receipt(of: bundle.transfer, peerSize: peerSize, in: store)
            try OutputFile.write(String(decoding: receipt.data, as: UTF8.self), to: receiptOut)
        } catch {
            throw CommandFailure.recorded(
                Reason(
                    "transfer-receipt-unwritten",
                    ["transfer": bundle.transfer, "index": String(received.index), "path": receiptOut, "peerSize": String(peerSize)]),
                before: error)
        }
        let payload = try received.entry.payload(TransferReceived.self)
        try context.output.emit(
            Result(
                transfer: payload.transfer, index: received.index,
                answers: payload.answers.map { .init(object: $0.object, result: $0.result) }, extra: payload.extra,
                receipt: receiptOut),
            text: Catalogue.transferWords.received.text(
                in: context.language,
                ["transfer": payload.transfer, "peer": payload.peer, "index": String(received.index), "path": receiptOut].merging(
                    payload.answers.resultCounts(\.result)
                ) { a, _ in a })
                + (payload.extra.map {
                    "\n" + Catalogue.transferWords.extraChips.text(in: context.language, ["uids": $0.joined(separator: ", ")])
                } ?? ""))
    }

    /// The objects of `bundle` whose chips were read, and the chips read that none of its objects carries. The
    /// bundle's records are read unchecked, only to match chips to objects: the inbox checks every one of them.
    private func scanned(_ bundle: TransferBundle, answered: Set<String>, in context: CommandContext) async throws -> (
        confirmed: [String], extra: [String]
    ) {
        var objectByChip: [String: String] = [:]
        for proof in bundle.proofs.dropFirst() {
            guard let bytes = proof.extra, let out = try? LoggedEntry(decoding: bytes).payload(TransferOut.self),
                let chip = out.record.chip
            else { continue }
            objectByChip[chip] = out.object
        }
        let source = TagInput.source(reader, format: wedgeFormat)
        let usesStdinForTags = reader == KeyboardWedgeSource.readerName
        if !context.json {
            let prompt = usesStdinForTags ? Catalogue.transferWords.scanThenEndInput : Catalogue.transferWords.scanThenPressEnter
            Output.write(prompt.text(in: context.language, ["count": String(bundle.proofs.count - 1)]) + "\n")
        }
        let round = try await TagInput.runUntilInterrupted { () async -> TagInput.Round in
            await TagInput.collectRound(from: source, endOnEnter: !usesStdinForTags, seconds: seconds)
        }
        // With no reader, nothing read would leave every object unanswered: say why instead.
        if let failure = round.failure { throw failure }
        guard round.readerWasAvailable else { throw ReaderError.noReaderAvailable }
        let confirmed = round.uids.compactMap { objectByChip[$0] }.filter { !answered.contains($0) }
        return (Array(Set(confirmed)).sorted(), round.uids.filter { objectByChip[$0] == nil }.sorted())
    }
}
