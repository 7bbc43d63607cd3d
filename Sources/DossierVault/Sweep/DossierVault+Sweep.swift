public import Foundation
public import PropertyLedger

/// The sweep to central storage (`ledger dossier sweep`): the list of dossiers the one-month rule says must be in
/// central storage and are not, and the moves a clerk at central storage records once they have arrived.
extension DossierVault {
    /// The dossiers that must be in central storage by `asOf` (their deadline is at or before it) and are not, by
    /// due time; of `unit`'s cases only, if one is given. Nothing is written.
    public static func sweep(in snapshot: borrowing StoreSnapshot, asOf: Date, unit: String? = nil) throws -> [SweepItem] {
        try sweep(tables: snapshot.tables, custody: snapshot.custody, agency: snapshot.agency, asOf: asOf, unit: unit)
    }

    /// Records, in one transaction of its own, a move to `location` (naming the rule `central-storage`) for every
    /// dossier on the sweep list at `asOf` (by default the time of recording) that is in storage, and reports
    /// those it could not move. Nothing is written if any move is refused.
    ///
    /// - Throws: ``LedgerError``: `sweep-needs-actor`, `officer-unknown`, `officer-retired`, `sweep-needs-clerk`
    ///   (refused); `location-not-found` (not found); `sweep-target-not-central` (refused: the clerk is not at
    ///   central storage); any refusal of a move.
    public static func recordSweep(
        to location: String, in store: LedgerStore, actor: String?, asOf: Date? = nil, unit: String? = nil, device: Device? = nil,
        at date: Date = Date(), signer: (any EntrySigner)? = nil
    ) async throws -> SweepRecording {
        try await store.transaction(actor: actor, device: device, at: date, signer: signer) { transaction in
            try recordSweep(to: location, asOf: asOf ?? date, unit: unit, in: &transaction)
        }
    }

    /// ``recordSweep(to:in:actor:asOf:unit:device:at:)`` inside a transaction the caller runs: the list is read
    /// in the transaction's own state, under its write lock.
    public static func recordSweep(
        to location: String, asOf: Date, unit: String? = nil, in transaction: inout LedgerTransaction
    ) throws -> SweepRecording {
        let (target, items) = try transaction.read { context in
            try VaultActor.require(context, roles: [.clerk], none: .sweepNeedsActor, lacking: { .sweepNeedsClerk(badge: $0, role: $1) })
            let code = location.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
            guard let target = try context.custody.location(code) else {
                throw LedgerError(.notFound, Reason("location-not-found", ["code": code]))
            }
            guard target.isCentral else { throw LedgerError(.refused, .sweepTargetNotCentral(target.code)) }
            return (target, try sweep(tables: context.tables, custody: context.custody, agency: context.agency, asOf: asOf, unit: unit))
        }
        let movable = items.filter(\.canMoveNow)
        let moves = try movable.map { item in
            try transaction.record(
                .move(object: item.dossier, location: target.code, reason: nil, caseNumber: nil, rule: RuleID.centralStorage.rawValue))
        }
        return SweepRecording(moves: moves, moved: movable, notMoved: items.filter { !$0.canMoveNow })
    }

    static func sweep(tables: borrowing ProjectionTables, custody: CustodyView, agency: Agency, asOf: Date, unit: String?) throws
        -> [SweepItem]
    {
        let deadlines = try deadlines(
            tables: tables, custody: custody, agency: agency, asOf: asOf, filter: DeadlineFilter(unit: unit, rules: [.centralStorage]))
        return deadlines.filter { $0.due <= asOf }.map { deadline in
            let disposition: SweepItem.Disposition =
                deadline.location != nil ? .movable : deadline.holder != nil ? .mustBeReturned : .mustBeCheckedIn
            return SweepItem(
                dossier: deadline.object, caseNumber: deadline.caseNumber, unit: deadline.unit, since: deadline.since, due: deadline.due,
                location: deadline.location, holder: deadline.holder, disposition: disposition)
        }
    }
}
