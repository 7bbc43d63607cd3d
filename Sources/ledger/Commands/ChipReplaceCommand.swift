import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger chip replace OBJECT UID --reason TEXT`: replaces an object's chip.
struct ChipReplaceCommand: RecordingCommand {
    static let spec = CommandSpec(
        "chip replace", arguments: "OBJECT UID",
        summary: Wording(zh: "更换涉案财物或案卷的芯片", en: "replace an object's chip"), writesEntry: true,
        options: [Option(name: "reason", value: "TEXT", help: Wording(zh: "更换原因（损坏、丢失…）", en: "why (damaged, lost …)"))])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .replaceChip(
            object: try arguments.object(), uid: try arguments.positional("UID"), reason: try arguments.required("reason"))
    }
}
