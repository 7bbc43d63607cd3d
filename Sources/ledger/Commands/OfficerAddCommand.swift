import CommandLineSupport
import PropertyLedger

/// `ledger officer add BADGE`: adds an officer.
struct OfficerAddCommand: RecordingCommand {
    static let spec = CommandSpec(
        "officer add", arguments: "BADGE", summary: "add an officer (the first must be a supervisor, added without --actor)",
        writesEntry: true,
        options: [
            Option(name: "name", value: "NAME", help: "the officer's name"),
            .choice("role", Role.self, help: "what the officer may do"),
            Option(name: "unit", value: "UNIT", help: "the officer's unit (e.g. 刑侦大队)"),
        ])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .addOfficer(
            badge: try arguments.positional("BADGE"), name: try arguments.required("name"), unit: arguments.take("unit"),
            role: try arguments.requiredChoice("role", Role.self))
    }
}
