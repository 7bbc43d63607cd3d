import Foundation
import Glibc
import Locking
import PCSCTestSupport
import Testing

/// `ledger scan`, `chip bind --scan`, `audit` and `readers` driven by virtual tags on a real pcscd with the
/// vpcd readers. Each test starts a private pcscd (the `ledger` children reach it through their environment)
/// so these tests never share readers with the in-process PC/SC tests.
@Suite(.serialized, .offThePool) struct ReaderCLITests {
    /// Private daemons take ports from here, two at a time (a vpcd entry listens on PORT and PORT + 1): below
    /// Linux's ephemeral range, which other tests' connections draw from (scripts/pcscd-rig.sh).
    static let nextPort = Locked<UInt16>(27_100)

    static func privateRig() throws -> PCSCRig {
        let port = nextPort.withLock { port -> UInt16 in
            defer { port += 2 }
            return port
        }
        return try PCSCRig.startPrivate(port: port)
    }

    /// A `ledger` child that keeps running (scan, audit) while the test places tags; its output is collected.
    final class Running: @unchecked Sendable {
        let process = Process()
        private let stdout = Pipe()
        private let stdin = Pipe()
        private let collected = OutputBuffer()

        init(_ arguments: [String], environment: [String: String], in directory: URL) throws {
            process.executableURL = try CLITests.productsDirectory().appendingPathComponent("ledger")
            process.arguments = arguments
            process.currentDirectoryURL = directory
            process.environment = ProcessInfo.processInfo.environment.merging(["LEDGER_LANG": "en"]) { $1 }.merging(environment) { $1 }
            process.standardOutput = stdout
            process.standardInput = stdin
            process.standardError = FileHandle.nullDevice
            stdout.fileHandleForReading.readabilityHandler = { [collected] handle in
                collected.append(handle.availableData)
            }
            try process.run()
        }

        /// A test that fails before it ends the child (a wait that timed out) must not leave it running: a
        /// `scan` waiting for tags would outlive the test run.
        deinit {
            if process.isRunning { process.terminate() }
        }

        var lines: [String] { collected.text.split(separator: "\n").map(String.init) }

        /// The JSON objects printed so far.
        var events: [[String: Any]] {
            lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }

        /// Waits for an event: a generous bound, since on a loaded 2-core CI machine a starting `scan` has taken over
        /// a minute to print its snapshot; this is liveness, not speed (the benchmark measures that).
        func waitForEvent(_ what: String, seconds: Double = 150, where match: ([String: Any]) -> Bool) async throws -> [String: Any] {
            let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
            while ContinuousClock.now < deadline {
                if let event = events.first(where: match) { return event }
                try await Task.sleep(for: .milliseconds(50))
            }
            Issue.record("timed out waiting for \(what); output: \(lines)")
            throw CancellationError()
        }

        /// Sends a line (Enter) on the child's standard input.
        func pressEnter() { stdin.fileHandleForWriting.write(Data("\n".utf8)) }

        func waitForExit(seconds: Double = 60) async throws -> Int32 {
            let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
            while process.isRunning {
                guard ContinuousClock.now < deadline else {
                    process.terminate()
                    Issue.record("ledger \(process.arguments ?? []) did not end; output: \(lines)")
                    throw CancellationError()
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            try await Task.sleep(for: .milliseconds(100))  // let the last output arrive
            return process.terminationStatus
        }
    }

    /// The bicycle case with its item registered, chipped and (optionally) checked in.
    static func withScene(
        checkedIn: Bool = true,
        _ body: (URL, [String: String], PCSCRig, @escaping ([String]) throws -> CLITests.Result) async throws -> Void
    ) async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            let rig = try privateRig()
            defer { try? rig.stopAndRemove() }
            let id = try ledger([
                "item", "register", "--case", CustodyCLITests.caseNumber, "--name", "自行车", "--quantity", "1", "--unit", "辆",
                "--seized-by", "000002,000003", "--actor", "000002",
            ]).stdout.split(separator: " ")[1]
            #expect(id == "P-370321-2026-000001")
            #expect(try ledger(["chip", "bind", String(id), "04A1B2C3D4E580", "--actor", "000004"]).status == 0)
            if checkedIn { #expect(try ledger(["checkin", String(id), "--to", "CAB-01", "--actor", "000004"]).status == 0) }
            let environment = rig.clientEnvironment.merging([
                "LEDGER_STORE": directory.appendingPathComponent("ledger.db").path, "LEDGER_ACTOR": "000004",
            ]) { $1 }
            try await body(directory, environment, rig, ledger)
        }
    }

