import PropertyLedger

/// Who may record a vault entry: an active officer with one of the roles the entry needs.
enum VaultActor {
    /// The acting officer of `context`, or the refusal: `none` when there is no actor, `officer-unknown` or
    /// `officer-retired` (the custody core's reasons), `lacking(badge, role)` for the wrong role.
    @discardableResult
    static func require(
        _ context: borrowing RuleContext, roles: Set<Role>, none: Reason, lacking: (String, Role) -> Reason
    ) throws -> Officer {
        try context.actingOfficer(roles: roles, none: none, lacking: lacking)
    }
}
