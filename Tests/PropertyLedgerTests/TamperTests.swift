import Foundation
import Testing

@testable import PropertyLedger

/// An administrator can drop the triggers and edit the file. Each edit must make the audit fail and name
/// the place, and the store must refuse to append on top of it.
struct TamperTests {
    /// A store with 40 entries (the description at 0, then 39) and checkpoints at sizes 1, 20 and 40.
    private func withTamperedStore(
        _ sql: [String], profile: CryptoProfile = .gm, check: (AuditReport, LedgerStore) async throws -> Void
    ) async throws {
        try await withTemporaryStore(profile: profile) { store, paths in
            try await store.append(contentsOf: (1..<20).map { Data("entry \($0)".utf8) })
            _ = try await store.checkpoint()
            try await store.append(contentsOf: (20..<40).map { Data("entry \($0)".utf8) })
            _ = try await store.checkpoint()
            #expect(try await store.audit().isIntact)
            try Self.tamper(paths, sql)
            let reopened = try await LedgerStore.open(paths)
            try await check(try await reopened.audit(), reopened)
        }
    }

    /// Drops every trigger, as an administrator could, and runs `sql`.
    static func tamper(_ paths: StorePaths, _ sql: [String]) throws {
        let database = try Database(path: paths.database, create: false)
        let triggers = try database.rows("SELECT name FROM sqlite_master WHERE type = 'trigger'") { $0.text(0) }
        #expect(triggers.count == 11)
        for trigger in triggers { try database.execute("DROP TRIGGER \(trigger)") }
        for statement in sql { try database.execute(statement) }
    }

    @Test(arguments: CryptoProfile.allCases)
    func flippedByteIsFoundAtItsIndex(profile: CryptoProfile) async throws {
        try await withTamperedStore(
            ["UPDATE log_entries SET bytes = CAST('entry 2X' AS BLOB) WHERE idx = 27"], profile: profile
        ) { report, store in
            #expect(!report.isIntact)
            #expect(report.firstBadIndex == 27)
            #expect(report.findings.first?.subject == Reason("audit-entry", ["index": "27"]))
            #expect(report.findingCount == 1)
        }
    }

    @Test func deletedLastEntryIsFound() async throws {
        try await withTamperedStore(["DELETE FROM log_entries WHERE idx = 39"]) { report, _ in
            #expect(report.firstBadIndex == 39)
            #expect(report.findings.contains { $0.subject == Reason("audit-tree-leaf", ["index": "39"]) })
            #expect(report.findings.contains { $0.subject == Reason("audit-checkpoint", ["size": "40"]) })
        }
    }

    @Test func deletedEntryAndItsTreeNodesAreStillFoundThroughTheCheckpoint() async throws {
        // A careful administrator removes the last entry and every node that mentions it.
        try await withTamperedStore([
            "DELETE FROM log_entries WHERE idx = 39",
            "DELETE FROM log_nodes WHERE level = 0 AND idx = 39",
            "DELETE FROM log_nodes WHERE level = 1 AND idx = 19",
            "DELETE FROM log_nodes WHERE level = 2 AND idx = 9",
            "DELETE FROM log_nodes WHERE level = 3 AND idx = 4",
        ]) { report, store in
            #expect(report.firstBadIndex == 39)
            #expect(report.findings.contains { $0.subject == Reason("audit-checkpoint", ["size": "40"]) })
            #expect(await store.writeBlockedReason?.arguments["size"] == "40")
        }
    }

