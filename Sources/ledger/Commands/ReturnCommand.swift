import CommandLineSupport
import PropertyLedger

/// `ledger return OBJECT`: takes a checked-out object back into storage.
struct ReturnCommand: RecordingCommand {
    static let spec = CommandSpec(
        "return", arguments: "OBJECT", summary: "take a checked-out object back into storage", writesEntry: true,
        options: [
            Option(name: "to", value: "LOCATION", help: "where it is stored"),
            Option(name: "condition", value: "TEXT", help: "the condition found (完好, 破损 …)"),
            Option(name: "by", value: "BADGE", help: "who brings it (default: the holder)"),
            CommandSpec.caseOption,
        ])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .returnObject(
            object: try arguments.object(), location: try arguments.required("to"), condition: try arguments.required("condition"),
            by: arguments.take("by"), caseNumber: arguments.take("case"))
    }
}
