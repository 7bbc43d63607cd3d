import Foundation
import Testing

@testable import PropertyLedger

/// Reader commands when no reader can be used: exit 7 (reader unavailable), say why, and write nothing.
///
/// No pcscd is a real condition here: `PCSCLITE_CSOCK_NAME` (which libpcsclite reads to find pcscd's socket,
/// as the rig uses it) names a path in an empty temporary directory, where no daemon listens.
@Suite(.offThePool)
struct ReaderFailureCLITests {
    /// Runs `ledger` with standard input held open (so a stocktake round is not ended by end of input) and
    /// returns once it exits, or fails the test after `seconds`.
    static func ledgerWithOpenInput(
        _ arguments: [String], environment: [String: String], in directory: URL, seconds: Double = 10
    ) async throws -> CLITests.Result {
        let process = Process()
        process.executableURL = try CLITests.productsDirectory().appendingPathComponent("ledger")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["LEDGER_LANG": "en"]) { $1 }.merging(environment) { $1 }
        let input = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = input
        process.standardOutput = stdout
        process.standardError = stderr
        let out = OutputBuffer()
        let err = OutputBuffer()
        stdout.fileHandleForReading.readabilityHandler = { out.append($0.availableData) }
        stderr.fileHandleForReading.readabilityHandler = { err.append($0.availableData) }
        try process.run()
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                process.terminate()
                Issue.record("ledger \(arguments) did not end within \(seconds) s")
                throw CancellationError()
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(100))  // let the last output arrive
        try input.fileHandleForWriting.close()
        return CLITests.Result(status: process.terminationStatus, stdout: out.text, stderr: err.text)
    }

    /// The bicycle scene of the reader tests, with `PCSCLITE_CSOCK_NAME` naming a socket nobody listens on.
    static func withoutPcscd(_ body: (URL, [String: String], String) async throws -> Void) async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            let id = try #require(
                ledger([
                    "item", "register", "--case", CustodyCLITests.caseNumber, "--name", "自行车", "--quantity", "1", "--unit", "辆",
                    "--seized-by", "000002,000003", "--actor", "000002",
                ]).stdout.split(separator: " ").dropFirst().first.map(String.init))
            #expect(try ledger(["chip", "bind", id, "04A1B2C3D4E580", "--actor", "000004"]).status == 0)
            #expect(try ledger(["checkin", id, "--to", "CAB-01", "--actor", "000004"]).status == 0)
            let empty = directory.appendingPathComponent("no-pcscd")
            try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
            let environment = [
                "LEDGER_STORE": directory.appendingPathComponent("ledger.db").path, "LEDGER_ACTOR": "000004",
                "PCSCLITE_CSOCK_NAME": empty.appendingPathComponent("pcscd.comm").path, "LEDGER_ALLOW_VIRTUAL_READERS": "1",
            ]
            try await body(directory, environment, id)
        }
    }

    @Test func auditWithoutPcscdRecordsNothingAndExits7() async throws {
        try await Self.withoutPcscd { directory, environment, _ in
            let before = try CLITests.snapshot(directory)
            for arguments in [["audit", "CAB-01"], ["audit", "CAB-01", "--json"], ["audit", "CAB-01", "--seconds", "1"]] {
                let audit = try await Self.ledgerWithOpenInput(arguments, environment: environment, in: directory)
                #expect(audit.status == 7, "\(arguments): \(audit.stdout) \(audit.stderr)")
                #expect(audit.stderrLines.count == 1, "\(audit.stderr)")
                #expect(audit.stderr.contains("the PC/SC service (pcscd) is unavailable"), "\(audit.stderr)")
                #expect(!audit.stdout.contains("recorded as entry"))
            }
            #expect(try CLITests.snapshot(directory) == before, "a stocktake without a reader was recorded")
            let entries = try CLITests.ledger(["export", "--entries"], environment: environment, in: directory)
            #expect(!entries.stdout.contains("stocktake.recorded"))
        }
    }

    @Test func chipBindScanWithoutPcscdExits7AtOnce() async throws {
        try await Self.withoutPcscd { directory, environment, _ in
            let dossier = try CLITests.ledger(
                [
                    "dossier", "register", "--case", CustodyCLITests.caseNumber, "--volume", "1", "--volumes", "1", "--pages", "40",
                    "--actor", "000002", "--json",
                ], environment: environment, in: directory)
            let id = try #require((try JSONSerialization.jsonObject(with: Data(dossier.stdout.utf8)) as? [String: Any])?["id"] as? String)
            let before = try CLITests.snapshot(directory)
            let started = ContinuousClock.now
            let bind = try CLITests.ledger(["chip", "bind", id, "--scan", "--timeout", "5"], environment: environment, in: directory)
            #expect(bind.status == 7, "\(bind.stderr)")
            #expect(bind.stderrLines.count == 1)
            #expect(bind.stderr.contains("the PC/SC service (pcscd) is unavailable"), "\(bind.stderr)")
            #expect(ContinuousClock.now - started < .seconds(4), "it says so at once rather than waiting out the timeout")
            #expect(try CLITests.snapshot(directory) == before)
        }
    }
}

/// With pcscd running but no reader the policy allows (virtual readers refused), a stocktake round has no
/// reader at all: refused with exit 7 and not recorded. Part of the serialized rig suite.
extension ReaderCLITests {
    @Test func auditWithNoUsableReaderRecordsNothingAndExits7() async throws {
        try await Self.withScene { directory, environment, _, ledger in
            var strict = environment
            strict["LEDGER_ALLOW_VIRTUAL_READERS"] = "0"
            let before = try CLITests.snapshot(directory)
            let audit = try await ReaderFailureCLITests.ledgerWithOpenInput(["audit", "CAB-01"], environment: strict, in: directory)
            #expect(audit.status == 7, "\(audit.stdout) \(audit.stderr)")
            #expect(audit.stderr.contains("no reader is available"), "\(audit.stderr)")
            let bind = try await ReaderFailureCLITests.ledgerWithOpenInput(
                ["chip", "bind", "P-370321-2026-000001", "--scan", "--timeout", "5"], environment: strict, in: directory)
            #expect(bind.status == 7, "\(bind.stderr)")
            #expect(bind.stderr.contains("no reader is available"), "\(bind.stderr)")
            #expect(try CLITests.snapshot(directory) == before, "a stocktake without a reader was recorded")
            #expect(!(try ledger(["export", "--entries"]).stdout.contains("stocktake.recorded")))
        }
    }
}
