import CommandLineSupport
import PropertyLedger

/// `ledger checkin OBJECT --to LOCATION`: puts a newly registered object into storage.
struct CheckinCommand: RecordingCommand {
    static let spec = CommandSpec(
        "checkin", arguments: "OBJECT", summary: "put a newly registered object into storage", writesEntry: true,
        options: [Option(name: "to", value: "LOCATION", help: "where it is stored"), CommandSpec.caseOption])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .checkIn(
            object: try arguments.object(), location: try arguments.required("to"), caseNumber: arguments.take("case"))
    }
}
