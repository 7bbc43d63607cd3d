import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger checkout extend OBJECT`: a later due time for a checked-out object (the register's 延期), approved
/// by a supervisor who is not its holder.
struct CheckoutExtendCommand: LedgerCommand {
    static let spec = CommandSpec(
        "checkout extend", arguments: "OBJECT",
        summary: Wording(zh: "出库延期：经审批领导批准，推迟归还期限", en: "extend a check-out: a later due time, approved by a supervisor"),
        writesEntry: true,
        options: [
            Option(name: "due", value: "TIME", help: Wording(zh: "新的归还期限（见下文 TIME）", en: "the new due time (see TIME below)")),
            Option(
                name: "approved-by", value: "BADGE",
                help: Wording(zh: "审批领导的警号（不能是领用人）", en: "the approving supervisor (not the holder)")),
            Option(name: "reason", value: "TEXT", help: Wording(zh: "延期原因", en: "why it needs longer")),
            CommandSpec.caseOption,
        ] + ApprovalOptions.options,
        notes: CommandSpec.timeNotes)

    let object, approver, reason: String
    /// Read in the store's zone when the command runs.
    let due: TypedTime
    let caseNumber: String?
    let approvals: ApprovalOptions

    init(parsing arguments: inout ArgumentReader) throws {
        guard let due = try arguments.time("due") else { throw arguments.error(.optionMissing("--due")) }
        self.due = due
        object = try arguments.object()
        approver = try arguments.required("approved-by")
        reason = try arguments.required("reason")
        caseNumber = arguments.take("case")
        approvals = try ApprovalOptions(taking: &arguments)
    }

    /// The extension, its due time read in `agency`'s zone.
    func custodyCommand(for agency: Agency) -> CustodyCommand {
        .extendCheckout(object: object, due: due.date(in: agency.timeZone), approvedBy: approver, reason: reason, caseNumber: caseNumber)
    }

    func run(in context: CommandContext) async throws {
        var context = context
        context.approvals = approvals
        try await context.recordAndReport(custodyCommand(for:))
    }
}
