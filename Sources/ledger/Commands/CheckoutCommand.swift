import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger checkout OBJECT`: issues an object to an officer for case work (调用), approved by a supervisor.
/// Not a ``RecordingCommand``: what it records depends on the store's zone, known only when it runs.
struct CheckoutCommand: LedgerCommand {
    static let spec = CommandSpec(
        "checkout", arguments: "OBJECT",
        summary: Wording(
            zh: "出库：将涉案财物或案卷交给民警办案调用", en: "issue an object to an officer for case work (调用)"),
        writesEntry: true,
        options: [
            Option(name: "to", value: "BADGE", help: Wording(zh: "领用民警的警号", en: "the officer who takes it")),
            .choice(
                "reason", CheckoutReason.self,
                help: Wording(
                    zh: "出库事由：interrogation 讯问、appraisal 鉴定、identification 辨认、examination 检验、court 出庭、other 其他",
                    en: "why")),
            Option(
                name: "approved-by", value: "BADGE",
                help: Wording(zh: "审批领导的警号（不能是领用人）", en: "the approving supervisor (not the recipient)")),
            Option(
                name: "due", value: "TIME", help: Wording(zh: "归还期限（见下文 TIME）", en: "when it is due back (see TIME below)")),
            Option(name: "note", value: "TEXT", help: Wording(zh: "备注", en: "a note")),
            CommandSpec.caseOption,
        ],
        notes: CommandSpec.timeNotes)

    let object, recipient, approver: String
    let reason: CheckoutReason
    /// Read in the store's zone when the command runs.
    let due: TypedTime
    let note, caseNumber: String?

    init(parsing arguments: inout ArgumentReader) throws {
        guard let due = try arguments.time("due") else { throw arguments.error(.optionMissing("--due")) }
        self.due = due
        object = try arguments.object()
        recipient = try arguments.required("to")
        reason = try arguments.requiredChoice("reason", CheckoutReason.self)
        approver = try arguments.required("approved-by")
        note = arguments.take("note")
        caseNumber = arguments.take("case")
    }

    /// The check-out, its due time read in `agency`'s zone.
    func custodyCommand(for agency: Agency) -> CustodyCommand {
        .checkOut(
            object: object, to: recipient, reason: reason, approvedBy: approver, due: due.date(in: agency.timeZone), note: note,
            caseNumber: caseNumber)
    }

    func run(in context: CommandContext) async throws {
        try await context.recordAndReport(custodyCommand(for:))
    }
}
