import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger correct INDEX`: corrects a field of an earlier entry; the new entry keeps the old value and why.
struct CorrectCommand: RecordingCommand {
    static let spec = CommandSpec(
        "correct", arguments: "INDEX",
        summary: Wording(
            zh: "更正第 INDEX 条记录的字段：新记录保留原值和更正原因",
            en: "correct a field of entry INDEX: a new entry keeps the old value and the reason"),
        writesEntry: true,
        options: [
            Option(
                name: "field", value: "FIELD",
                help: Wording(
                    zh: "要更正的字段（如 features、quantity、name）",
                    en: "the field to correct (e.g. features, quantity, name)")),
            Option(name: "value", value: "TEXT", help: Wording(zh: "更正后的值", en: "the corrected value")),
            Option(name: "reason", value: "TEXT", help: Wording(zh: "更正原因", en: "why")),
        ])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .correct(
            index: try arguments.integer(positional: "INDEX"), field: try arguments.required("field"),
            value: try arguments.required("value"), reason: try arguments.required("reason"))
    }
}
