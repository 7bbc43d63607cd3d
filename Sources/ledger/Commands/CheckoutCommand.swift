import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger checkout OBJECT`: issues an object to an officer for case work (调用), approved by a supervisor.
struct CheckoutCommand: RecordingCommand {
    static let spec = CommandSpec(
        "checkout", arguments: "OBJECT", summary: "issue an object to an officer for case work (调用)", writesEntry: true,
        options: [
            Option(name: "to", value: "BADGE", help: "the officer who takes it"),
            .choice("reason", CheckoutReason.self, help: "why"),
            Option(name: "approved-by", value: "BADGE", help: "the approving supervisor (not the recipient)"),
            Option(name: "due", value: "TIME", help: "when it is due back (see TIME below)"),
            Option(name: "note", value: "TEXT", help: "a note"),
            CommandSpec.caseOption,
        ],
        notes: CommandSpec.timeNotes)

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        guard let due = try arguments.time("due") else { throw arguments.error(.optionMissing("--due")) }
        custodyCommand = .checkOut(
            object: try arguments.object(), to: try arguments.required("to"),
            reason: try arguments.requiredChoice("reason", CheckoutReason.self), approvedBy: try arguments.required("approved-by"),
            due: due, note: arguments.take("note"), caseNumber: arguments.take("case"))
    }
}
