import Foundation
import Testing

@testable import PropertyLedger

/// The store's promises: append-only, dense, durable across reopen, one transaction per write, and refusal
/// of files and states it must not use.
struct StoreTests {
    @Test func appendedEntriesReadBackExactly() async throws {
        try await withTemporaryStore { store, paths in
            let first = try await store.append(Data("物证 自行车 1 辆".utf8))
            let batch = try await store.append(contentsOf: [Data([0, 1, 2]), Data(), Data("x".utf8)])
            #expect(first == 1)
            #expect(batch == 2..<5)
            let reopened = try await LedgerStore.open(paths)
            #expect(try await reopened.size == 5)
            #expect(try await reopened.entry(at: 1) == Data("物证 自行车 1 辆".utf8))
            #expect(try await reopened.entry(at: 3) == Data())
            await #expect(throws: LedgerError.self) { try await reopened.entry(at: 5) }
            #expect(try await reopened.audit().isIntact)
        }
    }

    @Test func firstEntryDescribesTheLog() async throws {
        try await withTemporaryStore(profile: .gm) { store, _ in
            let genesis = try JSONDecoder().decode(LogCreatedEntry.self, from: try await store.entry(at: 0))
            #expect(genesis.log.origin == store.identity.origin)
            #expect(genesis.log.verifier == store.identity.verifierKey)
            #expect(genesis.agency.name == "测试县公安局")
            #expect(store.identity.origin.hasPrefix("370321.propertyledger/gm/"))
        }
    }

    @Test func updatesDeletesAndGapsAreRejectedByTheDatabase() async throws {
        try await withTemporaryStore { store, paths in
            try await store.append(Data("a".utf8))
            _ = try await store.checkpoint()
            let database = try Database(path: paths.database, create: false)
            let attempts = [
                "UPDATE log_entries SET bytes = x'00' WHERE idx = 0",
                "DELETE FROM log_entries WHERE idx = 1",
                "INSERT INTO log_entries (idx, bytes) VALUES (5, x'00')",
                "UPDATE log_nodes SET hash = zeroblob(32) WHERE level = 0 AND idx = 0",
                "DELETE FROM log_nodes",
                "INSERT INTO log_nodes (level, idx, hash) VALUES (0, 9, zeroblob(32))",
                // A conflict clause must not turn an insert into a rewrite (REPLACE deletes without the delete trigger).
                "INSERT OR REPLACE INTO log_entries (idx, bytes) VALUES (1, x'00')",
                "REPLACE INTO log_entries (idx, bytes) VALUES (0, x'00')",
                "INSERT OR REPLACE INTO log_nodes (level, idx, hash) VALUES (0, 1, zeroblob(32))",
                "INSERT OR IGNORE INTO log_entries (idx, bytes) VALUES (7, x'00')",
                "INSERT INTO log_entries (idx, bytes) VALUES (-1, x'00')",
                "UPDATE log_checkpoints SET note = 'x'",
                "DELETE FROM log_checkpoints",
                "INSERT INTO log_checkpoints (size, root, note) VALUES (1, zeroblob(32), 'x')",
                "UPDATE log_meta SET value = 'x' WHERE key = 'origin'",
                "DELETE FROM log_meta",
            ]
            for sql in attempts {
                let error = #expect(throws: SQLiteError.self, "\(sql)") { try database.execute(sql) }
                #expect(error?.isConstraintViolation == true, "\(sql): \(String(describing: error))")
            }
            #expect(try await store.audit().isIntact)
        }
    }

