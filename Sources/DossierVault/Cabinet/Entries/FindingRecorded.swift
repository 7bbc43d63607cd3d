import Foundation
public import PropertyLedger

/// The entry `vault.finding`: an irregularity at a cabinet, recorded for a supervisor to review — never as
/// custody. Caused by the cabinet (the entry's `device`).
public struct FindingRecorded: EntryPayload, Codable, Hashable {
    public static let type = "vault.finding"

    /// `F` and this entry's index.
    public let finding: String
    public let kind: FindingKind
    public let cabinet: String
    public let session: String?
    public let object: String?
    public let uid: String?
    public let slot: String?
    public let detail: String?
}

/// The entry `vault.finding-resolved`: a supervisor reviewed a finding and closed it, saying what was found.
public struct FindingResolved: EntryPayload, Codable, Hashable {
    public static let type = "vault.finding-resolved"

    public let finding: String
    public let note: String

    /// The resolution of finding `id` by `context`'s actor (a supervisor), or the refusal.
    ///
    /// - Throws: ``LedgerError``: `finding-needs-actor`, `finding-needs-supervisor`, `officer-unknown`,
    ///   `officer-retired` (refused); `finding-not-found` (not found); `finding-already-resolved` (refused); the
    ///   free-text checks of the note.
    public static func decide(_ id: String, note: String, in context: borrowing RuleContext) throws -> FindingResolved {
        try VaultActor.require(
            context, roles: [.supervisor], none: .findingNeedsActor, lacking: { .findingNeedsSupervisor(badge: $0, role: $1) })
        let id = id.trimmingCharacters(in: .whitespaces).uppercased()
        guard let finding = try CabinetTables.finding(id, in: context.tables) else { throw LedgerError(.notFound, .findingNotFound(id)) }
        if let resolution = finding.resolution { throw LedgerError(.refused, .findingAlreadyResolved(id, index: resolution.index)) }
        return FindingResolved(finding: id, note: try FreeText.checked(note, field: "note"))
    }
}