    @Test func scanShowsEachTagOncePerArrival() async throws {
        try await Self.withScene { directory, environment, rig, _ in
            let scan = try Running(["scan", "--json", "--count", "2"], environment: environment, in: directory)
            _ = try await scan.waitForEvent("the snapshot") { $0["event"] as? String == "snapshot" }
            let known = VirtualTag(uid: [0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0x80])
            try known.place(onPort: rig.port(slot: 0))
            let shown = try await scan.waitForEvent("the known tag") { $0["uid"] as? String == "04A1B2C3D4E580" }
            let object = shown["object"] as? [String: Any]
            #expect(object?["id"] as? String == "P-370321-2026-000001")
            #expect(object?["location"] as? String == "CAB-01")
            #expect((shown["message"] as? String)?.contains("自行车") == true)
            // Left lying on the reader, it is not shown again.
            try await Task.sleep(for: .milliseconds(1500))
            #expect(scan.events.filter { $0["event"] as? String == "tag-arrived" }.count == 1)

            let unknown = VirtualTag(uid: [0xDE, 0xAD, 0xBE, 0xEF])
            try unknown.place(onPort: rig.port(slot: 1))
            let reported = try await scan.waitForEvent("the unknown tag") { $0["uid"] as? String == "DEADBEEF" }
            #expect((reported["message"] as? String)?.contains("ledger chip bind OBJECT DEADBEEF") == true)
            #expect(try await scan.waitForExit() == 0)
            known.lift()
            unknown.lift()
        }
    }

    @Test func scanChecksInAndARefusedTagDoesNotStopTheLoop() async throws {
        try await Self.withScene(checkedIn: false) { directory, environment, rig, ledger in
            let scan = try Running(
                ["scan", "--json", "--action", "checkin", "--to", "CAB-01", "--count", "2"], environment: environment, in: directory)
            _ = try await scan.waitForEvent("the snapshot") { $0["event"] as? String == "snapshot" }
            let tag = VirtualTag(uid: [0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0x80])
            try tag.place(onPort: rig.port(slot: 0))
            let first = try await scan.waitForEvent("the check-in") { $0["action"] as? String == "checkin" }
            #expect(first["index"] as? Int != nil)
            tag.lift()
            _ = try await scan.waitForEvent("the departure") { $0["event"] as? String == "tag-left" }
            // Presented again: now in storage, so checking in is refused, and the loop carries on.
            try tag.place(onPort: rig.port(slot: 0))
            let second = try await scan.waitForEvent("the refusal") { $0["refused"] != nil }
            #expect((second["refused"] as? String)?.contains("in storage at CAB-01") == true)
            #expect(try await scan.waitForExit() == 0)
            tag.lift()
            #expect(try ledger(["show", "chip:04A1B2C3D4E580"]).stdout.contains("in storage at CAB-01"))
        }
    }

    @Test func chipBindScanTakesTheNextTag() async throws {
        try await Self.withScene { directory, environment, rig, ledger in
            let dossier = try ledger([
                "dossier", "register", "--case", CustodyCLITests.caseNumber, "--volume", "1", "--volumes", "1", "--pages", "40",
                "--actor", "000002", "--json",
            ])
            let id = try #require((try JSONSerialization.jsonObject(with: Data(dossier.stdout.utf8)) as? [String: Any])?["id"] as? String)
            let bind = try Running(["chip", "bind", id, "--scan", "--timeout", "20"], environment: environment, in: directory)
            try await Task.sleep(for: .milliseconds(500))
            let tag = VirtualTag(
                uid: [0xE0, 0x04, 0x01, 0x50, 0x11, 0x22, 0x33, 0x44], atr: VirtualTag.contactlessATR(standard: 0x0B, cardName: 0x0014))
            try tag.place(onPort: rig.port(slot: 0))
            #expect(try await bind.waitForExit(seconds: 20) == 0, "\(bind.lines)")
            tag.lift()
            #expect(try ledger(["where", "E004015011223344", "--json"]).stdout.contains(id))
        }
    }

