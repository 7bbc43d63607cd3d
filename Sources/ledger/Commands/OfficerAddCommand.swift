import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger officer add BADGE`: adds an officer.
struct OfficerAddCommand: RecordingCommand {
    static let spec = CommandSpec(
        "officer add", arguments: "BADGE",
        summary: Wording(
            zh: "添加警员（第一位须为审批领导，添加时不加 --actor）",
            en: "add an officer (the first must be a supervisor, added without --actor)"),
        writesEntry: true,
        options: [
            Option(name: "name", value: "NAME", help: Wording(zh: "警员姓名", en: "the officer's name")),
            .choice(
                "role", Role.self,
                help: Wording(
                    zh: "警员的角色：clerk 涉案财物管理员、officer 办案民警、supervisor 审批领导",
                    en: "what the officer may do")),
            Option(
                name: "unit", value: "UNIT",
                help: Wording(zh: "警员所在单位（如刑侦大队）", en: "the officer's unit (e.g. 刑侦大队)")),
        ])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .addOfficer(
            badge: try arguments.positional("BADGE"), name: try arguments.required("name"), unit: arguments.take("unit"),
            role: try arguments.requiredChoice("role", Role.self))
    }
}
