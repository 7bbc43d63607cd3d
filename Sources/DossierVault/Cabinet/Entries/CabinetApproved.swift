public import Foundation
public import PropertyLedger

/// The entry `vault.cabinet-approved`: a supervisor approved a check-out to be taken at a smart cabinet
/// (`ledger checkout … --at-cabinet`). The cabinet then lets the recipient take the object until `expires`;
/// the check-out itself is recorded, with these terms, when reconciliation sees the object gone.
public struct CabinetApproved: EntryPayload, Codable, Hashable {
    public static let type = "vault.cabinet-approved"

    public let object: String
    /// The cabinet the object is stored in.
    public let cabinet: String
    public let to: String
    public let reason: CheckoutReason
    public let approvedBy: String
    /// Stored time (UTC, `Z`) the check-out will be due back.
    public let due: String
    public let note: String?
    /// Stored time the approval lapses if the object has not been taken.
    public let expires: String
    /// The supervisor's signed approval of exactly this check-out, once he has a key (absent before keys);
    /// checked like a desk check-out's, and its nonce used up here.
    public let approval: SignedApproval?

    /// The approval `command` (a check-out) becomes at the cabinet holding the object, recorded by `context`'s
    /// actor (a clerk, as at the desk), or the refusal.
    ///
    /// The object must be in storage in a cabinet, and the terms must be ones the custody rules would accept
    /// for a check-out at that cabinet now: the recipient an active officer, the approver a supervisor who is not
    /// the recipient, the due time in the future; and, once the approver has a key, `approval` his signature
    /// over these terms (``RuleContext/checkedApproval(_:of:terms:by:)``).
    ///
    /// - Throws: ``LedgerError``: `cabinet-approval-needs-actor`, `cabinet-approval-needs-clerk`;
    ///   `object-not-found`; `object-not-in-cabinet`; `cabinet-approval-exists`; `approver-is-recipient`,
    ///   `due-not-in-future`, the officer reasons of the custody core; the free-text checks of the note; the
    ///   refusals of a signed approval.
    public static func decide(
        object reference: String, to recipient: String, reason: CheckoutReason, approvedBy approver: String, due: Date, note: String?,
        approval: SignedApproval? = nil, in context: borrowing RuleContext
    ) throws -> CabinetApproved {
        let policy = try PolicyLog.policy(in: context.tables, agency: context.agency, at: context.date)
        try VaultActor.require(
            context, roles: [.clerk], none: .cabinetApprovalNeedsActor, lacking: { .cabinetApprovalNeedsClerk(badge: $0, role: $1) })
        let id = try context.custody.resolve(reference)
        guard let object = try context.custody.object(id) else {
            throw LedgerError(.notFound, Reason("object-not-found", ["object": id]))
        }
        guard object.status == .inStorage, let location = object.location,
            let cabinet = try CabinetTables.cabinet(containing: location, in: context.custody)
        else {
            throw LedgerError(.refused, .objectNotInCabinet(id, location: object.location ?? ""))
        }
        if let waiting = try CabinetTables.openApproval(of: id, at: context.date, in: context.tables) {
            throw LedgerError(.refused, .cabinetApprovalExists(id, index: waiting.index))
        }
        let to = try Self.officer(recipient, roles: [.officer, .supervisor], as: "recipient", in: context)
        let by = try Self.officer(approver, roles: [.supervisor], as: "approver", in: context)
        guard by.badge != to.badge else { throw LedgerError(.refused, Reason("approver-is-recipient", ["badge": by.badge])) }
        guard due > context.date else { throw LedgerError(.refused, Reason("due-not-in-future", ["due": Timestamp.string(due)])) }
        let approved = try context.checkedApproval(
            approval, of: .checkout, terms: ["object": id, "to": to.badge, "reason": reason.rawValue, "due": Timestamp.string(due)], by: by)
        return CabinetApproved(
            object: id, cabinet: cabinet.code, to: to.badge, reason: reason, approvedBy: by.badge, due: Timestamp.string(due),
            note: try note.map { try FreeText.checked($0, field: "note") },
            expires: Timestamp.string(context.date.addingTimeInterval(policy.cabinetApprovalValid)), approval: approved)
    }

    /// An active officer with one of `roles`, as the custody core would refuse one.
    static func officer(_ badge: String, roles: Set<Role>, as party: String, in context: borrowing RuleContext) throws -> Officer {
        guard let officer = try context.custody.officer(badge) else {
            throw LedgerError(.notFound, Reason("officer-unknown", ["party": party, "badge": badge]))
        }
        guard !officer.isRetired else { throw LedgerError(.refused, Reason("officer-retired", ["party": party, "badge": badge])) }
        guard roles.contains(officer.role) else {
            throw LedgerError(
                .refused,
                Reason(
                    "officer-lacks-role",
                    [
                        "party": party, "badge": badge, "role": officer.role.rawValue,
                        "roles": roles.map(\.rawValue).sorted().joined(separator: ","),
                    ]))
        }
        return officer
    }
}
