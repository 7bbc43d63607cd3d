import CommandLineSupport
import PropertyLedger

/// `ledger correct INDEX`: corrects a field of an earlier entry; the new entry keeps the old value and why.
struct CorrectCommand: RecordingCommand {
    static let spec = CommandSpec(
        "correct", arguments: "INDEX", summary: "correct a field of entry INDEX: a new entry keeps the old value and the reason",
        writesEntry: true,
        options: [
            Option(name: "field", value: "FIELD", help: "the field to correct (e.g. features, quantity, name)"),
            Option(name: "value", value: "TEXT", help: "the corrected value"),
            Option(name: "reason", value: "TEXT", help: "why"),
        ])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .correct(
            index: try arguments.integer(positional: "INDEX"), field: try arguments.required("field"),
            value: try arguments.required("value"), reason: try arguments.required("reason"))
    }
}
