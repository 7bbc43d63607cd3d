import Foundation
import Locking
import Testing

@testable import PropertyLedger
@testable import ledger

/// The built `ledger` binary, run as a user would, in temporary directories: output, exit statuses, and
/// nothing written when a command fails.
@Suite(.offThePool)
struct CLITests {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var stderrLines: [Substring] { stderr.split(separator: "\n") }
    }

    /// Runs `ledger` with `arguments`; the store is whatever `LEDGER_STORE` says in `environment`.
    static func ledger(_ arguments: [String], environment: [String: String] = [:], in directory: URL) throws -> Result {
        try ledgerLike(try productsDirectory().appendingPathComponent("ledger").path, arguments, environment: environment, in: directory)
    }

    /// Runs `executable` (`ledger` itself, or a wrapper that runs it) in the environment `ledger(_:)` sets up.
    static func ledgerLike(_ executable: String, _ arguments: [String], environment: [String: String] = [:], in directory: URL) throws
        -> Result
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["LEDGER_STORE"] = nil
        env["LEDGER_PRIVATE_KEY"] = nil
        env["HOME"] = directory.path
        env["XDG_DATA_HOME"] = nil
        // The tests check English wording; Chinese, the default, has tests of its own (LanguageCLITests).
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] { env[key] = nil }
        env["LEDGER_LANG"] = "en"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Standard error is read on a thread of its own: read after standard output, a child that fills the
        // error pipe (64 KiB) before closing its output would never finish.
        let err = Locked(Data())
        let errorRead = DispatchSemaphore(value: 0)
        Thread {
            let data = stderr.fileHandleForReading.readDataToEndOfFile()
            err.withLock { $0 = data }
            errorRead.signal()
        }.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        errorRead.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err.withLock { $0 }, as: UTF8.self))
    }

    static func productsDirectory() throws -> URL {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("ledger").path) {
            return candidate
        }
        throw LedgerError(.notFound, Reason("test-ledger-binary-missing", ["near": Bundle.main.bundleURL.path]))
    }

    /// A directory with an initialised store at `ledger.db`, and a function that runs `ledger` against it.
    ///
    /// The store does not require signatures (`init --signatures optional`), so that a test of something else
    /// can act as any officer by badge; the tests of keys ask for `required`, the default of `ledger init`.
    static func withStore(
        crypto: String = "gm", signatures: String = "optional", _ body: (URL, @escaping ([String]) throws -> Result) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = ["LEDGER_STORE": directory.appendingPathComponent("ledger.db").path]
        let run = { (arguments: [String]) in try ledger(arguments, environment: environment, in: directory) }
        let created = try run([
            "init", "--agency-code", "370321", "--agency-name", "临淄区公安分局", "--kind", "police", "--crypto", crypto, "--signatures",
            signatures,
        ])
        #expect(created.status == 0, "\(created.stderr)")
        try await body(directory, run)
    }

    /// The bytes of every file of the store, to show that a failed command wrote nothing.
    static func snapshot(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasPrefix("ledger.db") {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }

    @Test(arguments: ["gm", "intl"])
    func initVerifyProveAndCheckOffline(crypto: String) async throws {
        try await Self.withStore(crypto: crypto) { directory, ledger in
            let verify = try ledger(["verify"])
            #expect(verify.status == 0)
            #expect(verify.stdout.hasPrefix("OK: 1 entry, 1 tree node and 1 checkpoint (latest at size 1) verified"))

            let key = try ledger(["key"])
            try key.stdout.write(to: directory.appendingPathComponent("agency.vkey"), atomically: true, encoding: .utf8)
            let receipt = try ledger(["prove", "0"])
            #expect(receipt.stdout.hasPrefix("c2sp.org/tlog-proof@v1\nindex 0\n"))
            try receipt.stdout.write(to: directory.appendingPathComponent("entry0.tlog-proof"), atomically: true, encoding: .utf8)
            let entry = try ledger(["entry", "0"])
            #expect(entry.stdout.contains("临淄区公安分局"))
            try entry.stdout.write(to: directory.appendingPathComponent("entry0"), atomically: true, encoding: .utf8)

            // Checked by someone with no store at all: no LEDGER_STORE, a different working directory.
            let elsewhere = try Self.ledger(
                ["prove", "--check", "entry0.tlog-proof", "--entry", "entry0", "--key", "agency.vkey"], in: directory)
            #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
            #expect(elsewhere.stdout.hasPrefix("OK: entry 0 is in 370321.propertyledger/\(crypto)/"))

            let checkpoint = try ledger(["checkpoint"])
            try checkpoint.stdout.write(to: directory.appendingPathComponent("cp"), atomically: true, encoding: .utf8)
            let checked = try Self.ledger(["checkpoint", "--check", "cp", "--key", "agency.vkey", "--json"], in: directory)
            #expect(checked.status == 0)
            let json = try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [String: Any]
            #expect(json?["ok"] as? Bool == true)
            #expect(json?["size"] as? Int == 1)
        }
    }

    /// The runner itself: a child that fills its error pipe before it closes its output still finishes (it
    /// used to wait forever, so the run is on a thread of its own and given a minute).
    @Test func aChildWritingMuchToStandardErrorFirstIsReadWhole() throws {
        let finished = DispatchSemaphore(value: 0)
        let outcome = Locked<Result?>(nil)
        Thread {
            let result = try? Self.ledgerLike(
                "/bin/sh", ["-c", "head -c 200000 /dev/zero | tr '\\0' e >&2; echo out"], in: FileManager.default.temporaryDirectory)
            outcome.withLock { $0 = result }
            finished.signal()
        }.start()
        try #require(finished.wait(timeout: .now() + 60) == .success, "the runner did not finish within a minute")
        let result = try #require(outcome.withLock { $0 })
        #expect(result.status == 0 && result.stdout == "out\n" && result.stderr.utf8.count == 200_000)
    }

    @Test func helpDocumentsEveryCommandAndExitStatus() throws {
        let directory = FileManager.default.temporaryDirectory
        let help = try Self.ledger(["--help"], in: directory)
        #expect(help.status == 0)
        for status in ExitStatus.allCases { #expect(help.stdout.contains("  \(status.rawValue) ")) }
        for spec in CommandSpec.all {
            #expect(help.stdout.contains(spec.name))
            let own = try Self.ledger(spec.name.split(separator: " ").map(String.init) + ["--help"], in: directory)
            #expect(own.status == 0)
            #expect(own.stdout.hasPrefix("ledger \(spec.name) — "))
            #expect(own.stdout.contains("--json"))
        }
    }

    @Test func usageErrorsExit64WithOneLine() throws {
        let directory = FileManager.default.temporaryDirectory
        for arguments in [
            ["bogus"], ["verify", "--nope"], ["prove"], ["prove", "-3"], ["init", "--kind", "army"], ["entry", "1", "2"],
            ["checkpoint", "--check", "x"], ["init", "--agency-code"],
        ] {
            let result = try Self.ledger(arguments, in: directory)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderrLines.count == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("ledger: error: "))
        }
    }

    @Test func commandLineParsesIntoCommands() throws {
        #expect(
            try Invocation(parsing: ["prove", "7", "--size=9", "--json"])
                == Invocation(command: ProveCommand(.prove(index: 7, size: 9)), context: CommandContext(json: true)))
        #expect(
            try Invocation(parsing: ["--store", "/x", "init", "--agency-code", "A", "--agency-name", "名", "--kind", "court"])
                == Invocation(
                    command: InitCommand(agencyCode: "A", agencyName: "名", kind: .court, profile: .gm), context: CommandContext(store: "/x")
                ))
        #expect(throws: UsageError.self) { try Invocation(parsing: ["prove", "1", "--size", "1", "--size", "2"]) }
    }

    @Test func badInputIsRefusedAndWritesNothing() async throws {
        try await Self.withStore { directory, ledger in
            try ledger(["key"]).stdout.write(to: directory.appendingPathComponent("v.key"), atomically: true, encoding: .utf8)
            let receipt = try ledger(["prove", "0"]).stdout
            try ledger(["entry", "0"]).stdout.write(to: directory.appendingPathComponent("e0"), atomically: true, encoding: .utf8)
            let before = try Self.snapshot(directory)

            func expectFailure(_ arguments: [String], _ status: Int32, _ fragment: String) throws {
                let result = try ledger(arguments)
                #expect(result.status == status, "\(arguments): \(result.stderr)")
                #expect(result.stderrLines.count == 1, "\(arguments): \(result.stderr)")
                #expect(result.stderr.contains(fragment), "\(arguments): \(result.stderr)")
            }
            let file = { (name: String, text: String) in
                try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            try file("truncated", String(receipt.prefix(receipt.count / 2)))
            try expectFailure(["prove", "--check", "truncated", "--entry", "e0", "--key", "v.key"], 4, "invalid input")
            try file("no-checkpoint", "c2sp.org/tlog-proof@v1\nindex 0\n")
            try expectFailure(["prove", "--check", "no-checkpoint", "--entry", "e0", "--key", "v.key"], 4, "no checkpoint")
            try file("other-entry", "not the entry")
            try file("receipt", receipt)
            try expectFailure(["prove", "--check", "receipt", "--entry", "other-entry", "--key", "v.key"], 1, "verification failed")
            try expectFailure(["prove", "--check", "receipt", "--entry", "e0", "--key", "missing.key"], 3, "no such file")
            try file("bad.key", "not a key\n")
            try expectFailure(["prove", "--check", "receipt", "--entry", "e0", "--key", "bad.key"], 4, "not a verifier key")
            try file("malformed-checkpoint", "origin\nnot-a-number\nAAAA\n\n— origin AAAA\n")
            try expectFailure(["checkpoint", "--check", "malformed-checkpoint", "--key", "v.key"], 4, "invalid input")
            let otherKey = "other.example/log+6cd0e4a1+AX1Jt1u6hIrrjrzM4E0hzRa7FRDzSbYajmdxthGYgszA"
            try file("other.key", otherKey + "\n")
            try file("cp", try ledger(["checkpoint"]).stdout)
            let foreign = try ledger(["checkpoint", "--check", "cp", "--key", "other.key"])
            #expect(foreign.status == 1 || foreign.status == 4, "\(foreign.stderr)")
            try expectFailure(["entry", "99"], 3, "there is no entry 99")
            try expectFailure(["prove", "5"], 3, "not in the checkpoint")
            try expectFailure(["prove", "0", "--size", "7"], 3, "no checkpoint was signed at size 7")
            try expectFailure(["init", "--agency-code", "X", "--agency-name", "Y", "--kind", "court"], 6, "already exists")
            try expectFailure(
                ["init", "--agency-code", "bad code", "--agency-name", "Y", "--kind", "court", "--store", "new.db"], 4, "agency code")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("new.db").path))
            #expect(try Self.snapshot(directory) == before, "a refused command changed the store")
        }
    }

    @Test func missingOrWrongPrivateKeyIsRefusedAndWritesNothing() async throws {
        try await Self.withStore { directory, ledger in
            #expect(try ledger(["officer", "add", "000001", "--name", "魏江", "--role", "supervisor"]).status == 0)
            let key = directory.appendingPathComponent("ledger.db.key")
            let original = try Data(contentsOf: key)
            try FileManager.default.removeItem(at: key)
            let before = try Self.snapshot(directory)
            let missing = try ledger(["checkpoint"])
            #expect(missing.status == 3)
            #expect(missing.stderrLines.count == 1)
            #expect(missing.stderr.contains("private key"))
            #expect(try Self.snapshot(directory) == before)

            try Data("PRIVATE+KEY+not-a-key\n".utf8).write(to: key)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
            let garbled = try ledger(["checkpoint"])
            #expect(garbled.status == 4, "\(garbled.stderr)")
            #expect(garbled.stderrLines.count == 1)

            try original.write(to: key)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key.path)
            let exposed = try ledger(["checkpoint"])
            #expect(exposed.status == 5)
            #expect(exposed.stderr.contains("chmod 600"))

            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
            #expect(try ledger(["checkpoint"]).status == 0)
            #expect(try ledger(["verify"]).status == 0)
        }
    }

    @Test func unusableStoresExit5OrNotFound3() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = try Self.ledger(["verify", "--store", "nothing.db"], in: directory)
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("ledger init"))
        let garbage = directory.appendingPathComponent("garbage.db")
        try Data(repeating: 7, count: 4096).write(to: garbage)
        let corrupt = try Self.ledger(["verify", "--store", garbage.path, "--json"], in: directory)
        #expect(corrupt.status == 5)
        #expect(corrupt.stderrLines.count == 1)
        let json = try JSONSerialization.jsonObject(with: Data(corrupt.stdout.utf8)) as? [String: [String: Any]]
        #expect(json?["error"]?["status"] as? Int == 5)
        #expect(try Data(contentsOf: garbage) == Data(repeating: 7, count: 4096))
    }

    @Test func verifyNamesTheFirstBadIndex() async throws {
        try await Self.withStore(crypto: "intl") { directory, ledger in
            let database = try Database(path: directory.appendingPathComponent("ledger.db").path, create: false)
            try database.execute("DROP TRIGGER log_entries_no_update")
            try database.execute("UPDATE log_entries SET bytes = CAST('{}' AS BLOB) WHERE idx = 0")
            let result = try ledger(["verify"])
            #expect(result.status == 1)
            #expect(result.stderrLines.count == 1)
            #expect(result.stderr.contains("at index 0"))
            #expect(result.stdout.contains("first bad index 0"))
            let json = try ledger(["verify", "--json"])
            let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
            #expect(object?["ok"] as? Bool == false)
            #expect(object?["firstBadIndex"] as? Int == 0)
        }
    }
}
