import Foundation
import Locking
import PCSCTestSupport
import Testing

/// `ledger cabinet run`: a cabinet made of two virtual PC/SC readers (a private pcscd with vpcd), one per slot,
/// run as a real process whose standard input the test types — the door events a desktop cabinet has no sensor
/// for — while it lifts virtual tags off the readers. What the ledger made of it is read back through the CLI.
///
/// One rig at a time (serialized): each test starts a private pcscd of its own.
@Suite(.serialized, CabinetRunSceneStore(), .offThePool) struct CabinetRunCLITests {
    /// Private daemons take ports from here, two at a time (clear of ReaderCLITests' range).
    static let nextPort = Locked<UInt16>(27_300)

    static let slots = ["--slot", "A1=" + PCSCRig.readerName(slot: 0), "--slot", "A2=" + PCSCRig.readerName(slot: 1)]
    static let bikeChip: [UInt8] = [0x04, 0xB1, 0x00, 0x00, 0x01]
    static let phoneChip: [UInt8] = [0x04, 0xB1, 0x00, 0x00, 0x02]

    /// A copy of the suite's store (``CabinetRunSceneStore``) and a private pcscd whose two virtual readers are the
    /// slots: the bike's tag lies on reader 0 (A1), the phone's on reader 1 (A2).
    struct Scene {
        let directory: URL
        let rig: PCSCRig
        let bike, phone: String
        let bikeTag: VirtualTag
        let phoneTag: VirtualTag

        var environment: [String: String] {
            rig.clientEnvironment.merging([
                "LEDGER_STORE": directory.appendingPathComponent("ledger.db").path,
                "LEDGER_KEY_DIR": directory.appendingPathComponent("keys").path,
            ]) { $1 }
        }

        func ledger(_ arguments: [String]) throws -> CLITests.Result {
            try CLITests.ledger(arguments, environment: environment, in: directory)
        }

        func json(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
            let result = try ledger(arguments + ["--json"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
            return try DryRunCLITests.json(result)
        }

        /// `ledger cabinet run CAB-01` with both slots, emitting JSON lines; with `passphraseFile`, the cabinet
        /// key's passphrase read from it on descriptor 3 (`--passphrase-fd 3`).
        func run(_ extra: [String] = [], roundInterval: String = "0.1", passphraseFile: URL? = nil) throws -> Running {
            try Running(
                ["cabinet", "run", "CAB-01", "--json", "--round-interval", roundInterval] + CabinetRunCLITests.slots + extra, scene: self,
                passphraseFile: passphraseFile)
        }
    }

    static func withScene(_ body: (Scene) async throws -> Void) async throws {
        let template = try #require(CabinetRunSceneStore.template, "the suite's store was not built")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-cabinet-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in try FileManager.default.contentsOfDirectory(atPath: template.directory.path) where name.hasPrefix("ledger.db") {
            try FileManager.default.copyItem(
                at: template.directory.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        let port = nextPort.withLock { port -> UInt16 in
            defer { port += 2 }
            return port
        }
        let rig = try PCSCRig.startPrivate(port: port)
        defer { try? rig.stopAndRemove() }
        let scene = Scene(
            directory: directory, rig: rig, bike: template.bike, phone: template.phone, bikeTag: VirtualTag(uid: bikeChip),
            phoneTag: VirtualTag(uid: phoneChip))
        try scene.bikeTag.place(onPort: rig.port(slot: 0))
        try scene.phoneTag.place(onPort: rig.port(slot: 1))
        defer {
            scene.bikeTag.lift()
            scene.phoneTag.lift()
        }
        try await body(scene)
    }

    /// `ledger cabinet run` as a child process: the test types its standard input and reads its JSON lines.
    final class Running: @unchecked Sendable {
        let process = Process()
        private let input = Pipe()
        private let output = Pipe()
        private let errors = Pipe()
        private let collected = OutputBuffer()
        private let diagnostics = OutputBuffer()

        init(_ arguments: [String], scene: Scene, passphraseFile: URL? = nil) throws {
            let ledger = try CLITests.productsDirectory().appendingPathComponent("ledger")
            if passphraseFile != nil {
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments =
                    ["-c", #"exec "$0" "$@" --passphrase-fd 3 3<"$LEDGER_TEST_PASSPHRASE""#, ledger.path] + arguments
            } else {
                process.executableURL = ledger
                process.arguments = arguments
            }
            process.currentDirectoryURL = scene.directory
            var environment = ProcessInfo.processInfo.environment
            for key in ["LC_ALL", "LC_MESSAGES", "LANG", "LEDGER_PRIVATE_KEY"] { environment[key] = nil }
            environment["LEDGER_LANG"] = "en"
            environment["LEDGER_TEST_PASSPHRASE"] = passphraseFile?.path
            process.environment = environment.merging(scene.environment) { $1 }
            process.standardInput = input
            process.standardOutput = output
            process.standardError = errors
            output.fileHandleForReading.readabilityHandler = { [collected] in collected.append($0.availableData) }
            errors.fileHandleForReading.readabilityHandler = { [diagnostics] in diagnostics.append($0.availableData) }
            try process.run()
        }

        var lines: [String] { collected.text.split(separator: "\n").map(String.init) }
        var events: [[String: Any]] { lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] } }
        var stderr: String { diagnostics.text }

        /// Types `line` and Enter.
        func type(_ line: String) { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }
        func endInput() { try? input.fileHandleForWriting.close() }

        /// The first event named `name` that `match` accepts, waiting for it.
        @discardableResult
        func waitFor(_ name: String, seconds: Double = 20, where match: ([String: Any]) -> Bool = { _ in true }) async throws -> [String:
            Any]
        {
            let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
            while ContinuousClock.now < deadline {
                if let event = events.first(where: { $0["event"] as? String == name && match($0) }) { return event }
                guard process.isRunning else { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            Issue.record("no \(name) event; output: \(lines); stderr: \(stderr)")
            throw CancellationError()
        }

        /// Waits until the reader of `slot` is known to hold `uid` (at start, or placed since).
        func waitForTag(_ uid: String, in slot: String) async throws {
            // A liveness bound: the full parallel run on 2 cores has taken more than 10 s to show a placed tag.
            let deadline = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < deadline {
                let seen = events.contains {
                    ["tag-present", "tag-placed"].contains($0["event"] as? String) && $0["uid"] as? String == uid
                }
                if seen { return }
                try await Task.sleep(for: .milliseconds(20))
            }
            Issue.record("tag \(uid) never showed in \(slot); output: \(lines)")
            throw CancellationError()
        }

        func waitForExit(seconds: Double = 20) async throws -> Int32 {
            let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
            while process.isRunning {
                guard ContinuousClock.now < deadline else {
                    process.terminate()
                    Issue.record("ledger \(process.arguments ?? []) did not end; output: \(lines)")
                    throw CancellationError()
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            try await Task.sleep(for: .milliseconds(100))  // the last output
            return process.terminationStatus
        }
    }

    /// Authorizes 李明, opens the door, lifts `tag` off its reader, closes the door: the reconciled event.
    private func session(
        lifting tag: VirtualTag, uid: String, in scene: Scene, credential: String = "000002", passphraseFile: URL? = nil
    ) async throws -> [String: Any] {
        let run = try scene.run(passphraseFile: passphraseFile)
        try await run.waitForTag("04B1000001", in: "A1")
        try await run.waitForTag("04B1000002", in: "A2")
        run.type("authorize " + credential)
        let allowed = try await run.waitFor("allowed")
        let reply = try #require(allowed["reply"] as? [String: Any])
        #expect((reply["expect"] as? [String: Any])?["take"] as? [String] == [scene.bike])
        run.type("open")
        try await run.waitFor("door")
        tag.lift()
        try await run.waitFor("tag-lifted") { $0["slot"] as? String == (uid == "04B1000001" ? "A1" : "A2") }
        run.type("close")
        let reconciled = try await run.waitFor("reconciled")
        // More than one round: a single round never changes custody.
        #expect(run.events.filter { $0["event"] as? String == "round" }.count >= 1)
        run.endInput()
        #expect(try await run.waitForExit() == 0, "\(run.stderr)")
        return try #require((reconciled["reply"] as? [String: Any])?["reconciled"] as? [String: Any])
    }

    @Test func liftingTheApprovedTagChecksTheItemOut() async throws {
        try await Self.withScene { scene in
            let reconciled = try await session(lifting: scene.bikeTag, uid: "04B1000001", in: scene)
            #expect(reconciled["taken"] as? [String] == [scene.bike])
            #expect((reconciled["findings"] as? [Any])?.isEmpty == true)

            let bike = try scene.json(["show", scene.bike])
            #expect(bike["status"] as? String == "checked-out")
            #expect(bike["holder"] as? String == "000002")
            #expect(try scene.json(["show", scene.phone])["status"] as? String == "in-storage")
            let last = try #require((try scene.json(["history", scene.bike])["entries"] as? [[String: Any]])?.last)
            #expect(last["actor"] as? String == "000002")
            #expect(try scene.ledger(["verify"]).status == 0)
        }
    }

    /// A keyed cabinet: `cabinet run` unlocks its key at start, and the check-out the cabinet records is signed by it.
    @Test func aKeyedCabinetSignsTheCheckoutItRecords() async throws {
        try await Self.withScene { scene in
            let signing = SignedEntryCLITests.Signing(directory: scene.directory, store: scene.environment["LEDGER_STORE"]!)
            let supervisor = SignedEntryCLITests.passphrases["000001"]
            #expect(try signing(["officer", "enroll", "000001", "--actor", "000001"], newPassphrase: supervisor).status == 0)
            let enrolled = try signing(
                ["cabinet", "enroll", "CAB-01", "--actor", "000001"], passphrase: supervisor, newPassphrase: "cabinet passphrase")
            #expect(enrolled.status == 0, "\(enrolled.stderr)")
            let passphrase = scene.directory.appendingPathComponent("cabinet-pass")
            try "cabinet passphrase\n".write(to: passphrase, atomically: true, encoding: .utf8)

            let reconciled = try await session(lifting: scene.bikeTag, uid: "04B1000001", in: scene, passphraseFile: passphrase)
            #expect(reconciled["taken"] as? [String] == [scene.bike])
            let last = try #require((try scene.json(["history", scene.bike])["entries"] as? [[String: Any]])?.last)
            #expect((last["signature"] as? [String: Any])?["holder"] as? String == "cabinet:CAB-01", "\(last)")
            #expect(try scene.ledger(["verify"]).status == 0)
        }
    }

    @Test func liftingAnUnapprovedTagIsAFindingNotCustody() async throws {
        try await Self.withScene { scene in
            let reconciled = try await session(lifting: scene.phoneTag, uid: "04B1000002", in: scene, credential: "card 0B0B0B02")
            #expect((reconciled["taken"] as? [Any])?.isEmpty == true)
            let findings = try #require(reconciled["findings"] as? [[String: Any]])
            #expect(findings.map { $0["kind"] as? String } == ["unauthorised-removal"])

            let listed = try #require(try scene.json(["findings", "--open"])["findings"] as? [[String: Any]])
            #expect(listed.count == 1)
            #expect(listed.first?["kind"] as? String == "unauthorised-removal")
            #expect(listed.first?["object"] as? String == scene.phone)
            #expect(listed.first?["officer"] as? String == "000002")
            // A finding is never custody: the phone stays where the ledger had it, the bike was not taken.
            #expect(try scene.json(["show", scene.phone])["status"] as? String == "in-storage")
            #expect(try scene.json(["show", scene.bike])["status"] as? String == "in-storage")
        }
    }

    @Test func aRestartGoesOnWithTheRunningSession() async throws {
        try await Self.withScene { scene in
            let first = try scene.run()
            try await first.waitForTag("04B1000001", in: "A1")
            first.type("authorize 000002")
            try await first.waitFor("allowed")
            first.type("open")
            try await first.waitFor("door")
            scene.bikeTag.lift()
            first.type("quit")  // the adapter goes away with the door open
            #expect(try await first.waitForExit() == 0, "\(first.stderr)")

            let second = try scene.run()
            let resumed = try await second.waitFor("session-resumed")
            #expect((resumed["message"] as? String)?.contains("door open") == true, "\(resumed)")
            second.type("close")
            let reconciled = try await second.waitFor("reconciled")
            let result = try #require((reconciled["reply"] as? [String: Any])?["reconciled"] as? [String: Any])
            #expect(result["taken"] as? [String] == [scene.bike])
            second.endInput()
            #expect(try await second.waitForExit() == 0)
            #expect(try scene.json(["show", scene.bike])["status"] as? String == "checked-out")
        }
    }

    @Test func roundsWithAnUnreadableTagDoNotCount() async throws {
        try await Self.withScene { scene in
            // The phone's tag lies on A2 but will not give its UID: every round is incomplete.
            scene.phoneTag.uidAnswer = .statusOnly(0x6A, 0x81)
            // A round a second: while the tag is lifted and placed again below, at most a round or two see the
            // slot without it — far from enough to believe it gone (with one other tag, about twelve are needed).
            let run = try scene.run(roundInterval: "1")
            try await run.waitFor("tag-unreadable") { $0["slot"] as? String == "A2" }
            run.type("authorize 000002")
            try await run.waitFor("allowed")
            run.type("open")
            try await run.waitFor("door")
            run.type("close")
            for number in 1...3 {
                let round = try await run.waitFor("round") { $0["round"] as? Int == number }
                #expect((round["reply"] as? [String: Any])?["reason"] as? String == "cabinet-round-incomplete", "\(round)")
                #expect((round["message"] as? String)?.contains("incomplete (slot A2: a tag cannot be read)") == true, "\(round)")
            }
            #expect(!run.events.contains { $0["event"] as? String == "reconciled" })
            // Presented again and read: the rounds count, and nothing changed.
            scene.phoneTag.lift()
            scene.phoneTag.uidAnswer = .standard
            try await run.waitFor("tag-lifted") { $0["slot"] as? String == "A2" }
            try scene.phoneTag.place(onPort: scene.rig.port(slot: 1))
            try await run.waitFor("tag-placed") { $0["uid"] as? String == "04B1000002" }
            let reconciled = try await run.waitFor("reconciled")
            let result = try #require((reconciled["reply"] as? [String: Any])?["reconciled"] as? [String: Any])
            #expect((result["taken"] as? [Any])?.isEmpty == true && (result["findings"] as? [Any])?.isEmpty == true, "\(result)")
            run.endInput()
            #expect(try await run.waitForExit() == 0)
            #expect(try scene.json(["show", scene.bike])["status"] as? String == "in-storage")
        }
    }

    @Test func aPatrolFindsWhatWentMissingWithoutASession() async throws {
        try await Self.withScene { scene in
            // A slot it cannot read stops a patrol: nobody is accused of what it could not see.
            scene.phoneTag.uidAnswer = .statusOnly(0x6A, 0x81)
            let unread = try scene.ledger(["cabinet", "run", "CAB-01", "--patrol", "--round-interval", "0.1"] + Self.slots)
            #expect(unread.status == 7, "\(unread.stderr)")
            #expect(unread.stderr.contains("slot A2 cannot be read"), "\(unread.stderr)")
            #expect((try scene.json(["findings"])["findings"] as? [Any])?.isEmpty == true)

            scene.phoneTag.uidAnswer = .standard
            scene.phoneTag.lift()
            try await Task.sleep(for: .milliseconds(800))  // pcscd notices within a poll (0.4 s)
            let patrol = try scene.ledger(["cabinet", "run", "CAB-01", "--patrol", "--round-interval", "0.1"] + Self.slots)
            #expect(patrol.status == 0, "\(patrol.stderr)")
            let last = try #require(patrol.stdout.split(separator: "\n").last)
            #expect(
                last.hasPrefix("patrol reconciled: findings F") && last.contains("missing after session " + scene.phone), "\(patrol.stdout)"
            )
            let listed = try #require(try scene.json(["findings", "--open"])["findings"] as? [[String: Any]])
            #expect(listed.map { $0["kind"] as? String } == ["missing-after-session"])
        }
    }

    @Test func aCardOnTheCardReaderAsksToOpenTheCabinet() async throws {
        try await Self.withScene { scene in
            // Reader 1 is the card reader now: the phone comes off it.
            scene.phoneTag.lift()
            // A cabinet with one slot: CAB-02, slot B1 on reader 0, cards on reader 1.
            for arguments in [
                ["location", "add", "CAB-02", "--kind", "cabinet", "--parent", "ROOM-1", "--name", "智能柜02"],
                ["location", "add", "B1", "--kind", "slot", "--parent", "CAB-02", "--name", "B1 格"],
            ] {
                #expect(try scene.ledger(arguments + ["--actor", "000004"]).status == 0)
            }
            let run = try Running(
                [
                    "cabinet", "run", "CAB-02", "--json", "--slot", "B1=" + PCSCRig.readerName(slot: 0), "--card-reader",
                    PCSCRig.readerName(slot: 1),
                ], scene: scene)
            try await run.waitFor("ready") { ($0["message"] as? String)?.hasPrefix("type:") == true }
            let card = VirtualTag(uid: [0x0B, 0x0B, 0x0B, 0x02])
            try card.place(onPort: scene.rig.port(slot: 1))
            defer { card.lift() }
            try await run.waitFor("card-presented") { $0["uid"] as? String == "0B0B0B02" }
            // The card named 李明, who has nothing to take or return at CAB-02.
            let denied = try await run.waitFor("denied")
            #expect((denied["reply"] as? [String: Any])?["reason"] as? String == "cabinet-nothing-to-do")
            #expect((denied["message"] as? String)?.contains("000002") == true, "\(denied)")
            run.type("quit")
            #expect(try await run.waitForExit() == 0)
        }
    }

    @Test func unknownCabinetsSlotsAndReadersAreClearErrors() async throws {
        try await Self.withScene { scene in
            let cases: [(arguments: [String], status: Int32, message: String)] = [
                (["cabinet", "run", "CAB-09"] + Self.slots, 3, "there is no cabinet CAB-09"),
                (["cabinet", "run", "ROOM-1"] + Self.slots, 3, "there is no cabinet ROOM-1"),
                (
                    ["cabinet", "run", "CAB-01", "--slot", "A1=Virtual PCD 00 00", "--slot", "ROOM-1=Virtual PCD 00 01"], 3,
                    "ROOM-1 is not a slot of cabinet CAB-01"
                ),
                (["cabinet", "run", "CAB-01", "--slot", "A1=Virtual PCD 00 00"], 64, "slot A2 has no reader"),
                (
                    ["cabinet", "run", "CAB-01", "--slot", "A1=Virtual PCD 00 00", "--slot", "A2=Nowhere 00 00"], 7,
                    "there is no reader \"Nowhere 00 00\""
                ),
                (
                    ["cabinet", "run", "CAB-01", "--slot", "A1=Virtual PCD 00 00", "--slot", "A2=Virtual PCD 00 00"], 64,
                    "the reader \"Virtual PCD 00 00\" is given twice"
                ),
                (["cabinet", "run", "CAB-01", "--card-reader", "Virtual PCD 00 01"] + Self.slots, 64, "is given twice"),
                (["cabinet", "run", "CAB-01", "--slot", "A1"], 64, "--slot takes CODE=\"READER NAME\", not \"A1\""),
                (["cabinet", "run", "CAB-01"], 64, "missing --slot"),
                (
                    ["cabinet", "run", "CAB-01", "--patrol", "--badge", "000002"] + Self.slots, 64,
                    "--badge cannot be combined with --patrol"
                ),
                (["cabinet", "run", "CAB-01", "--round-interval", "0"] + Self.slots, 64, "--round-interval takes seconds"),
            ]
            for (arguments, status, message) in cases {
                let result = try scene.ledger(arguments)
                #expect(result.status == status, "\(arguments): \(result.stderr)")
                #expect(result.stderrLines.count == 1 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
                #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
            }
            // Virtual readers are refused unless allowed: then the reader named is not there.
            var refusing = scene.environment
            refusing["LEDGER_ALLOW_VIRTUAL_READERS"] = "0"
            let refused = try CLITests.ledger(["cabinet", "run", "CAB-01"] + Self.slots, environment: refusing, in: scene.directory)
            #expect(refused.status == 7, "\(refused.stderr)")
            // In Chinese, the same one line.
            let chinese = try scene.ledger(["cabinet", "run", "CAB-09", "--lang", "zh"] + Self.slots)
            #expect(chinese.status == 3 && chinese.stderr.contains("没有智能柜 CAB-09"), "\(chinese.stderr)")
        }
    }
}

/// The store of ``CabinetRunCLITests``' scene, built once for the suite through the CLI and removed after it;
/// each test works on a copy (a score of `ledger` runs would otherwise take most of each test's time).
///
/// Cabinet CAB-01 (of ``CustodyCLITests/withCase(_:)``) with slots A1, holding the bike (chip 04B1000001), and A2,
/// holding the phone (04B1000002); 李明 (000002) has card 0B0B0B02 and an approval to take the bike at the cabinet.
struct CabinetRunSceneStore: SuiteTrait, TestScoping {
    struct Template: Sendable {
        let directory: URL
        let bike, phone: String
    }

    @TaskLocal static var template: Template?

    @concurrent func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @concurrent @Sendable () async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-cabinet-scene-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var items: (bike: String, phone: String)?
        try await CustodyCLITests.withCase { built, ledger in
            func run(_ arguments: [String]) throws -> CLITests.Result {
                let result = try ledger(arguments)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                return result
            }
            func registered(_ name: String) throws -> String {
                let arguments = [
                    "item", "register", "--case", CustodyCLITests.caseNumber, "--name", name, "--quantity", "1", "--unit", "件",
                    "--seized-by", "000002,000003", "--json", "--actor", "000002",
                ]
                return try #require(try DryRunCLITests.json(try run(arguments))["id"] as? String)
            }
            for slot in ["A1", "A2"] {
                _ = try run(["location", "add", slot, "--kind", "slot", "--parent", "CAB-01", "--name", slot + " 格", "--actor", "000004"])
            }
            let bike = try registered("自行车")
            let phone = try registered("手机")
            for arguments in [
                ["chip", "bind", bike, "04B1000001"], ["chip", "bind", phone, "04B1000002"], ["checkin", bike, "--to", "A1"],
                ["checkin", phone, "--to", "A2"], ["officer", "card", "000002", "0B0B0B02"],
                [
                    "checkout", bike, "--to", "000002", "--reason", "appraisal", "--approved-by", "000001", "--due",
                    VaultCLIScene.day(daysFromNow: 3), "--at-cabinet",
                ],
            ] {
                _ = try run(arguments + ["--actor", "000004"])
            }
            // No `ledger` runs now: the files are at rest, and copies of them are whole stores.
            for name in try FileManager.default.contentsOfDirectory(atPath: built.path) where name.hasPrefix("ledger.db") {
                try FileManager.default.copyItem(at: built.appendingPathComponent(name), to: directory.appendingPathComponent(name))
            }
            items = (bike, phone)
        }
        let built = try #require(items)
        try await Self.$template.withValue(Template(directory: directory, bike: built.bike, phone: built.phone)) {
            try await function()
        }
    }
}
