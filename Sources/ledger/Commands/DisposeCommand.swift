import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger dispose OBJECT`: disposes of an item (never a dossier) with a supervisor's approval.
struct DisposeCommand: RecordingCommand {
    static let spec = CommandSpec(
        "dispose", arguments: "OBJECT",
        summary: Wording(
            zh: "经审批领导批准处置涉案财物（案卷不得处置）",
            en: "dispose of an item (never a dossier), with a supervisor's approval"),
        writesEntry: true,
        options: [
            .choice(
                "method", DisposalMethod.self,
                help: Wording(
                    zh: "处置方式：returned-to-owner 发还原主、confiscated 没收、destroyed 销毁、auctioned 拍卖",
                    en: "how")),
            Option(name: "approved-by", value: "BADGE", help: Wording(zh: "审批领导的警号", en: "the approving supervisor")),
            Option(
                name: "recipient", value: "NAME",
                help: Wording(
                    zh: "接收人：原主或其代理人（用于 returned-to-owner；不能是警员）",
                    en: "the owner or proxy (for returned-to-owner; never an officer)")),
            Option(name: "note", value: "TEXT", help: Wording(zh: "备注", en: "a note")),
            CommandSpec.caseOption,
        ] + ApprovalOptions.options)

    let custodyCommand: CustodyCommand
    let approvals: ApprovalOptions

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .dispose(
            object: try arguments.object(), method: try arguments.requiredChoice("method", DisposalMethod.self),
            approvedBy: try arguments.required("approved-by"), recipient: arguments.take("recipient"), note: arguments.take("note"),
            caseNumber: arguments.take("case"))
        approvals = try ApprovalOptions(taking: &arguments)
    }

    func run(in context: CommandContext) async throws {
        var context = context
        context.approvals = approvals
        try await context.recordAndReport(custodyCommand)
    }
}
