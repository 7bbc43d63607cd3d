import Foundation
import PropertyLedger

/// Who may record a vault entry: an active officer with one of the roles the entry needs.
enum VaultActor {
    /// The acting officer of `context`, or the refusal: `none` when there is no actor, `officer-unknown` or
    /// `officer-retired` (the custody core's reasons), `lacking(badge, role)` for the wrong role.
    @discardableResult
    static func require(
        _ context: borrowing RuleContext, roles: Set<Role>, none: Reason, lacking: (String, Role) -> Reason
    ) throws -> Officer {
        guard let badge = context.actor?.trimmingCharacters(in: .whitespaces), !badge.isEmpty else {
            throw LedgerError(.refused, none)
        }
        guard let officer = try context.custody.officer(badge) else {
            throw LedgerError(.refused, Reason("officer-unknown", ["party": "actor", "badge": badge]))
        }
        guard !officer.isRetired else { throw LedgerError(.refused, Reason("officer-retired", ["party": "actor", "badge": badge])) }
        guard roles.contains(officer.role) else { throw LedgerError(.refused, lacking(badge, officer.role)) }
        return officer
    }
}
