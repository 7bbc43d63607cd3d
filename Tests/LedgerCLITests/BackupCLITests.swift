import Foundation
import PropertyLedger
import Testing

/// `ledger backup` and `ledger restore` through the binary: a backup taken while another process writes is a
/// consistent prefix of the log; a restore puts it back and the store verifies and works; every restore that
/// would roll the log back, fork it, or trust a damaged or altered backup is refused with its reason, its exit
/// status, and nothing changed.
@Suite(.offThePool)
struct BackupCLITests {
    /// The backup manifest at `directory/name`.
    static func manifest(_ directory: URL, _ name: String) throws -> BackupManifest {
        try BackupManifest(reading: directory.appendingPathComponent(name).appendingPathComponent(BackupManifest.manifestFile).path)
    }

    /// The reason of a refused `--json` command.
    static func reason(_ result: CLITests.Result) throws -> String? {
        (try DryRunCLITests.json(result)["error"] as? [String: Any])?["reason"] as? String
    }

    static func supervisor(_ ledger: ([String]) throws -> CLITests.Result) throws {
        #expect(try ledger(["officer", "add", "000001", "--name", "魏江", "--role", "supervisor"]).status == 0)
    }

    @Test func backupsTakenWhileAnotherProcessWritesAreConsistentPrefixesThatRestore() async throws {
        try await CLITests.withStore { directory, ledger in
            try Self.supervisor(ledger)
            let writer = Process()
            writer.executableURL = URL(fileURLWithPath: "/bin/sh")
            let binary = try CLITests.productsDirectory().appendingPathComponent("ledger").path
            writer.arguments = [
                "-c",
                "for i in $(seq 1 30); do \"$0\" location add ROOM-$i --name 保管室 --kind room --actor 000001 >/dev/null || exit 1; done",
                binary,
            ]
            writer.currentDirectoryURL = directory
            writer.environment = ProcessInfo.processInfo.environment.merging([
                "LEDGER_STORE": directory.appendingPathComponent("ledger.db").path, "LEDGER_LANG": "en",
            ]) { $1 }
            try writer.run()
            // Backups until the writer is done (at least two), each while it may be committing.
            var names: [String] = []
            while writer.isRunning || names.count < 2 {
                let name = "backup-\(names.count + 1)"
                let taken = try ledger(["backup", name, "--json"])
                #expect(taken.status == 0, "\(taken.stderr)")
                names.append(name)
            }
            writer.waitUntilExit()
            #expect(writer.terminationStatus == 0)
            // With no writer left, the copy's tip is under its checkpoint.
            names.append("backup-last")
            #expect(try ledger(["backup", "backup-last"]).status == 0)
            #expect(try Self.manifest(directory, "backup-last").checkpoint == 32, "the backup signs its tip first")

            let live = try await LedgerStore.open(StorePaths(database: directory.appendingPathComponent("ledger.db").path))
            let size = try await live.size
            #expect(size == 32)
            let sizes = try names.map { try Self.manifest(directory, $0).entries }
            #expect(sizes.contains { $0 > 2 && $0 < size }, "no backup was taken while the writer wrote: \(sizes)")
            for name in names {
                let manifest = try Self.manifest(directory, name)
                #expect(manifest.entries >= 2 && manifest.entries <= size)
                // A prefix of the live log: the same root at the backup's size.
                #expect(try await live.root(size: manifest.entries).base64EncodedString() == manifest.root, "\(name)")
                // A writer may append between the signature and the copy more often than the backup tries again:
                // then the newest entries lie beyond the copy's checkpoint, and the manifest says how far it reaches.
                #expect(manifest.checkpoint >= 2 && manifest.checkpoint <= manifest.entries)
                let mode = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)[.posixPermissions]
                #expect((mode as? NSNumber)?.intValue == 0o700)
                #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(name + "/ledger.db.key").path))
                #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(name + "/ledger.db-wal").path))

                // Restored as a new store elsewhere: it verifies, and says the key is not there.
                let target = directory.appendingPathComponent("restored-\(name).db").path
                let restored = try ledger(["restore", name, "--to", target])
                #expect(restored.status == 0, "\(restored.stderr)")
                #expect(restored.stdout.contains("log size \(manifest.entries)"))
                #expect(restored.stdout.contains("WARNING: the private key \(target).key is missing"))
                let verified = try ledger(["verify", "--store", target])
                #expect(verified.stdout.contains("\(manifest.entries) entries"), "\(verified.stdout)")
                #expect(try ledger(["rebuild", "--check", "--store", target]).status == 0)
            }
        }
    }

    @Test func aRestoredStoreReplacesTheOldOneKeepsItAndWorks() async throws {
        try await CLITests.withStore { directory, ledger in
            try Self.supervisor(ledger)
            #expect(try ledger(["backup", "b"]).status == 0)
            // The old database is damaged beyond opening: the restore replaces it and keeps it aside.
            let database = directory.appendingPathComponent("ledger.db").path
            try Data(repeating: 0x55, count: 4096).write(to: URL(fileURLWithPath: database))
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
            #expect(try ledger(["verify"]).status == 5)

            let restored = try ledger(["restore", "b", "--to", database, "--json"])
            #expect(restored.status == 0, "\(restored.stderr)")
            let result = try DryRunCLITests.json(restored)
            let replaced = try #require(result["replaced"] as? String)
            #expect(replaced.hasPrefix(database + ".replaced-"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: replaced)) == Data(repeating: 0x55, count: 4096))
            #expect(result["privateKeyMissing"] as? Bool == false)
            #expect(result["entriesOnlyInReplaced"] == nil, "the damaged store could not be read")
            #expect(try ledger(["verify"]).status == 0)
            #expect(try ledger(["rebuild", "--check"]).status == 0)
            // It signs and appends again with its own key.
            #expect(try ledger(["location", "add", "ROOM-1", "--name", "保管室", "--kind", "room", "--actor", "000001"]).status == 0)
            #expect(try ledger(["checkpoint"]).status == 0)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".restore-") }
            #expect(leftovers.isEmpty, "\(leftovers)")
        }
    }

    @Test func aRestoreBehindTheCheckpointFileIsRefusedAndChangesNothing() async throws {
        try await CLITests.withStore { directory, ledger in
            try Self.supervisor(ledger)
            #expect(try ledger(["backup", "old"]).status == 0)
            #expect(try ledger(["location", "add", "ROOM-1", "--name", "保管室", "--kind", "room", "--actor", "000001"]).status == 0)
            #expect(try ledger(["checkpoint"]).status == 0)
            let database = directory.appendingPathComponent("ledger.db").path
            let before = try CLITests.snapshot(directory)
            // Even when the old store is gone: the checkpoint file beside it is what peers were shown.
            let refused = try ledger(["restore", "old", "--to", database, "--discard-newer"])
            #expect(refused.status == 2)
            #expect(
                refused.stderr
                    == "ledger: error: the backup holds 2 entries but the checkpoint file \(database).checkpoint was signed at size 3: "
                    + "restoring it would roll the log back; nothing was restored\n")
            #expect(try CLITests.snapshot(directory) == before)
        }
    }

    @Test func aRestoreThatWouldDropNewerEntriesNeedsDiscardNewer() async throws {
        try await CLITests.withStore { directory, ledger in
            try Self.supervisor(ledger)
            #expect(try ledger(["backup", "b"]).status == 0)
            #expect(try ledger(["location", "add", "ROOM-1", "--name", "保管室", "--kind", "room", "--actor", "000001"]).status == 0)
            let database = directory.appendingPathComponent("ledger.db").path
            let before = try CLITests.snapshot(directory)
            let refused = try ledger(["restore", "b", "--to", database, "--json"])
            #expect(refused.status == 2)
            #expect(try Self.reason(refused) == "restore-loses-entries")
            #expect(try CLITests.snapshot(directory) == before)

            let restored = try ledger(["restore", "b", "--to", database, "--discard-newer"])
            #expect(restored.status == 0, "\(restored.stderr)")
            #expect(restored.stdout.contains("The database it replaced held 1 entry the backup lacks; it is only in \(database).replaced-"))
            #expect(try ledger(["verify"]).status == 0)
            #expect(try ledger(["show", "ROOM-1"]).status == 3)
        }
    }

    @Test func aPeersCheckpointBeyondTheBackupIsRespected() async throws {
        try await CLITests.withStore { directory, ledger in
            try Self.supervisor(ledger)
            #expect(try ledger(["backup", "b"]).status == 0)
            #expect(try ledger(["location", "add", "ROOM-1", "--name", "保管室", "--kind", "room", "--actor", "000001"]).status == 0)
            try ledger(["checkpoint"]).stdout.write(to: directory.appendingPathComponent("held.txt"), atomically: true, encoding: .utf8)
            // The store and its checkpoint file are lost; only what the peer holds is left to say how far the log went.
            for name in ["ledger.db", "ledger.db-wal", "ledger.db-shm", "ledger.db.checkpoint"] {
                try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
            }
            let target = directory.appendingPathComponent("ledger.db").path
            let refused = try ledger(["restore", "b", "--to", target, "--peer-checkpoint", "held.txt"])
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("a peer holds the checkpoint held.txt, signed at size 3"), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: target))

            // A checkpoint of another log is not evidence about this one.
            try await CLITests.withStore { other, otherLedger in
                try otherLedger(["checkpoint"]).stdout.write(
                    to: directory.appendingPathComponent("other.txt"), atomically: true, encoding: .utf8)
                _ = other
            }
            let foreign = try ledger(["restore", "b", "--to", target, "--peer-checkpoint", "other.txt"])
            #expect(foreign.status == 4)
            #expect(foreign.stderr == "ledger: error: other.txt is not a checkpoint signed by this backup's log\n")
            #expect(!FileManager.default.fileExists(atPath: target))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".restore-") }
            #expect(leftovers.isEmpty, "\(leftovers)")
        }
    }

    @Test func anEntrySentToAPeerCanNeverBeDiscarded() async throws {
        try await CLITests.withStore { policeDirectory, police in
            try await CLITests.withStore { directory, procuratorate in
                try TransferCLITests.people(police)
                for badge in ["000002", "000003"] {
                    #expect(
                        try police(["officer", "add", badge, "--name", "民警\(badge)", "--role", "officer", "--actor", "000001"]).status == 0)
                }
                try procuratorate(["key"]).stdout.write(
                    to: policeDirectory.appendingPathComponent("procuratorate.vkey"), atomically: true, encoding: .utf8)
                #expect(try police(["peer", "add", "procuratorate", "--key", "procuratorate.vkey", "--actor", "000001"]).status == 0)
                for arguments in [
                    ["location", "add", "ROOM-1", "--name", "保管室", "--kind", "room", "--actor", "000004"],
                    ["case", "open", "A1", "--title", "盗窃案", "--kind", "criminal", "--actor", "000002"],
                ] {
                    #expect(try police(arguments).status == 0, "\(arguments)")
                }
                let registered = try police([
                    "item", "register", "--case", "A1", "--name", "自行车", "--quantity", "1", "--unit", "辆", "--seized-by", "000002,000003",
                    "--actor", "000002", "--json",
                ])
                let id = try #require(try DryRunCLITests.json(registered)["id"] as? String)
                #expect(try police(["checkin", id, "--to", "ROOM-1", "--actor", "000004"]).status == 0)
                #expect(try police(["backup", "b"]).status == 0)
                let created = try police([
                    "transfer", "create", "--to", "procuratorate", "--case", "A1", "--out", "bundle.txt", "--actor", "000004",
                ])
                #expect(created.status == 0, "\(created.stderr)")
                // The bundle's checkpoint was published with it: the file is not the only witness any more.
                try? FileManager.default.removeItem(at: policeDirectory.appendingPathComponent("ledger.db.checkpoint"))
                let database = policeDirectory.appendingPathComponent("ledger.db").path
                let refused = try police(["restore", "b", "--to", database, "--discard-newer", "--json"])
                #expect(refused.status == 2)
                let error = try #require(try DryRunCLITests.json(refused)["error"] as? [String: Any])
                #expect(error["reason"] as? String == "restore-loses-shared-entry", "\(error)")
                #expect((error["args"] as? [String: String])?["type"] == "transfer.out")
                _ = directory
            }
        }
    }

    @Test func aDamagedOrAlteredBackupIsRefused() async throws {
        try await CLITests.withStore(crypto: "intl") { directory, ledger in
            try Self.supervisor(ledger)
            #expect(try ledger(["backup", "b"]).status == 0)
            let backup = directory.appendingPathComponent("b")
            let manifestURL = backup.appendingPathComponent(BackupManifest.manifestFile)
            let databaseURL = backup.appendingPathComponent(BackupManifest.databaseFile)
            let target = directory.appendingPathComponent("new.db").path
            let original = try Data(contentsOf: manifestURL)
            let originalDatabase = try Data(contentsOf: databaseURL)
            func restore() throws -> CLITests.Result { try ledger(["restore", "b", "--to", target, "--json"]) }
            func reason(_ result: CLITests.Result) throws -> String? { try Self.reason(result) }

            // Not a manifest at all, and a manifest of the wrong format: invalid input.
            try Data("{\"format\": 1}".utf8).write(to: manifestURL)
            var result = try restore()
            #expect(result.status == 4)
            #expect(try reason(result) == "backup-manifest-invalid")
            try Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "propertyledger-backup/1", with: "x/9").utf8)
                .write(to: manifestURL)
            #expect(try restore().status == 4)

            // One byte of the database changed: its digest no longer matches.
            try original.write(to: manifestURL)
            var altered = originalDatabase
            altered[altered.count - 100] ^= 0x01
            try altered.write(to: databaseURL)
            result = try restore()
            #expect(result.status == 1)
            #expect(try reason(result) == "backup-database-mismatch")

            // An entry rewritten and the manifest's digest and length made to match: the audit finds it.
            try originalDatabase.write(to: databaseURL)
            let script = """
                import sqlite3, hashlib, json, sys
                db = sqlite3.connect(sys.argv[1])
                db.execute("DROP TRIGGER log_entries_no_update")
                db.execute("UPDATE log_entries SET bytes = CAST(replace(CAST(bytes AS TEXT), '魏江', '魏汪') AS BLOB) WHERE idx = 1")
                db.commit(); db.close()
                data = open(sys.argv[1], 'rb').read()
                m = json.load(open(sys.argv[2]))
                m['databaseBytes'] = len(data); m['databaseDigest'] = hashlib.sha256(data).hexdigest()
                json.dump(m, open(sys.argv[2], 'w'))
                """
            let python = Process()
            python.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            python.arguments = ["-c", script, databaseURL.path, manifestURL.path]
            try python.run()
            python.waitUntilExit()
            #expect(python.terminationStatus == 0)
            result = try restore()
            #expect(result.status == 1)
            #expect(try reason(result) == "backup-not-intact", "\(result.stdout)")

            // The manifest claims a longer log than the copy holds.
            try originalDatabase.write(to: databaseURL)
            try Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "\"entries\" : 2", with: "\"entries\" : 3").utf8)
                .write(to: manifestURL)
            result = try restore()
            #expect(result.status == 1)
            #expect(try reason(result) == "backup-differs-from-manifest")

            #expect(!FileManager.default.fileExists(atPath: target))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".restore-") }
            #expect(leftovers.isEmpty, "\(leftovers)")
            // And a sound one still restores.
            try original.write(to: manifestURL)
            #expect(try restore().status == 0)
        }
    }

    @Test func aStoreNamedWithOneCharacterWorks() async throws {
        // swift-corelibs-foundation's `deletingLastPathComponent` trapped on such a path: `init` crashed.
        try await CLITests.withStore { directory, ledger in
            let created = try ledger(["init", "--store", "x", "--agency-code", "1", "--agency-name", "所", "--kind", "police"])
            #expect(created.status == 0, "\(created.stderr)")
            #expect(try ledger(["backup", "b", "--store", "x"]).status == 0)
            #expect(try ledger(["restore", "b", "--to", "y"]).status == 0)
            #expect(try ledger(["verify", "--store", "y"]).status == 8, "verified, with a warning: the key of y is not there")
            _ = directory
        }
    }

    @Test func backupAndRestoreRefuseWhatTheyCannotDo() async throws {
        try await CLITests.withStore { directory, ledger in
            #expect(try ledger(["backup", "b"]).status == 0)
            let exists = try ledger(["backup", "b"])
            #expect(exists.status == 6)
            #expect(exists.stderr == "ledger: error: b already exists; refusing to overwrite it\n")
            #expect(try ledger(["backup", "missing-parent/b"]).status == 3)
            #expect(try ledger(["restore", "nowhere", "--to", "x.db"]).status == 3)
            #expect(try ledger(["restore", "b"]).status == 64)
            #expect(try ledger(["backup"]).status == 64)
            // Another log's key beside the target: refused, for it would sign this log's checkpoints.
            try await CLITests.withStore { other, _ in
                try FileManager.default.copyItem(
                    at: other.appendingPathComponent("ledger.db.key"), to: directory.appendingPathComponent("x.db.key"))
            }
            let foreign = try ledger(["restore", "b", "--to", "x.db"])
            #expect(foreign.status == 2)
            #expect(foreign.stderr == "ledger: error: the private key x.db.key does not belong to this log\n")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.db").path))
        }
    }
}
