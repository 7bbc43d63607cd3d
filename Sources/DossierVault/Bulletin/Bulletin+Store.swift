public import Foundation
public import PropertyLedger

extension Bulletin {
    /// Computes the bulletin for `day` (today in the agency's zone by default) on one snapshot of `store`,
    /// naming a checkpoint signed at the snapshot's size.
    ///
    /// A checkpoint is signed first if the log has grown (``LedgerStore/checkpoint(signingIfGrown:)``), and the
    /// snapshot taken after it; should another writer append in between, it tries again. A store that
    /// cannot sign (read-only, write-blocked, or without its private key here) names its latest checkpoint,
    /// and the bulletin states both sizes (``BulletinSource/isCheckpointAtLogSize``).
    ///
    /// - Parameters:
    ///   - deadlines: the open deadlines on the snapshot, graded at the time given (all units).
    public static func compute(
        from store: LedgerStore, day: BulletinDay? = nil, unit: String? = nil, now: Date = Date(),
        sections: [any BulletinSection] = Bulletin.standardSections,
        deadlines: @Sendable (borrowing StoreSnapshot, Date) throws -> [Deadline]
    ) async throws -> Bulletin {
        let zone = store.identity.agency.timeZone
        let day = day ?? BulletinDay(containing: now, in: zone)
        let asOf = gradingTime(for: day, now: now, zone: zone)
        let attempts = 3
        for attempt in 1...attempts {
            let checkpoint = try await signedCheckpoint(of: store)
            let bulletin = try await store.read { snapshot -> Bulletin? in
                guard snapshot.size == Int64(checkpoint.size) || attempt == attempts else { return nil }
                return try Bulletin(
                    snapshot: snapshot, checkpoint: checkpoint, day: day, unit: unit, now: now, deadlines: try deadlines(snapshot, asOf),
                    sections: sections)
            }
            if let bulletin { return bulletin }
        }
        preconditionFailure("the last attempt always computes")
    }

    /// The checkpoint at the log's size, signed now if need be; the latest signed one when the store cannot sign.
    private static func signedCheckpoint(of store: LedgerStore) async throws -> Checkpoint {
        let isWriteBlocked = await store.writeBlockedReason != nil
        if store.isReadOnly || isWriteBlocked {
            return try await store.checkpoint(signingIfGrown: false).checkpoint
        }
        do {
            return try await store.checkpoint().checkpoint
        } catch let error as LedgerError where error.reason.id == "private-key-missing" {
            return try await store.checkpoint(signingIfGrown: false).checkpoint
        }
    }
}
