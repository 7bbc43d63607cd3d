import CommandLineSupport
import PropertyLedger

/// `ledger location add CODE`: adds a site, room, cabinet, slot or shelf.
struct LocationAddCommand: RecordingCommand {
    static let spec = CommandSpec(
        "location add", arguments: "CODE", summary: "add a location (site → room → cabinet → slot or shelf)", writesEntry: true,
        options: [
            .choice("kind", LocationKind.self, help: "what kind of place"),
            Option(name: "name", value: "NAME", help: "its name (e.g. 智能柜01)"),
            Option(name: "parent", value: "CODE", help: "the location it is in"),
            .flag("central", help: "central storage of the case management centre (案管中心)"),
        ])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .addLocation(
            code: try arguments.positional("CODE"), name: try arguments.required("name"),
            kind: try arguments.requiredChoice("kind", LocationKind.self), parent: arguments.take("parent"),
            isCentral: arguments.flag("central"))
    }
}