    @Test func auditReportsFoundMissingMisplacedAndUnknown() async throws {
        try await Self.withScene { directory, environment, rig, ledger in
            // A second item, recorded in CAB-01 too, that will not be presented: missing.
            let second = try ledger([
                "item", "register", "--case", CustodyCLITests.caseNumber, "--name", "手机", "--quantity", "1", "--unit", "部",
                "--seized-by", "000002,000003", "--actor", "000002",
            ]).stdout.split(separator: " ")[1]
            #expect(try ledger(["chip", "bind", String(second), "04000002", "--actor", "000004"]).status == 0)
            #expect(try ledger(["checkin", String(second), "--to", "CAB-01", "--actor", "000004"]).status == 0)
            let audit = try Running(["audit", "CAB-01", "--json"], environment: environment, in: directory)
            try await Task.sleep(for: .milliseconds(800))
            let found = VirtualTag(uid: [0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0x80])
            let stranger = VirtualTag(uid: [0x04, 0x0B, 0xAD, 0x00])
            try found.place(onPort: rig.port(slot: 0))
            try stranger.place(onPort: rig.port(slot: 1))
            try await Task.sleep(for: .milliseconds(2000))
            audit.pressEnter()
            #expect(try await audit.waitForExit() == 0, "\(audit.lines)")
            found.lift()
            stranger.lift()
            let report = try #require(audit.events.last?["report"] as? [String: Any])
            #expect(report["found"] as? [String] == ["P-370321-2026-000001"])
            #expect(report["missing"] as? [String] == [String(second)])
            #expect(report["unknown"] as? [String] == ["040BAD00"])
            #expect((report["counts"] as? [String: Int])?["misplaced"] == 0)
            let history = try ledger(["export", "--entries"]).stdout
            #expect(history.contains("stocktake.recorded"))
        }
    }

    @Test func scanSurvivesPcscdGoingAwayAndComingBack() async throws {
        try await Self.withScene { directory, environment, rig, _ in
            let scan = try Running(["scan", "--json", "--count", "1"], environment: environment, in: directory)
            _ = try await scan.waitForEvent("the snapshot") { $0["event"] as? String == "snapshot" }
            try rig.stop()
            _ = try await scan.waitForEvent("service lost") { $0["event"] as? String == "service-lost" }
            try rig.start()
            _ = try await scan.waitForEvent("service restored", seconds: 15) { $0["event"] as? String == "service-restored" }
            let tag = VirtualTag(uid: [0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0x80])
            try tag.place(onPort: rig.port(slot: 0))
            _ = try await scan.waitForEvent("the tag after the restart") { $0["uid"] as? String == "04A1B2C3D4E580" }
            #expect(try await scan.waitForExit() == 0)
            tag.lift()
        }
    }

    @Test func virtualReadersAreRefusedWithoutTheSwitch() async throws {
        try await Self.withScene { directory, environment, _, ledger in
            var strict = environment
            strict["LEDGER_ALLOW_VIRTUAL_READERS"] = "0"
            let refused = try CLITests.ledger(["readers"], environment: strict, in: directory)
            #expect(refused.status == 0)
            #expect(refused.stdout.contains("refused: Virtual PCD 00 00"))
            let allowed = try CLITests.ledger(["readers", "--json"], environment: environment, in: directory)
            #expect(allowed.stdout.contains("Virtual PCD 00 00"))
            _ = ledger
        }
    }
}

/// Output collected from a child process on another thread.
final class OutputBuffer: @unchecked Sendable {
    // Guarded by `lock`: appended on the pipe's reader thread, read by the test.
    private let lock = NSLock()
    private var data = Data()

    func append(_ more: Data) { lock.withLock { data.append(more) } }

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}

/// Ctrl-C ends the scanning loop cleanly, even when the parent started `ledger` with signals blocked (as
/// Foundation's `Process` does): the tool unblocks the signals it handles.
@Suite(.offThePool)
struct InterruptTests {
    @Test func interruptEndsScanCleanly() async throws {
        try await CLITests.withStore { directory, _ in
            let scan = try ReaderCLITests.Running(
                ["scan", "--reader", "stdin", "--json"],
                environment: ["LEDGER_STORE": directory.appendingPathComponent("ledger.db").path], in: directory)
            _ = try await scan.waitForEvent("the snapshot") { $0["event"] as? String == "snapshot" }
            kill(scan.process.processIdentifier, SIGINT)
            #expect(try await scan.waitForExit(seconds: 3) == 0)
        }
    }

    /// A runner let go while its child still runs (a test that failed half-way) ends the child.
    @Test func aChildLeftRunningEndsWithItsRunner() async throws {
        try await CLITests.withStore { directory, _ in
            var scan: ReaderCLITests.Running? = try ReaderCLITests.Running(
                ["scan", "--reader", "stdin", "--json"],
                environment: ["LEDGER_STORE": directory.appendingPathComponent("ledger.db").path], in: directory)
            let pid = try #require(scan?.process.processIdentifier)
            _ = try await scan?.waitForEvent("the snapshot") { $0["event"] as? String == "snapshot" }
            scan = nil
            let deadline = ContinuousClock.now + .seconds(20)
            while Self.isAlive(pid), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
            #expect(!Self.isAlive(pid))
        }
    }

    /// Running and not a zombie (Foundation reaps its children on a thread of its own, a moment later).
    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        // The state follows the command name in parentheses: "1234 (ledger) S ...".
        guard let close = stat.lastIndex(of: ")") else { return false }
        return !stat[close...].dropFirst(2).hasPrefix("Z")
    }
}
