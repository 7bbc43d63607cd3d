import CommandLineSupport
import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger policy show`: every rule with its name and source (for the agency's kind), and each parameter's value in
/// force, its default, and the `vault.policy-set` entry that set it — who, when, why — so that every deadline can be
/// explained from the log.
struct PolicyShowCommand: LedgerCommand {
    static let spec = CommandSpec(
        "policy show",
        summary: Wording(
            zh: "显示各项规则及其来源和参数：现行值、默认值，以及由谁、何时、因何修改",
            en: "the rules: sources, parameters, defaults, who set them when and why"))

    init(parsing arguments: inout ArgumentReader) throws {}

    struct ChangeJSON: Encodable {
        let index: Int64
        let actor: String
        let at: String
        let value: String
        let reason: String
    }

    struct ParameterJSON: Encodable {
        /// `RULE.PARAMETER`, as `policy set` takes it.
        let parameter: String
        let name: String
        let value: String
        let `default`: String
        /// In the chosen language.
        let meaning: String
        /// The change in force; absent while the default holds.
        let setBy: ChangeJSON?
        /// Every change of the parameter recorded, in log order.
        let changes: [ChangeJSON]
    }

    struct RuleJSON: Encodable {
        let id: String
        /// In the chosen language.
        let name, source: String
        let parameters: [ParameterJSON]
    }

    struct Result: Encodable {
        let asOf: String
        let agencyKind: String
        let rules: [RuleJSON]
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openVaultStore()
        let now = Date()
        let states = try await store.read { snapshot in try DossierVault.policyParameters(in: snapshot, at: now) }
        let agency = store.identity.agency
        let timeFormat = context.timeFormat(for: store)
        let language = context.language
        let change = { (change: PolicyChange) in
            ChangeJSON(
                index: change.index, actor: change.actor, at: timeFormat.iso8601(change.at), value: change.value.text, reason: change.reason
            )
        }
        let rules = RuleID.allCases.map { rule in
            RuleJSON(
                id: rule.rawValue, name: rule.name.text(in: language), source: rule.source(for: agency.kind).text(in: language),
                parameters: states.filter { $0.parameter.rule == rule }.map { state in
                    ParameterJSON(
                        parameter: state.parameter.rawValue, name: state.parameter.name, value: state.value.text,
                        default: state.defaultValue.text, meaning: state.parameter.wording.text(in: language),
                        setBy: state.setBy.map(change),
                        changes: state.changes.map(change))
                })
        }
        let people = context.json ? People([]) : try await People.read(from: store)
        try context.output.emit(
            Result(asOf: timeFormat.iso8601(now), agencyKind: agency.kind.rawValue, rules: rules),
            text: text(states, agency: agency, people: people, timeFormat: timeFormat, now: now))
    }

    /// Each rule under its id and name, with its source and its parameters; how to change one at the end.
    private func text(_ states: [PolicyParameterState], agency: Agency, people: People, timeFormat: TimeFormat, now: Date) -> String {
        let language = timeFormat.language
        let words = Catalogue.policy
        var blocks: [String] = []
        for rule in RuleID.allCases {
            var lines = [
                words.rule.text(in: language, ["id": rule.rawValue, "name": rule.name.text(in: language)]),
                "  " + words.sourceLabel.text(in: language) + "  " + rule.source(for: agency.kind).text(in: language),
            ]
            let parameters = states.filter { $0.parameter.rule == rule }
            if parameters.isEmpty { lines.append("  " + words.noParameters.text(in: language)) }
            for state in parameters {
                var line = words.parameter.text(
                    in: language,
                    [
                        "parameter": state.parameter.rawValue, "value": state.value.text,
                        "meaning": state.parameter.wording.text(in: language),
                    ])
                guard let setBy = state.setBy else {
                    line += words.isDefault.text(in: language)
                    lines.append("  " + line)
                    continue
                }
                lines.append("  " + line)
                lines.append("      " + words.defaultWas.text(in: language, ["default": state.defaultValue.text]))
                lines.append(
                    "      "
                        + words.setBy.text(
                            in: language,
                            [
                                "index": String(setBy.index), "actor": people.name(setBy.actor), "at": timeFormat.string(setBy.at),
                                "reason": setBy.reason,
                            ]))
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        blocks.append(words.footer.text(in: language, ["asOf": timeFormat.string(now)]))
        return blocks.joined(separator: "\n\n")
    }
}
