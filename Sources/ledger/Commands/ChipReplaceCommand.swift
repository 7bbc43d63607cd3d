import CommandLineSupport
import PropertyLedger

/// `ledger chip replace OBJECT UID --reason TEXT`: replaces an object's chip.
struct ChipReplaceCommand: RecordingCommand {
    static let spec = CommandSpec(
        "chip replace", arguments: "OBJECT UID", summary: "replace an object's chip", writesEntry: true,
        options: [Option(name: "reason", value: "TEXT", help: "why (damaged, lost …)")])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .replaceChip(
            object: try arguments.object(), uid: try arguments.positional("UID"), reason: try arguments.required("reason"))
    }
}
