import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger location add CODE`: adds a site, room, cabinet, slot or shelf.
struct LocationAddCommand: RecordingCommand {
    static let spec = CommandSpec(
        "location add", arguments: "CODE",
        summary: Wording(
            zh: "添加存放位置（场所 → 保管室 → 智能柜 → 柜格或货架）",
            en: "add a location (site → room → cabinet → slot or shelf)"),
        writesEntry: true,
        options: [
            .choice(
                "kind", LocationKind.self,
                help: Wording(
                    zh: "位置类型：site 场所、room 保管室、cabinet 智能柜、slot 柜格、shelf 货架",
                    en: "what kind of place")),
            Option(name: "name", value: "NAME", help: Wording(zh: "位置名称（如智能柜01）", en: "its name (e.g. 智能柜01)")),
            Option(name: "parent", value: "CODE", help: Wording(zh: "所在的上级位置", en: "the location it is in")),
            .flag(
                "central",
                help: Wording(
                    zh: "属于案管中心的集中保管场所", en: "central storage of the case management centre (案管中心)")),
        ])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .addLocation(
            code: try arguments.positional("CODE"), name: try arguments.required("name"),
            kind: try arguments.requiredChoice("kind", LocationKind.self), parent: arguments.take("parent"),
            isCentral: arguments.flag("central"))
    }
}