    @Test func failedWriteLeavesNothingBehind() async throws {
        try await withTemporaryStore { store, _ in
            let before = try await store.size
            struct Abort: Error {}
            await #expect(throws: Abort.self) {
                try await store.write { writer in
                    try writer.append(Data("one".utf8))
                    try writer.append(Data("two".utf8))
                    throw Abort()
                }
            }
            #expect(try await store.size == before)
            // The next append takes the next index: the aborted transaction left no trace in memory either.
            #expect(try await store.append(Data("three".utf8)) == before)
            let tooLarge = Data(count: LedgerStore.maximumEntrySize + 1)
            await #expect(throws: LedgerError.self) { try await store.append(contentsOf: [Data("ok".utf8), tooLarge]) }
            #expect(try await store.size == before + 1)
            #expect(try await store.audit().isIntact)
        }
    }

    @Test func checkpointsAreSignedOnlyWhenTheLogGrewAndAreKeptInAFile() async throws {
        try await withTemporaryStore(profile: .gm) { store, paths in
            let first = try await store.checkpoint()
            #expect(try await store.checkpoint() == first)
            try await store.append(Data("b".utf8))
            let second = try await store.checkpoint()
            #expect(second.checkpoint.size == first.checkpoint.size + 1)
            #expect(try await store.checkpointSizes() == [1, 2])
            let file = try String(contentsOfFile: paths.checkpoint, encoding: .utf8)
            #expect(file == second.note.formatted)
            #expect(try DurableFile.mode(of: paths.privateKey) == 0o600)
            let verifier = try NoteVerifier(text: store.identity.verifierKey)
            _ = try SignedCheckpoint(parsing: file, verifier: verifier)
        }
    }

    @Test func receiptsProveEntriesOffline() async throws {
        try await withTemporaryStore(profile: .gm) { store, _ in
            for index in 1...20 { try await store.append(Data("entry \(index)".utf8)) }
            let oldCheckpoint = try await store.checkpoint()
            try await store.append(Data("later".utf8))
            let receipt = try await store.receipt(index: 7)
            let verifier = try NoteVerifier(text: store.identity.verifierKey)
            let checkpoint = try Receipt(parsing: receipt.text).verify(entry: Data("entry 7".utf8), verifier: verifier)
            #expect(checkpoint.size == 22)
            let old = try await store.receipt(index: 7, size: Int64(oldCheckpoint.checkpoint.size))
            #expect(try old.verify(entry: Data("entry 7".utf8), verifier: verifier).size == 21)
            await #expect(throws: LedgerError.self) { try await store.receipt(index: 7, size: 5) }
            await #expect(throws: LedgerError.self) { try await store.receipt(index: 30) }
            #expect(throws: VerificationError.self) { try receipt.verify(entry: Data("entry 8".utf8), verifier: verifier) }
        }
    }

    @Test func createRefusesToOverwrite() async throws {
        try await withTemporaryStore { _, paths in
            let agency = try Agency(code: "370321", name: "x", kind: .police)
            let error = await #expect(throws: LedgerError.self) {
                try await LedgerStore.create(paths, agency: agency, profile: .intl, signatures: .optional)
            }
            #expect(error?.code == .alreadyExists)
        }
    }

    @Test func nonLedgerFilesAreRefusedWithAClearMessage() async throws {
        try await withTemporaryDirectory { directory in
            let missing = StorePaths(database: directory.appendingPathComponent("none.db").path)
            let notFound = await #expect(throws: LedgerError.self) { try await LedgerStore.open(missing) }
            #expect(notFound?.code == .notFound)
            #expect(notFound?.reason == Reason("store-missing", ["path": missing.database]))

            let garbage = directory.appendingPathComponent("garbage.db")
            try Data(repeating: 0x41, count: 8192).write(to: garbage)
            let corrupt = await #expect(throws: LedgerError.self) { try await LedgerStore.open(StorePaths(database: garbage.path)) }
            #expect(corrupt?.code == .storeUnusable)
            #expect(corrupt?.reason.id == "store-damaged")
            #expect(try Data(contentsOf: garbage) == Data(repeating: 0x41, count: 8192), "the file was changed")

            let other = directory.appendingPathComponent("other.db")
            try Database(path: other.path, create: true).execute("CREATE TABLE t (x)")
            let foreign = await #expect(throws: LedgerError.self) { try await LedgerStore.open(StorePaths(database: other.path)) }
            #expect(foreign?.reason == Reason("store-foreign", ["path": other.path]))
        }
    }

    @Test func aStoreBehindItsSignedCheckpointRefusesToAppend() async throws {
        try await withTemporaryDirectory { directory in
            let paths = StorePaths(database: directory.appendingPathComponent("ledger.db").path)
            let backup = directory.appendingPathComponent("backup").path
            do {
                let store = try await LedgerStore.create(
                    paths, agency: try Agency(code: "A1", name: "x", kind: .court), profile: .intl, signatures: .optional)
                try await store.append(Data("1".utf8))
                // A backup taken now holds 2 entries (it signs a checkpoint at size 2 first).
                _ = try await store.backup(into: backup)
                try await store.append(Data("2".utf8))
                _ = try await store.checkpoint()
            }
            // Copy the backup's database over the closed store by hand (`restore` would refuse): the checkpoint
            // file still says size 3.
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: paths.database + suffix) }
            try FileManager.default.copyItem(atPath: backup + "/" + BackupManifest.databaseFile, toPath: paths.database)
            let restored = try await LedgerStore.open(paths)
            let reason = try #require(await restored.writeBlockedReason)
            #expect(reason.id == "entries-lost" && reason.arguments["size"] == "3", "\(reason)")
            let refused = await #expect(throws: LedgerError.self) { try await restored.append(Data("fork".utf8)) }
            #expect(refused?.code == .storeUnusable)
            #expect(refused?.reason.id == "writes-blocked" && refused?.reason.arguments["cause"] == "entries-lost")
            await #expect(throws: LedgerError.self) { try await restored.checkpoint() }
            let report = try await restored.audit()
            #expect(!report.isIntact)
            #expect(report.firstBadIndex == 2)
        }
    }

    @Test func aSecondWriterIsSeenBeforeAppending() async throws {
        try await withTemporaryStore { first, paths in
            let second = try await LedgerStore.open(paths)
            try await first.append(Data("from the first".utf8))
            // The second connection's frontier is stale; the write transaction must notice and reload it.
            #expect(try await second.append(Data("from the second".utf8)) == 2)
            #expect(try await first.append(Data("first again".utf8)) == 3)
            #expect(try await first.audit().isIntact)
        }
    }

    @Test func missingOrForeignKeyFileIsReported() async throws {
        try await withTemporaryStore(profile: .gm) { store, paths in
            try await store.append(Data("x".utf8))
            let key = try String(contentsOfFile: paths.privateKey, encoding: .utf8)
            try FileManager.default.removeItem(atPath: paths.privateKey)
            let missing = await #expect(throws: LedgerError.self) { try await store.checkpoint() }
            #expect(missing?.code == .notFound)
            #expect(missing?.reason.id == "private-key-missing")

            let stranger = try NoteSigner(name: store.identity.origin, key: SigningKey.generate(.sm2))
            try DurableFile.create(paths.privateKey, contents: Data(try stranger.text.utf8), mode: 0o600)
            let foreign = await #expect(throws: LedgerError.self) { try await store.checkpoint() }
            #expect(foreign?.reason.id == "private-key-foreign")

            try FileManager.default.removeItem(atPath: paths.privateKey)
            try DurableFile.create(paths.privateKey, contents: Data(key.utf8), mode: 0o644)
            let readable = await #expect(throws: LedgerError.self) { try await store.checkpoint() }
            #expect(readable?.reason == Reason("private-key-exposed", ["path": paths.privateKey, "mode": "644"]))
            #expect(try await store.checkpointSizes() == [1])
        }
    }
}

