import CommandLineSupport
import PropertyLedger

/// `ledger dispose OBJECT`: disposes of an item (never a dossier) with a supervisor's approval.
struct DisposeCommand: RecordingCommand {
    static let spec = CommandSpec(
        "dispose", arguments: "OBJECT", summary: "dispose of an item (never a dossier), with a supervisor's approval",
        writesEntry: true,
        options: [
            .choice("method", DisposalMethod.self, help: "how"),
            Option(name: "approved-by", value: "BADGE", help: "the approving supervisor"),
            Option(name: "recipient", value: "NAME", help: "the owner or proxy (for returned-to-owner; never an officer)"),
            Option(name: "note", value: "TEXT", help: "a note"),
            CommandSpec.caseOption,
        ])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .dispose(
            object: try arguments.object(), method: try arguments.requiredChoice("method", DisposalMethod.self),
            approvedBy: try arguments.required("approved-by"), recipient: arguments.take("recipient"), note: arguments.take("note"),
            caseNumber: arguments.take("case"))
    }
}
