import Foundation
import Testing

@testable import PropertyLedger

/// The defects the fault-injection suite found (issue 14), each on its own: what a disk that fails or fills up did
/// to a command before it was fixed, and what it does now.
@Suite(.offThePool)
struct FaultRegressionCLITests {
    /// A run directory of the fault rig, removed afterwards.
    static func withScene(
        _ scene: FaultInjectionCLITests.Scene, _ body: (URL, URL) async throws -> Void
    ) async throws {
        let template = try await SceneTemplates.shared.template(scene.name, build: scene.build)
        let (directory, scratch) = try await SceneTemplates.shared.copy(template)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await body(directory, scratch)
    }

    static func json(_ text: String) -> [String: Any]? {
        text.split(separator: "\n").last.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// Before: `SQLite error 1034: disk I/O error — while executing COMMIT`, exit 70 (an internal error, with no reason
    /// and no Chinese words). Now: the store's reason, exit 5, and nothing of the command in the log.
    @Test func aCommitTheDiskFailsIsTheStoresWriteFailure() async throws {
        try #require(FaultRig.tools.usable, "\(FaultRig.tools.problem)")
        try await Self.withScene(FaultInjectionCLITests.custody) { directory, scratch in
            let before = try StoreState.read(directory.appendingPathComponent("ledger.db"))
            let add = WriteCommand(
                name: "location add",
                arguments: ["location", "add", "ROOM-9", "--kind", "room", "--name", "九号室", "--actor", "000004", "--json"])
            // The first sync of the WAL, its header's, is part of the commit.
            let failed = try await FaultRig.inject(
                FaultKind(syscall: "fdatasync", error: "EIO"), at: "ledger.db-wal", call: 1, add, in: directory, scratch: scratch)
            #expect(failed.calls.contains { $0.injected }, "strace injected nothing")
            #expect(failed.status == 5 && !failed.signalled, "\(failed.summary)")
            #expect(failed.stderrLines.count == 1 && failed.stderr.hasPrefix("ledger: error: writing to the store "), "\(failed.stderr)")
            #expect(failed.stderr.contains("the write was rolled back and nothing of it is recorded"), "\(failed.stderr)")
            let error = Self.json(failed.stdout)?["error"] as? [String: Any]
            #expect(error?["reason"] as? String == "store-write-failed", "\(failed.stdout)")
            #expect(error?["status"] as? Int == 5)
            let chinese = try await FaultRig.inject(
                FaultKind(syscall: "fdatasync", error: "EIO"), at: "ledger.db-wal", call: 1,
                WriteCommand(name: "zh", arguments: add.arguments + ["--lang", "zh"]), in: directory, scratch: scratch)
            #expect(chinese.stderr.contains("写入台账库") && chinese.stderr.contains("已回滚"), "\(chinese.stderr)")

            let verify = try await FaultInjectionCLITests.plain(FaultInjectionCLITests.verifyCommand(add), in: directory, scratch: scratch)
            #expect(verify.status == 0, "\(verify.summary)")
            #expect(try StoreState.read(directory.appendingPathComponent("ledger.db")).entries == before.entries)
            let again = try await FaultInjectionCLITests.plain(add, in: directory, scratch: scratch)
            #expect(again.status == 0, "\(again.summary)")
        }
    }

    /// Before: the result written to a full disk killed the process (Foundation's `FileHandle.write` traps: signal 4
    /// and a backtrace on stderr), after the entry had been committed. Now: exit 10, one line, the entry recorded.
    @Test func aResultThatCannotBeWrittenIsExit10AndTheEntryStands() async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            let binary = try CLITests.productsDirectory().appendingPathComponent("ledger").path
            let environment = ["LEDGER_STORE": directory.appendingPathComponent("ledger.db").path]
            func toFullDisk(_ arguments: [String]) throws -> CLITests.Result {
                try CLITests.ledgerLike(
                    "/bin/sh", ["-c", #"exec "$0" "$@" >/dev/full"#, binary] + arguments, environment: environment, in: directory)
            }
            for json in [false, true] {
                let number = json ? "2" : "1"
                let result = try toFullDisk(
                    ["location", "add", "ROOM-\(number)0", "--kind", "room", "--name", "房间", "--actor", "000004"] + (json ? ["--json"] : [])
                )
                #expect(result.status == 10, "\(result.stderr)")
                #expect(result.stderrLines.count == 1, "\(result.stderr)")
                #expect(result.stderr.hasPrefix("ledger: error: could not write the result to standard output (No space left on device)"))
                #expect(try ledger(["location", "list"]).stdout.contains("ROOM-\(number)0"), "the entry was recorded and stays")
            }
            // A command that only reads says the same: `export > file` on a full disk is not a whole export.
            let export = try toFullDisk(["export", "--entries"])
            #expect(export.status == 10 && export.stderrLines.count == 1, "\(export.stderr)")
            #expect(try ledger(["verify"]).status == 0)
        }
    }

    /// Before: when `ledger init` could not write its first checkpoint, the database and the key stayed: `init` again
    /// said "a store already exists", and `verify` warned that the checkpoint file was missing; when the directory
    /// entry of its key could not be synced, the key stayed and `init` again said "already exists". Now nothing stays.
    @Test func initThatCannotSignItsFirstCheckpointLeavesNothing() async throws {
        try #require(FaultRig.tools.usable && FaultRig.tools.namespace != nil, "strace in a PID namespace")
        try await Self.withScene(FaultInjectionCLITests.fresh) { directory, scratch in
            let initialise = WriteCommand(
                name: "init", arguments: ["init", "--agency-code", "370321", "--agency-name", "临淄区公安分局", "--kind", "police"],
                effect: .newStore)
            for (kind, path) in [
                (FaultKind(syscall: "write", error: "ENOSPC"), "ledger.db.checkpoint.tmp-\(try Self.namespacedPID(scratch))"),
                (FaultKind(syscall: "fsync", error: "EIO"), "."),
            ] {
                let failed = try await FaultRig.inject(kind, at: path, call: 1, initialise, in: directory, scratch: scratch)
                #expect(failed.calls.contains { $0.injected }, "\(kind) at \(path): strace injected nothing")
                #expect(failed.status == 5, "\(failed.summary)")
                let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                #expect(left.isEmpty, "\(kind): left \(left)")
            }
            let again = try await FaultInjectionCLITests.plain(initialise, in: directory, scratch: scratch)
            #expect(again.status == 0, "\(again.summary)")
        }
    }

    /// Before: a key file whose directory entry could not be synced stayed behind while `officer enroll` reported the
    /// failure and recorded nothing, so enrolling again was refused ("already exists", exit 6). Now the file goes too.
    @Test func anEnrolmentThatFailsLeavesNoKeyFile() async throws {
        try #require(FaultRig.tools.usable, "\(FaultRig.tools.problem)")
        try await Self.withScene(FaultInjectionCLITests.keyed) { directory, scratch in
            let enroll = try #require(FaultInjectionCLITests.keyedCommands.first { $0.name == "officer enroll" })
            let failed = try await FaultRig.inject(
                FaultKind(syscall: "fsync", error: "EIO"), at: "keys", call: 1, enroll, in: directory, scratch: scratch)
            #expect(failed.calls.contains { $0.injected }, "strace injected nothing")
            #expect(failed.status == 5 && failed.stderrLines.count == 1, "\(failed.summary)")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("keys/000003.key").path))
            let again = try await FaultInjectionCLITests.plain(enroll, in: directory, scratch: scratch)
            #expect(again.status == 0, "\(again.summary)")
        }
    }

    /// Before: an enrolment killed after it wrote the key file and before it recorded the entry left the file, and
    /// `officer enroll` again was refused ("already exists", exit 6) until someone removed the officer's key file by
    /// hand. Now running it again enrols the key in the file (the new passphrase opens it), and the officer signs with it.
    @Test func anEnrolmentKilledBeforeItsEntryIsFinishedByRunningItAgain() async throws {
        try #require(FaultRig.tools.usable, "\(FaultRig.tools.problem)")
        try await Self.withScene(FaultInjectionCLITests.keyed) { directory, scratch in
            let enroll = try #require(FaultInjectionCLITests.keyedCommands.first { $0.name == "officer enroll" })
            let before = try StoreState.read(directory.appendingPathComponent("ledger.db"))
            // SIGKILL as the enrolment starts writing the WAL: the key file is written, no frame of the entry is.
            let killed = try await FaultRig.inject(
                FaultKind(syscall: "pwrite64", error: "SIGKILL"), at: "ledger.db-wal", call: 1, enroll, in: directory, scratch: scratch)
            #expect(killed.signalled || killed.status == 128 + SIGKILL, "\(killed.summary)")
            let key = directory.appendingPathComponent("keys/000003.key").path
            #expect(FileManager.default.fileExists(atPath: key), "the key file was written before the kill")
            _ = try await FaultInjectionCLITests.plain(FaultInjectionCLITests.verifyCommand(enroll), in: directory, scratch: scratch)
            #expect(try StoreState.read(directory.appendingPathComponent("ledger.db")).entries.count == before.entries.count)
            let written = try Data(contentsOf: URL(fileURLWithPath: key))

            let again = try await FaultInjectionCLITests.plain(enroll, in: directory, scratch: scratch)
            #expect(again.status == 0, "\(again.summary)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: key)) == written, "the key in the file is the one enrolled, not a new one")
            let signed = try await FaultInjectionCLITests.plain(
                WriteCommand(
                    name: "signed",
                    arguments: ["case", "progress", "A1", "--note", "走访", "--actor", "000003"] + FaultInjectionCLITests.viaFD3,
                    fd3: FaultInjectionCLITests.pass("000003")), in: directory, scratch: scratch)
            #expect(signed.status == 0, "\(signed.summary)")
            // A file that does not open with the passphrase given is left alone, and the enrolment refused as before.
            let added = try await FaultInjectionCLITests.plain(
                WriteCommand(
                    name: "officer add",
                    arguments: ["officer", "add", "000007", "--name", "新人", "--role", "officer", "--actor", "000001"]
                        + FaultInjectionCLITests.viaFD3, fd3: FaultInjectionCLITests.pass("000001")), in: directory, scratch: scratch)
            #expect(added.status == 0, "\(added.summary)")
            try FileManager.default.copyItem(atPath: key, toPath: directory.appendingPathComponent("keys/000007.key").path)
            let other = WriteCommand(
                name: "officer enroll",
                arguments: ["officer", "enroll", "000007", "--actor", "000001"] + FaultInjectionCLITests.viaFD3
                    + FaultInjectionCLITests.newViaFD4,
                fd3: FaultInjectionCLITests.pass("000001"), fd4: "not the passphrase of that file\n")
            let refused = try await FaultInjectionCLITests.plain(other, in: directory, scratch: scratch)
            #expect(refused.status == 6 && refused.stderr.contains("already exists"), "\(refused.summary)")
        }
    }

    /// Before: the key file was written in place, so an enrolment killed while writing it left a file cut short (empty),
    /// which no passphrase opens: enrolling again was refused, "already exists". Now the file is written under a
    /// temporary name and linked into place whole; a kill while writing leaves only the temporary file.
    @Test func anEnrolmentKilledWhileWritingItsKeyLeavesNoKeyFile() async throws {
        try #require(FaultRig.tools.usable && FaultRig.tools.namespace != nil, "strace in a PID namespace")
        try await Self.withScene(FaultInjectionCLITests.keyed) { directory, scratch in
            let enroll = try #require(FaultInjectionCLITests.keyedCommands.first { $0.name == "officer enroll" })
            let pid = try Self.namespacedPID(scratch)
            let killed = try await FaultRig.inject(
                FaultKind(syscall: "write", error: "SIGKILL"), at: "keys/000003.key.tmp-\(pid)", call: 1, enroll, in: directory,
                scratch: scratch)
            #expect(killed.signalled, "the key is written under its temporary name: \(killed.summary)")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("keys/000003.key").path))
            let again = try await FaultInjectionCLITests.plain(enroll, in: directory, scratch: scratch)
            #expect(again.status == 0, "\(again.summary)")
        }
    }

    /// Before: `officer rekey` killed after it recorded the new key and before it put the new key file in place left the
    /// log with the new key and the file with the old one: the officer could sign with neither passphrase, and could not
    /// rekey again (that needs a signature). Now his new passphrase puts the staged file in place and signs.
    @Test func aRekeyKilledBeforeItsFileIsInPlaceSignsWithTheNewPassphrase() async throws {
        try #require(FaultRig.tools.usable && FaultRig.tools.namespace != nil, "strace in a PID namespace")
        try await Self.withScene(FaultInjectionCLITests.keyed) { directory, scratch in
            let rekey = try #require(FaultInjectionCLITests.keyedCommands.first { $0.name == "officer rekey" })
            let pid = try Self.namespacedPID(scratch)
            // SIGKILL as it renames the staged key over the old one: the entry is committed, the file not yet replaced.
            let killed = try await FaultRig.inject(
                FaultKind(syscall: "rename", error: "SIGKILL"), at: "keys/000002.key.new-\(pid)", call: 1, rekey, in: directory,
                scratch: scratch)
            #expect(killed.signalled, "\(killed.summary)")
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("keys/000002.key.new-\(pid)").path))
            let newPassphrase = rekey.fd4
            let signed = try await FaultInjectionCLITests.plain(
                WriteCommand(
                    name: "signed",
                    arguments: ["case", "progress", "A1", "--note", "新钥匙", "--actor", "000002"] + FaultInjectionCLITests.viaFD3,
                    fd3: newPassphrase), in: directory, scratch: scratch)
            #expect(signed.status == 0, "\(signed.summary)")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("keys/000002.key.new-\(pid)").path))
            let verify = try await FaultInjectionCLITests.plain(
                FaultInjectionCLITests.verifyCommand(rekey), in: directory, scratch: scratch)
            #expect(verify.status == 0, "\(verify.summary)")
        }
    }

    /// Before: a bundle the disk would not take after `transfer create` had recorded the transfer left its objects
    /// waiting for a receipt with no way to make the bundle again ("invalid input", exit 4); a receipt the same, after
    /// `transfer receive` (exit 4, and receiving again is refused as a replay). Now: exit 10 naming the command that
    /// writes the file again, and the file it writes is the real thing.
    @Test func aTransferWhoseFileCannotBeWrittenSaysHowToWriteIt() async throws {
        try #require(FaultRig.tools.usable && FaultRig.tools.namespace != nil, "strace in a PID namespace")
        for (name, file) in [("transfer create", "bundle3.txt"), ("transfer receive", "receipt2.txt")] {
            try await Self.withScene(FaultInjectionCLITests.transfers) { directory, scratch in
                let commands = try FaultInjectionCLITests.transferCommands(directory)
                let pid = try Self.namespacedPID(scratch)
                let command = try #require(commands.first { $0.name == name })
                let failed = try await FaultRig.inject(
                    FaultKind(syscall: "write", error: "ENOSPC"), at: "\(file).tmp-\(pid)", call: 1, command, in: directory,
                    scratch: scratch)
                #expect(failed.calls.contains { $0.injected }, "\(name): strace injected nothing")
                #expect(failed.status == 10, "\(name): \(failed.summary)")
                #expect(failed.stderrLines.count == 1, "\(failed.stderr)")
                let hint = name == "transfer create" ? "`ledger transfer bundle " : "`ledger transfer receipt "
                #expect(failed.stderr.contains(hint) && failed.stderr.contains("No space left on device"), "\(failed.stderr)")
                #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path))
                for step in command.finish?(failed.stderr) ?? [] {
                    let done = try await FaultInjectionCLITests.plain(step, in: directory, scratch: scratch)
                    #expect(done.status == 0, "\(step.name): \(done.summary)")
                }
            }
        }
    }

    /// The process id the ledger gets in a fresh PID namespace under strace (the same in every run: strace's own
    /// children come first): the suffix of its temporary files.
    static func namespacedPID(_ scratch: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FaultRig.tools.namespace?.first ?? "/usr/bin/unshare")
        process.arguments =
            Array((FaultRig.tools.namespace ?? []).dropFirst()) + [FaultRig.strace, "-f", "--quiet=all"] + FaultRig.tools.seccomp
            + ["-o", "/dev/null", "/bin/sh", "-c", "echo $$"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
