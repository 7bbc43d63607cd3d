import CommandLineSupport
import PropertyLedger

/// `ledger case open NUMBER`: opens a case.
struct CaseOpenCommand: RecordingCommand {
    static let spec = CommandSpec(
        "case open", arguments: "NUMBER", summary: "open a case", writesEntry: true,
        options: [
            .choice("kind", CaseKind.self, help: "刑事 or 行政"),
            Option(name: "title", value: "TITLE", help: "the case title (e.g. 自行车被盗案)"),
            .flag("property-crime", help: "a property crime (侵财类)"),
        ])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .openCase(
            number: try arguments.positional("NUMBER"), title: try arguments.required("title"),
            kind: try arguments.requiredChoice("kind", CaseKind.self), isPropertyCrime: arguments.flag("property-crime"))
    }
}
