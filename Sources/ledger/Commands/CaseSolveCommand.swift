import CommandLineSupport
import PropertyLedger

/// `ledger case solve NUMBER`: marks a case solved.
struct CaseSolveCommand: RecordingCommand {
    static let spec = CommandSpec(
        "case solve", arguments: "NUMBER", summary: "mark a case solved", writesEntry: true,
        options: [Option(name: "note", value: "TEXT", help: "a note")])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .solveCase(caseNumber: try arguments.positional("NUMBER"), note: arguments.take("note"))
    }
}
