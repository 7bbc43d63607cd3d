import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger case progress NUMBER --note TEXT`: records substantive progress.
struct CaseProgressCommand: RecordingCommand {
    static let spec = CommandSpec(
        "case progress", arguments: "NUMBER",
        summary: Wording(zh: "记录案件的实质性进展", en: "record substantive progress (实质性进展)"), writesEntry: true,
        options: [Option(name: "note", value: "TEXT", help: Wording(zh: "进展情况", en: "what happened"))])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .recordProgress(caseNumber: try arguments.positional("NUMBER"), note: try arguments.required("note"))
    }
}
