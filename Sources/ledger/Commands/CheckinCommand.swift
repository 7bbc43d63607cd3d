import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger checkin OBJECT --to LOCATION`: puts a newly registered object into storage.
struct CheckinCommand: RecordingCommand {
    static let spec = CommandSpec(
        "checkin", arguments: "OBJECT",
        summary: Wording(zh: "将新登记的涉案财物或案卷入库", en: "put a newly registered object into storage"),
        writesEntry: true,
        options: [
            Option(name: "to", value: "LOCATION", help: Wording(zh: "存放位置", en: "where it is stored")),
            CommandSpec.caseOption,
        ])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .checkIn(
            object: try arguments.object(), location: try arguments.required("to"), caseNumber: arguments.take("case"))
    }
}
