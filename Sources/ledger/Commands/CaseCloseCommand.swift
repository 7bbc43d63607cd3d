import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger case close NUMBER`: closes a case (a supervisor's act).
struct CaseCloseCommand: RecordingCommand {
    static let spec = CommandSpec(
        "case close", arguments: "NUMBER", summary: Wording(zh: "结案（须由审批领导办理）", en: "close a case (supervisor)"),
        writesEntry: true,
        options: [Option(name: "note", value: "TEXT", help: Wording(zh: "备注", en: "a note"))])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .closeCase(caseNumber: try arguments.positional("NUMBER"), note: arguments.take("note"))
    }
}
