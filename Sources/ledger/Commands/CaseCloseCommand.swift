import CommandLineSupport
import PropertyLedger

/// `ledger case close NUMBER`: closes a case (a supervisor's act).
struct CaseCloseCommand: RecordingCommand {
    static let spec = CommandSpec(
        "case close", arguments: "NUMBER", summary: "close a case (supervisor)", writesEntry: true,
        options: [Option(name: "note", value: "TEXT", help: "a note")])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .closeCase(caseNumber: try arguments.positional("NUMBER"), note: arguments.take("note"))
    }
}