    @Test func swappedEntriesAreFoundAtTheFirst() async throws {
        try await withTamperedStore([
            "UPDATE log_entries SET idx = 1000 WHERE idx = 12",
            "UPDATE log_entries SET idx = 12 WHERE idx = 31",
            "UPDATE log_entries SET idx = 31 WHERE idx = 1000",
        ]) { report, _ in
            #expect(report.firstBadIndex == 12)
            #expect(
                report.findings.map(\.subject).prefix(2) == [
                    Reason("audit-entry", ["index": "12"]), Reason("audit-entry", ["index": "31"]),
                ])
        }
    }

    @Test func alteredTreeNodeIsNamed() async throws {
        try await withTamperedStore(["UPDATE log_nodes SET hash = zeroblob(32) WHERE level = 2 AND idx = 3"]) { report, _ in
            #expect(report.firstBadIndex == 12)
            // Only the altered node is reported, not the ancestors that now disagree with it.
            #expect(report.findings.map(\.subject) == [Reason("audit-tree-node", ["level": "2", "index": "3"])])
        }
    }

    /// A node on the right edge cut to 31 bytes, around the schema's length check: the store still opens (so
    /// that the audit can say where) but takes no write, and names the node.
    @Test func aShortenedEdgeNodeBlocksWritesAndIsNamed() async throws {
        try await withTamperedStore([
            "PRAGMA ignore_check_constraints = ON",
            // 40 entries: the right edge is the subtrees (5, 0) and (3, 4).
            "UPDATE log_nodes SET hash = substr(hash, 1, 31) WHERE level = 3 AND idx = 4",
        ]) { report, store in
            #expect(!report.isIntact)
            // The node itself, and the checkpoint at 40, whose root cannot be computed over it: so the damage is
            // bounded by the checkpoint before, at 20.
            #expect(report.findings.contains { $0.subject == Reason("audit-tree-node", ["level": "3", "index": "4"]) })
            #expect(
                report.findings.contains {
                    $0.subject == Reason("audit-checkpoint", ["size": "40"])
                        && $0.reason.arguments["detail"]?.contains("tree-node-malformed") == true
                })
            #expect(report.firstBadIndex == 20)
            #expect(
                await store.writeBlockedReason
                    == Reason("tree-node-malformed", ["level": "3", "index": "4", "bytes": "31"]))
            await #expect(throws: LedgerError.self) { try await store.append(Data("one more".utf8)) }
        }
    }

    @Test func alteredCheckpointIsNamed() async throws {
        try await withTamperedStore([
            "UPDATE log_checkpoints SET note = replace(note, char(10) || '20' || char(10), char(10) || '21' || char(10)) WHERE size = 20"
        ]) { report, _ in
            #expect(
                report.findings.contains {
                    $0.subject == Reason("audit-checkpoint", ["size": "20"]) && $0.reason.id == "checkpoint-note-unverifiable"
                })
        }
    }

    /// A rewrite that recomputes every tree node leaves the tree self-consistent; only the signed roots can
    /// tell, and they bound where the change is.
    @Test func consistentRewriteIsCaughtByTheSignedRoots() async throws {
        try await withTemporaryStore(profile: .gm) { store, paths in
            try await store.append(contentsOf: (1..<20).map { Data("entry \($0)".utf8) })
            _ = try await store.checkpoint()
            try await store.append(contentsOf: (20..<40).map { Data("entry \($0)".utf8) })
            _ = try await store.checkpoint()
            // Rebuild the tree for the altered entries with the library's own hashing.
            var entries: [Data] = []
            for index in 0..<40 { entries.append(try await store.entry(at: Int64(index))) }
            entries[25] = Data("entry 25, rewritten".utf8)
            var memory = try InMemoryTree(.sm3)
            for entry in entries { memory.append(entry) }
            var sql = ["UPDATE log_entries SET bytes = CAST('entry 25, rewritten' AS BLOB) WHERE idx = 25", "DELETE FROM log_nodes"]
            for (key, hash) in memory.nodes {
                let parts = key.split(separator: "/")
                sql.append("INSERT INTO log_nodes (level, idx, hash) VALUES (\(parts[0]), \(parts[1]), x'\(hash.hex)')")
            }
            try Self.tamper(paths, sql)
            let report = try await LedgerStore.open(paths).audit()
            #expect(report.findingCount == 1)
            #expect(report.firstBadIndex == 20)
            #expect(report.findings.first?.subject == Reason("audit-checkpoint", ["size": "40"]))
        }
    }

    /// A crash image whose WAL lost its tail: the database silently holds fewer entries than were signed.
    @Test func truncatedWALIsFoundThroughTheCheckpointFile() async throws {
        try await withTemporaryStore(profile: .gm) { store, paths in
            try await store.append(contentsOf: (1..<20).map { Data("entry \($0)".utf8) })
            for index in 20..<40 { try await store.append(Data("entry \(index)".utf8)) }
            _ = try await store.checkpoint()
            // Copy the files while the store is open (so the WAL still holds the recent commits), as a crash
            // would leave them, then cut the WAL short.
            let image = StorePaths(database: paths.database + ".image")
            let wal = paths.database + "-wal"
            let walSize = try #require(try FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int)
            #expect(walSize > 8192)
            try FileManager.default.copyItem(atPath: paths.database, toPath: image.database)
            try FileManager.default.copyItem(atPath: wal, toPath: image.database + "-wal")
            try FileManager.default.copyItem(atPath: paths.privateKey, toPath: image.privateKey)
            try FileManager.default.copyItem(atPath: paths.checkpoint, toPath: image.checkpoint)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: image.database + "-wal"))
            try handle.truncate(atOffset: UInt64(walSize - 6000))
            try handle.close()

            let damaged = try await LedgerStore.open(image)
            let size = try await damaged.size
            #expect(size < 40)
            let report = try await damaged.audit()
            #expect(report.firstBadIndex == size)
            #expect(report.findings.contains { $0.subject.id == "audit-checkpoint-file" })
            #expect(await damaged.writeBlockedReason != nil)
        }
    }
}