struct DirectoryPathTests {
    @Test(arguments: [
        ("a/b", "a"), ("/b", "/"), ("b", ""), ("x", ""), ("a/b/", "a"), ("/", "/"), ("a//b", "a"), ("/a/b/c.db", "/a/b"), ("", ""),
    ])
    func isTheDirectoryPart(path: String, directory: String) {
        #expect(directoryPath(of: path) == directory, "\(path)")
    }
}

struct BusyStoreTests {
    /// A write that waits out the busy timeout behind another connection's write lock is refused as the store's
    /// state (`store-locked`, exit 5 in the CLI), not surfaced as a raw SQLite error (exit 70).
    @Test func aWriteLockHeldPastTheTimeoutIsStoreLocked() async throws {
        try await withTemporaryStore { _, paths in
            let holder = try Database(path: paths.database)
            try holder.execute("BEGIN IMMEDIATE")
            defer { try? holder.execute("ROLLBACK") }
            let waiter = try Database(path: paths.database)
            let started = ContinuousClock.now
            let error = #expect(throws: LedgerError.self) { try waiter.writeTransaction { try waiter.execute("SELECT 1") } }
            #expect(error?.code == .storeUnusable)
            #expect(error?.reason.id == "store-locked", "\(String(describing: error))")
            // It waited the whole timeout first (the handler's sleeps are 1–3 ms, so at least 5,000 of them).
            #expect(started.duration(to: .now) >= .milliseconds(Int(Database.busyRetries)))
        }
    }
}
