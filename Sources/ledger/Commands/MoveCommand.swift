import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger move OBJECT --to LOCATION`: moves a stored object.
struct MoveCommand: RecordingCommand {
    static let spec = CommandSpec(
        "move", arguments: "OBJECT",
        summary: Wording(zh: "移库：将在库的涉案财物或案卷移到另一存放位置", en: "move a stored object to another location"),
        writesEntry: true,
        options: [
            Option(name: "to", value: "LOCATION", help: Wording(zh: "新的存放位置", en: "the new location")),
            Option(name: "reason", value: "TEXT", help: Wording(zh: "移库原因", en: "why")),
            CommandSpec.caseOption,
        ])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .move(
            object: try arguments.object(), location: try arguments.required("to"), reason: arguments.take("reason"),
            caseNumber: arguments.take("case"))
    }
}
