import Foundation
import Synchronization
import Testing

@testable import PropertyLedger

/// The full audit and the rebuild check read on a second connection: while one runs for a while, the store
/// goes on answering short reads and taking writes.
struct ReadConnectionTests {
    /// How many `show`s (and one write) complete while a long read runs in another task. On one connection
    /// they all wait for the long read to finish, so at most one or two slip in at its edges.
    private static func completions(
        whileRunning longRead: @escaping @Sendable (LedgerStore) async throws -> Void
    ) async throws -> (shows: Int, wroteMeanwhile: Bool) {
        var outcome = (shows: 0, wroteMeanwhile: false)
        try await CustodyTests.withScene { store, item, _ in
            // Long enough that the long read outlasts a write even when the disk is slow to sync (a write holds
            // the store's executor, so no show runs meanwhile): with 4,000 a loaded CI machine saw only 5 shows.
            let progress = (0..<20_000).map { CustodyCommand.recordProgress(caseNumber: CustodyTests.caseNumber, note: "走访 \($0)") }
            try await store.record(contentsOf: progress, actor: "000002", at: CustodyTests.now)
            let finished = Atomic<Bool>(false)
            let task = Task {
                try await longRead(store)
                finished.store(true, ordering: .releasing)
            }
            var shows = 0
            var wroteMeanwhile = false
            while !finished.load(ordering: .acquiring) {
                _ = try await store.object(item)
                if finished.load(ordering: .acquiring) { break }
                shows += 1
                if shows == 5 {
                    try await store.record(
                        .recordProgress(caseNumber: CustodyTests.caseNumber, note: "提审"), actor: "000002", at: CustodyTests.now)
                    wroteMeanwhile = !finished.load(ordering: .acquiring)
                }
            }
            try await task.value
            outcome = (shows, wroteMeanwhile)
        }
        return outcome
    }

    @Test func showsAndWritesGoOnDuringARebuildCheck() async throws {
        let outcome = try await Self.completions { store in
            let differences = try await store.rebuildCheck()
            #expect(differences.isEmpty, "\(differences)")
        }
        #expect(outcome.shows >= 10, "only \(outcome.shows) shows completed during the rebuild check")
        #expect(outcome.wroteMeanwhile)
    }

    @Test func showsAndWritesGoOnDuringAnAudit() async throws {
        let outcome = try await Self.completions { store in
            let report = try await store.audit()
            #expect(report.isIntact)
        }
        #expect(outcome.shows >= 10, "only \(outcome.shows) shows completed during the audit")
        #expect(outcome.wroteMeanwhile)
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
