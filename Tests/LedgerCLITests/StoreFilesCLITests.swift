import Foundation
import Locking
import Synchronization
import Testing

@testable import PropertyLedger

/// The store's files under real use: many processes signing, writing and verifying at once; files that are
/// not ours; a read-only store; files beside the store that are missing or damaged.
@Suite(.offThePool)
struct StoreFilesCLITests {
    typealias Result = CLITests.Result

    /// A store with a supervisor, an officer and an open case, run from several threads at once.
    private static func withCaseStore(_ body: (URL, @escaping @Sendable ([String]) throws -> Result) async throws -> Void) async throws {
        try await CLITests.withStore { directory, _ in
            let environment = ["LEDGER_STORE": directory.appendingPathComponent("ledger.db").path]
            let ledger: @Sendable ([String]) throws -> Result = { try CLITests.ledger($0, environment: environment, in: directory) }
            #expect(try ledger(["officer", "add", "000001", "--name", "魏江", "--role", "supervisor"]).status == 0)
            #expect(try ledger(["officer", "add", "000002", "--name", "王强", "--role", "officer", "--actor", "000001"]).status == 0)
            #expect(try ledger(["case", "open", "A1", "--kind", "criminal", "--title", "盗窃案", "--actor", "000002"]).status == 0)
            try await body(directory, ledger)
        }
    }

