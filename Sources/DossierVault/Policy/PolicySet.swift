public import PropertyLedger

/// The entry `vault.policy-set`: a supervisor sets one parameter of one rule, with a reason, from the entry's
/// time on (docs/entry-format.md). Values are written in their canonical form (``PolicyValue/text``).
public struct PolicySet: EntryPayload, Codable, Hashable {
    public static let type = "vault.policy-set"

    /// The rule's id (``RuleID``).
    public let rule: String
    /// The parameter's name within the rule (`limit`).
    public let parameter: String
    /// The canonical value (`3d`, `1`).
    public let value: String
    public let reason: String

    /// The entry that sets `parameter` to the value `text` names, for `context`'s actor at its time — or the
    /// refusal.
    ///
    /// - Throws: ``LedgerError``: `policy-needs-actor`, `officer-unknown`, `officer-retired`,
    ///   `policy-needs-supervisor` (refused); `policy-months-invalid`, `policy-duration-invalid`,
    ///   `policy-duration-out-of-range`, `text-empty` and the other free-text checks of the reason (invalid
    ///   input); `policy-value-unchanged` (the value in force at the entry's time), `policy-grades-out-of-order`
    ///   (orange must stay below yellow) (refused).
    public static func decide(
        _ parameter: PolicyParameter, value text: String, reason: String, in context: borrowing RuleContext
    ) throws -> PolicySet {
        try VaultActor.require(
            context, roles: [.supervisor], none: .policyNeedsActor, lacking: { .policyNeedsSupervisor(badge: $0, role: $1) })
        let value = try PolicyValue(parsing: text, for: parameter)
        let reason = try FreeText.checked(reason, field: "reason")
        var policy = try PolicyLog.policy(in: context.tables, agency: context.agency, at: context.date)
        guard policy[parameter] != value else {
            throw LedgerError(.refused, .policyValueUnchanged(parameter, value))
        }
        policy[parameter] = value
        guard policy.orangeWithin < policy.yellowWithin else {
            throw LedgerError(.refused, .policyGradesOutOfOrder(yellow: policy[.gradesYellow], orange: policy[.gradesOrange]))
        }
        return PolicySet(rule: parameter.rule.rawValue, parameter: parameter.name, value: value.text, reason: reason)
    }
}
