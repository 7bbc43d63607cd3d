public import PropertyLedger

/// The entry `vault.item-unrelated`: property found to be unrelated to the case, to be returned to its owner
/// within the `release-unrelated` limit (MPS 2015) — a deadline open until the item is disposed of.
public struct ItemUnrelated: EntryPayload, Codable, Hashable {
    public static let type = "vault.item-unrelated"

    /// The item's id.
    public let object: String
    public let reason: String

    /// The entry that marks the item `reference` names (an id or `chip:UID`) unrelated, for `context`'s actor —
    /// or the refusal.
    ///
    /// - Throws: ``LedgerError``: `unrelated-needs-actor`, `officer-unknown`, `officer-retired`,
    ///   `unrelated-needs-clerk-or-supervisor` (refused); `object-not-found`, `chip-not-bound` (not found);
    ///   `unrelated-object-is-dossier`, `object-disposed`, `unrelated-already-marked` (refused); the free-text
    ///   checks of the reason.
    public static func decide(_ reference: String, reason: String, in context: borrowing RuleContext) throws -> ItemUnrelated {
        try VaultActor.require(
            context, roles: [.clerk, .supervisor], none: .unrelatedNeedsActor,
            lacking: { .unrelatedNeedsClerkOrSupervisor(badge: $0, role: $1) })
        let id = try context.custody.resolve(reference)
        guard let object = try context.custody.object(id) else {
            throw LedgerError(.notFound, Reason("object-not-found", ["object": id]))
        }
        guard object.kind == .item else { throw LedgerError(.refused, .unrelatedObjectIsDossier(id)) }
        guard object.status != .disposed else { throw LedgerError(.refused, Reason("object-disposed", ["object": id])) }
        if let mark = try UnrelatedProperty.mark(of: id, in: context.tables) {
            throw LedgerError(.refused, .unrelatedAlreadyMarked(id, index: mark.index))
        }
        return ItemUnrelated(object: id, reason: try FreeText.checked(reason, field: "reason"))
    }
}
