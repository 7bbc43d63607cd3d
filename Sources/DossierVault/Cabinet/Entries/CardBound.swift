public import PropertyLedger

/// The entry `vault.card-bound`: a police IC card (its UID) now identifies an officer at the cabinets. An
/// officer has one card: binding a new one retires the old.
public struct CardBound: EntryPayload, Codable, Hashable {
    public static let type = "vault.card-bound"

    public let badge: String
    /// The card's UID, normalized (upper-case hex).
    public let card: String

    /// The binding of `card` to `badge`, for `context`'s actor (a clerk or a supervisor), or the refusal.
    ///
    /// - Throws: ``LedgerError``: `card-needs-actor`, `card-needs-clerk-or-supervisor`, `officer-unknown`,
    ///   `officer-retired` (refused); `chip-uid-invalid` (invalid input); `card-bound-elsewhere`,
    ///   `card-already-bound` (refused).
    public static func decide(badge: String, card: String, in context: borrowing RuleContext) throws -> CardBound {
        try VaultActor.require(
            context, roles: [.clerk, .supervisor], none: .cardNeedsActor, lacking: { .cardNeedsClerkOrSupervisor(badge: $0, role: $1) })
        let card = try ChipUID.normalize(card)
        guard let officer = try context.custody.officer(badge) else {
            throw LedgerError(.notFound, Reason("officer-unknown", ["party": "officer", "badge": badge]))
        }
        guard !officer.isRetired else { throw LedgerError(.refused, Reason("officer-retired", ["party": "officer", "badge": badge])) }
        if let holder = try CabinetTables.officer(card: card, in: context.tables) {
            throw LedgerError(
                .refused, holder == officer.badge ? .cardAlreadyBound(card, badge: holder) : .cardBoundElsewhere(card, badge: holder))
        }
        return CardBound(badge: officer.badge, card: card)
    }
}
