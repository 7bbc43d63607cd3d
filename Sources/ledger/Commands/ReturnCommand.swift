import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger return OBJECT`: takes a checked-out object back into storage.
struct ReturnCommand: RecordingCommand {
    static let spec = CommandSpec(
        "return", arguments: "OBJECT",
        summary: Wording(zh: "将已出库的涉案财物或案卷归还入库", en: "take a checked-out object back into storage"),
        writesEntry: true,
        options: [
            Option(name: "to", value: "LOCATION", help: Wording(zh: "存放位置", en: "where it is stored")),
            Option(
                name: "condition", value: "TEXT",
                help: Wording(zh: "归还时的状况（完好、破损…）", en: "the condition found (完好, 破损 …)")),
            Option(name: "by", value: "BADGE", help: Wording(zh: "归还人的警号（默认：领用人）", en: "who brings it (default: the holder)")),
            CommandSpec.caseOption,
        ])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .returnObject(
            object: try arguments.object(), location: try arguments.required("to"), condition: try arguments.required("condition"),
            by: arguments.take("by"), caseNumber: arguments.take("case"))
    }
}
