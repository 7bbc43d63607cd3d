import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger case open NUMBER`: opens a case.
struct CaseOpenCommand: RecordingCommand {
    static let spec = CommandSpec(
        "case open", arguments: "NUMBER", summary: Wording(zh: "立案登记", en: "open a case"), writesEntry: true,
        options: [
            .choice(
                "kind", CaseKind.self,
                help: Wording(
                    zh: "案件类别：criminal 刑事、administrative 行政",
                    en: "criminal (刑事) or administrative (行政)")),
            Option(
                name: "title", value: "TITLE",
                help: Wording(zh: "案件名称（如自行车被盗案）", en: "the case title (e.g. 自行车被盗案)")),
            .flag("property-crime", help: Wording(zh: "属于侵财类案件", en: "a property crime (侵财类)")),
            Option(
                name: "unit", value: "UNIT",
                help: Wording(
                    zh: "办案单位（每日通报按此分组；默认为立案民警所在单位）",
                    en: "the handling unit, which the daily bulletin groups by (default: the opening officer's unit)")),
        ])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .openCase(
            number: try arguments.positional("NUMBER"), title: try arguments.required("title"),
            kind: try arguments.requiredChoice("kind", CaseKind.self), isPropertyCrime: arguments.flag("property-crime"),
            unit: arguments.take("unit"))
    }
}
