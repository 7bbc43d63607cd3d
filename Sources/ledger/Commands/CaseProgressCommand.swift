import CommandLineSupport
import PropertyLedger

/// `ledger case progress NUMBER --note TEXT`: records substantive progress.
struct CaseProgressCommand: RecordingCommand {
    static let spec = CommandSpec(
        "case progress", arguments: "NUMBER", summary: "record substantive progress (实质性进展)", writesEntry: true,
        options: [Option(name: "note", value: "TEXT", help: "what happened")])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .recordProgress(caseNumber: try arguments.positional("NUMBER"), note: try arguments.required("note"))
    }
}
