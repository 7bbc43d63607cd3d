import Foundation
import Synchronization
import Testing

@testable import PropertyLedger

/// The full audit and the rebuild check read on a second connection: while one runs, the store goes on
/// answering short reads and taking writes.
struct ReadConnectionTests {
    /// Holds a long read open in its middle (inside its read transaction) until ten `show`s and one write have
    /// completed on the store. Were the long read on the store's own executor, the shows would wait behind it and
    /// the hold would end by its timeout instead of by the release: that is what the result tells apart.
    private static func heldUntilReleased(
        whileRunning longRead: @escaping @Sendable (LedgerStore) async throws -> Void
    ) async throws -> Bool {
        let entered = Atomic<Bool>(false)
        let released = Atomic<Bool>(false)
        let release = DispatchSemaphore(value: 0)
        try await CustodyTests.withScene { store, item, _ in
            await store.setLongReadMidway {
                entered.store(true, ordering: .releasing)
                released.store(release.wait(timeout: .now() + 60) == .success, ordering: .releasing)
            }
            let task = Task { try await longRead(store) }
            while !entered.load(ordering: .acquiring) { try await Task.sleep(for: .milliseconds(5)) }
            for _ in 0..<10 { _ = try await store.object(item) }
            try await store.record(
                .recordProgress(caseNumber: CustodyTests.caseNumber, note: "提审"), actor: "000002", at: CustodyTests.now)
            release.signal()
            try await task.value
        }
        return released.load(ordering: .acquiring)
    }

    @Test func showsAndWritesGoOnDuringARebuildCheck() async throws {
        let held = try await Self.heldUntilReleased { store in
            let differences = try await store.rebuildCheck()
            #expect(differences.isEmpty, "\(differences)")
        }
        #expect(held, "the shows and the write waited for the rebuild check")
    }

    @Test func showsAndWritesGoOnDuringAnAudit() async throws {
        let held = try await Self.heldUntilReleased { store in
            let report = try await store.audit()
            #expect(report.isIntact)
        }
        #expect(held, "the shows and the write waited for the audit")
    }

    @Test func aRebuildCheckStillFindsADifference() async throws {
        try await withTemporaryStore { store, paths in
            try await store.record(.addOfficer(badge: "000001", name: "魏江", unit: nil, role: .supervisor), actor: nil)
            try Database(path: paths.database).execute("UPDATE officers SET name = '别人' WHERE badge = '000001'")
            let differences = try await store.rebuildCheck()
            #expect(differences.contains(Reason("rebuild-extra-rows", ["table": "officers", "count": "1"])))
            #expect(differences.contains(Reason("rebuild-missing-rows", ["table": "officers", "count": "1"])))
            // The replay lived in the read transaction's temp tables and is gone: a second check agrees.
            #expect(try await store.rebuildCheck() == differences)
        }
    }
}
