import CommandLineSupport
import PropertyLedger

/// `ledger move OBJECT --to LOCATION`: moves a stored object.
struct MoveCommand: RecordingCommand {
    static let spec = CommandSpec(
        "move", arguments: "OBJECT", summary: "move a stored object to another location", writesEntry: true,
        options: [
            Option(name: "to", value: "LOCATION", help: "the new location"), Option(name: "reason", value: "TEXT", help: "why"),
            CommandSpec.caseOption,
        ])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .move(
            object: try arguments.object(), location: try arguments.required("to"), reason: arguments.take("reason"),
            caseNumber: arguments.take("case"))
    }
}
