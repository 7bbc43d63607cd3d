import CommandLineSupport
import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger policy set RULE.PARAM VALUE --reason TEXT`: a supervisor changes one parameter of a rule, recorded as a
/// `vault.policy-set` entry and in force from that entry on (``PolicySet/decide(_:value:reason:in:)``).
struct PolicySetCommand: LedgerCommand {
    static let spec = CommandSpec(
        "policy set", arguments: "RULE.PARAM VALUE",
        summary: Wording(zh: "修改规则参数（须由审批领导办理，记入台账）", en: "change a rule's parameter (a supervisor; recorded in the log)"),
        writesEntry: true,
        options: [Option(name: "reason", value: "TEXT", help: Wording(zh: "修改原因", en: "why it changes"))],
        notes: [
            Wording(
                zh: "RULE.PARAM：central-storage.months（整月数，1 到 12）；intake.limit、release-unrelated.limit、grades.yellow、"
                    + "grades.orange（时长：数字加单位 m、h 或 d，如 90m、36h、3d）。橙色预警时限须短于黄色预警时限。",
                en: "RULE.PARAM: central-storage.months (whole months, 1 to 12); intake.limit, release-unrelated.limit, grades.yellow, "
                    + "grades.orange (a duration: digits and m, h or d, e.g. 90m, 36h, 3d). The orange threshold stays shorter than "
                    + "the yellow one."),
            Wording(
                zh: "修改自该条记录起生效：此前的期限仍按原值计算（`ledger due --as-of` 取更早的时间时亦然）；`ledger policy show` 显示现行值及修改记录。",
                en: "A change applies from its entry on: earlier instants keep the old value (also for `ledger due --as-of` "
                    + "an earlier time); `ledger policy show` lists the values in force and who set them."),
        ],
        argumentChoices: PolicyParameter.allCases.map(\.rawValue))

    let name, value, reason: String

    init(parsing arguments: inout ArgumentReader) throws {
        name = try arguments.positional("RULE.PARAM")
        value = try arguments.positional("VALUE")
        reason = try arguments.required("reason")
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openVaultStore()
        // A name that is no parameter is invalid input (exit 4), like a value that does not read.
        let parameter = try PolicyParameter.named(name)
        let (value, reason) = (self.value, self.reason)
        let old = try await store.read { snapshot in try DossierVault.policy(in: snapshot, at: Date())[parameter] }
        let recorded = try await context.record(in: store) { rules in
            try PolicySet.decide(parameter, value: value, reason: reason, in: rules)
        }
        let set = try recorded.entry.payload(PolicySet.self)
        let words = Catalogue.policy
        let text = (context.isDryRun ? words.wouldRecord : words.recorded).text(
            in: context.language, ["index": String(recorded.index), "parameter": parameter.rawValue, "value": set.value, "old": old.text])
        try context.output.emit(ModuleEntryResult(recorded, isDryRun: context.isDryRun), text: text)
    }
}
