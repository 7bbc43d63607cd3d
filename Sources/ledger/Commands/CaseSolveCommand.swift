import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger case solve NUMBER`: marks a case solved.
struct CaseSolveCommand: RecordingCommand {
    static let spec = CommandSpec(
        "case solve", arguments: "NUMBER", summary: Wording(zh: "将案件标记为已破", en: "mark a case solved"),
        writesEntry: true,
        options: [Option(name: "note", value: "TEXT", help: Wording(zh: "备注", en: "a note"))])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .solveCase(caseNumber: try arguments.positional("NUMBER"), note: arguments.take("note"))
    }
}