    /// Runs `body` on `count` threads of their own (each one blocks on child processes) and waits for all.
    private static func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for worker in 0..<count {
            group.enter()
            Thread {
                body(worker)
                group.leave()
            }
            .start()
        }
        group.wait()
    }

    /// Issue 7, item 1: signing raced with writers and made writes fail ("the store has lost the checkpoint")
    /// and `verify` report entries lost that were not. 8 writers, 2 signing loops and 2 verify loops at once.
    @Test func signingWritingAndVerifyingAtOnceRaisesNoFalseAlarm() async throws {
        try await Self.withCaseStore { directory, ledger in
            let writesPerWriter = 15
            let failures = Locked<[String]>([])
            let writersLeft = Atomic<Int>(8)
            let runs = Atomic<Int>(0)
            Self.onThreads(12) { worker in
                func check(_ arguments: [String], expecting statuses: Set<Int32> = [0]) {
                    do {
                        let result = try ledger(arguments)
                        runs.add(1, ordering: .relaxed)
                        if !statuses.contains(result.status) {
                            failures.withLock { $0.append("\(arguments.joined(separator: " ")): \(result.status) \(result.stderr)") }
                        }
                    } catch {
                        failures.withLock { $0.append("\(arguments): \(error)") }
                    }
                }
                switch worker {
                case 0..<8:
                    for write in 0..<writesPerWriter {
                        check(["case", "progress", "A1", "--note", "走访 \(worker)-\(write)", "--actor", "000002"])
                    }
                    writersLeft.subtract(1, ordering: .releasing)
                case 8, 9:
                    while writersLeft.load(ordering: .acquiring) > 0 { check(worker == 8 ? ["checkpoint"] : ["prove", "0"]) }
                default:
                    while writersLeft.load(ordering: .acquiring) > 0 { check(["verify"]) }
                }
            }
            let problems = failures.withLock { $0 }
            #expect(problems.isEmpty, "\(problems.count) of \(runs.load(ordering: .relaxed)) runs failed; first: \(problems.first ?? "")")
            let verify = try ledger(["verify", "--json"])
            #expect(verify.status == 0, "\(verify.stderr)")
            let report = try JSONSerialization.jsonObject(with: Data(verify.stdout.utf8)) as? [String: Any]
            // Entry 0, three set-up entries and every write.
            #expect(report?["size"] as? Int == 4 + 8 * writesPerWriter)
            #expect(try ledger(["rebuild", "--check"]).status == 0)
        }
    }

    @Test func signingRemovesTemporaryFilesOfKilledProcesses() async throws {
        try await Self.withCaseStore { directory, ledger in
            let stale = directory.appendingPathComponent("ledger.db.checkpoint.tmp-99999")
            try Data("half a checkpoint".utf8).write(to: stale)
            #expect(try ledger(["case", "progress", "A1", "--note", "走访", "--actor", "000002"]).status == 0)
            #expect(try ledger(["checkpoint"]).status == 0)
            #expect(!FileManager.default.fileExists(atPath: stale.path))
        }
    }

    /// A rollback that really happened is still refused: the database restored from a copy taken before
    /// entries and a checkpoint were added.
    @Test func aRestoredDatabaseIsStillRefused() async throws {
        try await Self.withCaseStore { directory, ledger in
            let database = directory.appendingPathComponent("ledger.db")
            let copy = directory.appendingPathComponent("copy.db")
            #expect(try ledger(["checkpoint"]).status == 0)
            try PropertyLedger.Database(path: database.path).execute("VACUUM INTO ?", copy.path)
            #expect(try ledger(["case", "progress", "A1", "--note", "走访", "--actor", "000002"]).status == 0)
            #expect(try ledger(["checkpoint"]).status == 0)
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
            try FileManager.default.moveItem(at: copy, to: database)
            let write = try ledger(["case", "progress", "A1", "--note", "再次走访", "--actor", "000002"])
            #expect(write.status == 5)
            #expect(write.stderr.contains("lost"), "\(write.stderr)")
            #expect(try ledger(["verify"]).status == 1)
        }
    }

    /// Issue 7, item 8: opening a file that is not ours changed it (WAL mode; an empty file became a database).
    @Test func filesThatAreNotOursAreRefusedUnchanged() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = directory.appendingPathComponent("plain.db")
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = [
            "python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table t(x)'); c.commit()", plain.path,
        ]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let empty = directory.appendingPathComponent("empty.db")
        #expect(FileManager.default.createFile(atPath: empty.path, contents: Data()))
        for (file, fragment) in [(plain, "not a PropertyLedger store"), (empty, "empty file")] {
            let before = try Data(contentsOf: file)
            for command in [["verify"], ["list"], ["case", "progress", "A1", "--note", "x", "--actor", "1"]] {
                let result = try CLITests.ledger(command + ["--store", file.path], in: directory)
                #expect(result.status == 5, "\(command) on \(file.lastPathComponent): \(result.stderr)")
                #expect(result.stderrLines.count == 1)
                #expect(result.stderr.contains(fragment), "\(result.stderr)")
            }
            #expect(try Data(contentsOf: file) == before, "\(file.lastPathComponent) was changed")
            for suffix in ["-wal", "-shm", "-journal"] {
                #expect(!FileManager.default.fileExists(atPath: file.path + suffix), "\(file.lastPathComponent)\(suffix) was created")
            }
        }
        // The plain database is still in its own journal mode (byte 18 of the header is 1 for rollback, 2 for WAL).
        #expect(try Data(contentsOf: plain)[18] == 1)
    }

    /// Issue 7, item 8: a store on a read-only disk opens for reading, and a write says plainly why it cannot.
    /// As root (CI) the disk is made read-only with a read-only bind mount in a mount namespace of the
    /// command's own (root ignores file modes); otherwise the files and directory are made read-only.
    /// A store written before DossierVault existed opens read-only too: without the module, which it cannot
    /// be migrated for.
    @Test(arguments: [false, true])
    func aReadOnlyStoreIsReadButNotWritten(fromBeforeDossierVault: Bool) async throws {
        try await Self.withCaseStore { directory, ledger in
            let store = directory.appendingPathComponent("ledger.db").path
            #expect(try ledger(["checkpoint"]).status == 0)
            if fromBeforeDossierVault {
                try Database(path: store).executeScript(
                    "DELETE FROM module_migrations WHERE module = 'dossier-vault'; DROP TABLE vault_notable_entries;")
            }
            let readOnly: ([String]) throws -> Result
            if getuid() == 0 {
                let binary = try CLITests.productsDirectory().appendingPathComponent("ledger").path
                readOnly = { arguments in
                    let script = "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" && shift && exec \"$@\""
                    return try CLITests.ledgerLike(
                        "/usr/bin/unshare", ["--mount", "sh", "-c", script, "sh", directory.path, binary] + arguments,
                        environment: ["LEDGER_STORE": store], in: directory)
                }
                let probe = try readOnly(["list"])
                try #require(probe.status == 0 || !probe.stderr.contains("unshare"), "unshare is unavailable: \(probe.stderr)")
            } else {
                for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
                    try FileManager.default.setAttributes(
                        [.posixPermissions: 0o444], ofItemAtPath: directory.appendingPathComponent(name).path)
                }
                try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
                readOnly = ledger
            }
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path) }
            let before = try CLITests.snapshot(directory)
            let list = try readOnly(["case", "show", "A1"])
            #expect(list.status == 0, "\(list.stderr)")
            #expect(list.stdout.contains("盗窃案"))
            let verify = try readOnly(["verify"])
            #expect(verify.status == 0, "\(verify.stderr)")
            let proof = try readOnly(["prove", "1"])
            #expect(proof.status == 0, "\(proof.stderr)")
            let write = try readOnly(["case", "progress", "A1", "--note", "走访", "--actor", "000002"])
            #expect(write.status == 5)
            #expect(write.stderrLines.count == 1)
            #expect(write.stderr.contains("read-only"), "\(write.stderr)")
            #expect(try CLITests.snapshot(directory) == before)
        }
    }

    /// Issue 7, item 9: `verify` said OK with the checkpoint file deleted or the key file garbled.
    @Test func verifyReportsMissingAndDamagedFilesBesideTheStore() async throws {
        try await Self.withCaseStore { directory, ledger in
            let checkpoint = directory.appendingPathComponent("ledger.db.checkpoint")
            let key = directory.appendingPathComponent("ledger.db.key")
            try FileManager.default.removeItem(at: checkpoint)
            let missing = try ledger(["verify"])
            #expect(missing.status == 8, "\(missing.stderr)")
            #expect(missing.stdout.contains("WARNING: checkpoint file"))
            #expect(missing.stderrLines.count == 1)
            #expect(missing.stderr.contains("is missing"))
            let json = try ledger(["verify", "--json"])
            let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
            #expect(report?["ok"] as? Bool == true)
            #expect((report?["warnings"] as? [Any])?.count == 1)

            // Signing writes the file again; then a garbled key is a finding.
            #expect(try ledger(["case", "progress", "A1", "--note", "走访", "--actor", "000002"]).status == 0)
            #expect(try ledger(["checkpoint"]).status == 0)
            #expect(try ledger(["verify"]).status == 0)
            let original = try Data(contentsOf: key)
            try Data("PRIVATE+KEY+garbage\n".utf8).write(to: key)
            let garbled = try ledger(["verify"])
            #expect(garbled.status == 1, "\(garbled.stderr)")
            #expect(garbled.stderr.contains("private key"), "\(garbled.stderr)")

            try FileManager.default.removeItem(at: key)
            let noKey = try ledger(["verify"])
            #expect(noKey.status == 8)
            #expect(noKey.stdout.contains("WARNING: private key"))
            try original.write(to: key)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
            #expect(try ledger(["verify"]).status == 0)
        }
    }
}
