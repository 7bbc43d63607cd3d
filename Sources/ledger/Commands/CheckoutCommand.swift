import CommandLineSupport
import DossierVault
import Foundation
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
            .flag(
                "at-cabinet",
                help: Wording(
                    zh: "在智能柜取出：只登记审批，领用人刷卡开柜取走后才记为出库",
                    en: "to be taken at its smart cabinet: records the approval; the check-out is recorded when it is taken")),
            CommandSpec.caseOption,
        ] + ApprovalOptions.options,
        notes: [
            Wording(
                zh: "--at-cabinet：财物须存放在智能柜中。审批在 cabinet.approval-valid（默认 24 小时）内有效；领用人在柜门处刷卡或报警号，"
                    + "柜门开启、关门盘点确认财物已取出后，才记为出库（执行人为领用人，设备为该智能柜）。",
                en: "--at-cabinet: the object must be stored in a smart cabinet. The approval lasts cabinet.approval-valid (24 hours by "
                    + "default); the recipient identifies himself at the cabinet, and the check-out is recorded (by him, through the "
                    + "cabinet) once the inventory after the door closed shows the object gone.")
        ] + CommandSpec.timeNotes)

    let object, recipient, approver: String
    let reason: CheckoutReason
    /// Read in the store's zone when the command runs.
    let due: TypedTime
    let note, caseNumber: String?
    let atCabinet: Bool
    let approvals: ApprovalOptions

    init(parsing arguments: inout ArgumentReader) throws {
        guard let due = try arguments.time("due") else { throw arguments.error(.optionMissing("--due")) }
        self.due = due
        object = try arguments.object()
        recipient = try arguments.required("to")
        reason = try arguments.requiredChoice("reason", CheckoutReason.self)
        approver = try arguments.required("approved-by")
        note = arguments.take("note")
        caseNumber = arguments.take("case")
        atCabinet = arguments.flag("at-cabinet")
        approvals = try ApprovalOptions(taking: &arguments)
    }

    /// The check-out, its due time read in `agency`'s zone.
    func custodyCommand(for agency: Agency) -> CustodyCommand {
        .checkOut(
            object: object, to: recipient, reason: reason, approvedBy: approver, due: due.date(in: agency.timeZone), note: note,
            caseNumber: caseNumber)
    }

    func run(in context: CommandContext) async throws {
        var context = context
        context.approvals = approvals
        guard atCabinet else {
            try await context.recordAndReport(custodyCommand(for:))
            return
        }
        let store = try await context.openVaultStore()
        let due = self.due.date(in: store.identity.agency.timeZone)
        let (object, recipient, reason, approver, note) = (self.object, self.recipient, self.reason, self.approver, self.note)
        // The supervisor approves the check-out the cabinet will record, term for term, as at the desk.
        let signed = try await ApprovalRequest(custodyCommand(for: store.identity.agency), in: store).asyncMap {
            try await context.approval(for: $0, in: store)
        }.flatMap { $0 }
        let recorded = try await context.record(in: store) { rules in
            try CabinetApproved.decide(
                object: object, to: recipient, reason: reason, approvedBy: approver, due: due, note: note, approval: signed, in: rules)
        }
        let approval = try recorded.entry.payload(CabinetApproved.self)
        let people = People(try await store.officers())
        let timeFormat = context.timeFormat(for: store)
        let words = Catalogue.cabinets
        let text = (context.isDryRun ? words.wouldApprove : words.approved).text(
            in: context.language,
            [
                "index": String(recorded.index), "object": approval.object, "cabinet": approval.cabinet,
                "recipient": people.name(approval.to), "expires": timeFormat.string(stored: approval.expires),
                "due": timeFormat.string(stored: approval.due),
            ])
        try context.output.emit(ModuleEntryResult(recorded, isDryRun: context.isDryRun), text: text)
    }
}
