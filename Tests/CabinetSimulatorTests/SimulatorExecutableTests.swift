import CabinetSimulator
import Foundation
import Testing

@testable import ledger_cabinet_sim

/// The built `ledger-cabinet-sim` run as a process. Its scenarios run here against a scripted hook (a python3
/// program standing where the ledger would, answering with fixed responses): that tests what the simulator sends,
/// does and prints, not the ledger. The ledger's own end-to-end tests run it against `ledger cabinet hook`.
struct SimulatorExecutableTests {
    /// Checks it is started as `… cabinet hook C-01`, logs each request line to $HOOK_LOG, answers hello (slots
    /// A1, A2), authorize (session S-1), door, and inventory (`more` for the first round, then reconciled with
    /// one finding).
    static let scriptedHook = #"""
        #!/usr/bin/python3 -u
        import json, os, sys
        if sys.argv[-3:] != ["cabinet", "hook", "C-01"]:
            sys.exit("unexpected arguments %r" % sys.argv[1:])
        log = open(os.environ["HOOK_LOG"], "a")
        log.write(json.dumps(sys.argv[1:]) + "\n")
        rounds = 0
        for raw in sys.stdin:
            log.write(raw)
            log.flush()
            request = json.loads(raw)
            response = {"v": 1, "id": request["id"], "ok": True}
            kind = request["type"]
            if kind == "hello":
                response.update({"protocol": 1, "cabinet": {"code": "C-01", "name": "一号柜",
                                                            "slots": [{"code": "A1"}, {"code": "A2"}]}})
            elif kind == "authorize":
                response.update({"allow": True, "session": "S-1", "officer": {"badge": "000123", "name": "张三"},
                                 "expect": {"take": [{"object": "W-1"}], "put": []}})
            elif kind == "inventory":
                rounds += 1
                if rounds < 2:
                    response.update({"reconciled": None, "more": True, "reason": "scripted-needs-two"})
                else:
                    response["reconciled"] = {"session": request["session"], "taken": [{"object": "W-1"}],
                                              "returned": [], "checkedIn": [], "findings": [
                                                  {"id": "F-1", "kind": "unauthorised-removal", "object": "W-2",
                                                   "uid": "04BB"}]}
            print(json.dumps(response, ensure_ascii=False))
        """#

    /// Runs the built simulator with `arguments`; its standard output's lines and its exit.
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws
        -> (lines: [String], exit: ProcessCabinetChannel.Exit, errors: String)
    {
        let executable = try productsDirectory().appendingPathComponent("ledger-cabinet-sim").path
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        let process = try await ProcessCabinetChannel.spawn(
            executable: executable, arguments: arguments, environment: merged)
        try await process.finishWriting()
        var lines: [String] = []
        while true {
            do {
                lines.append(try await process.receiveLine(timeout: .seconds(30)))
            } catch CabinetChannelError.endOfStream {
                break
            }
        }
        let exit = try await process.exit(within: .seconds(10))
        let errors = await process.standardError(within: .seconds(5))
        await process.close()
        return (lines, exit, errors)
    }

    static func withScriptedHook(_ body: (_ hook: String, _ log: URL) async throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let hook = directory.appendingPathComponent("hook")
            try Data(scriptedHook.utf8).write(to: hook)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
            try await body(hook.path, directory.appendingPathComponent("hook.log"))
        }
    }

    static func loggedRequests(_ log: URL) throws -> [JSONValue] {
        try String(contentsOf: log, encoding: .utf8).split(separator: "\n").dropFirst().map {
            try JSONValue(parsing: Data($0.utf8))
        }
    }

    @Test func helpNamesEveryOption() async throws {
        let (lines, exit, _) = try await Self.run(["--help", "--lang", "en"])
        #expect(exit == .exited(0))
        let text = lines.joined(separator: "\n")
        for option in SimulatorOptions.flags.union(SimulatorOptions.valued) {
            #expect(text.contains("--" + option + " "), "--\(option) is not in --help")
        }
        let (chinese, _, _) = try await Self.run(["--help", "--lang", "zh"])
        #expect(chinese.first?.hasPrefix("用法") == true)
    }

    @Test func aCommandLineItCannotRunExitsWithUsage() async throws {
        let (lines, exit, errors) = try await Self.run(["--cabinet", "C-01"])
        #expect(exit == .exited(64))
        #expect(lines.isEmpty)
        #expect(errors == "ledger-cabinet-sim: give --ledger PATH or --socket PATH\n")
    }

    @Test func theDemoTakesBothTagsAndPrintsTheFindings() async throws {
        try await Self.withScriptedHook { hook, log in
            let (lines, exit, errors) = try await Self.run(
                [
                    "--ledger", hook, "--store", "/tmp/nowhere.db", "--cabinet", "C-01", "--scenario", "demo", "--lang", "en",
                    "--badge", "000123", "--tag", "A1=04AA", "--tag", "A2=04BB", "--tag", "A2=04CC", "--take", "04AA",
                    "--also-take", "04BB", "--antennas", "2",
                ], environment: ["HOOK_LOG": log.path])
            #expect(exit == .exited(0), "\(errors)")
            #expect(
                lines == [
                    "→ hello adapter ledger-cabinet-sim",
                    #"← cabinet C-01 "一号柜" · slots A1 A2"#,
                    "→ authorize badge 000123",
                    "← allow session S-1 · officer 000123 张三 · take W-1 · put –",
                    "→ door opened session S-1",
                    "← ok",
                    "· takes 04AA from A1",
                    "· also takes 04BB from A2, not approved",
                    "→ door closed session S-1",
                    "← ok",
                    "→ inventory round 1 complete · 1 tags in 2 reads",
                    "← more: scripted-needs-two",
                    "→ inventory round 2 complete · 1 tags in 2 reads",
                    "← reconciled session S-1 · taken W-1 · returned – · checked in – · findings 1",
                    "Findings (1):",
                    "  F-1 unauthorised-removal object W-2 uid 04BB",
                ])
            let logged = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
            #expect(logged.first == #"["--store", "/tmp/nowhere.db", "--lang", "en", "cabinet", "hook", "C-01"]"#)
            let rounds = try Self.loggedRequests(log).filter { $0["type"] == "inventory" }
            for round in rounds {
                let uids = (round["tags"]?.arrayValue ?? []).compactMap { $0["uid"]?.stringValue }
                #expect(uids == ["04CC", "04CC"], "only the tag left inside is read, by both antennas")
            }
        }
    }

    @Test func anAdapterThatDiesAfterTheDoorClosesLeavesTheSessionOpen() async throws {
        try await Self.withScriptedHook { hook, log in
            let (lines, exit, errors) = try await Self.run(
                [
                    "--ledger", hook, "--cabinet", "C-01", "--scenario", "session", "--lang", "zh", "--badge", "000123",
                    "--take", "04AA", "--put", "A2=04DD", "--die-after", "door-closed",
                ], environment: ["HOOK_LOG": log.path])
            #expect(exit == .exited(0), "\(errors)")
            #expect(lines.contains("· 取出 04AA（A1）"))
            #expect(lines.contains("· 放入 04DD（A2）"))
            #expect(lines.last == "✕ 适配器退出（通道关闭），会话 S-1 未结束")
            let types = try Self.loggedRequests(log).compactMap { $0["type"]?.stringValue }
            #expect(types == ["hello", "authorize", "door", "door"], "no round after the adapter died")
        }
    }

    @Test func aLedgerThatIsNotThereFails() async throws {
        let (lines, exit, _) = try await Self.run([
            "--ledger", "/nonexistent/ledger", "--cabinet", "C-01", "--scenario", "hello",
        ])
        #expect(exit == .exited(1))
        #expect(lines.first?.hasPrefix("✕ cannot start /nonexistent/ledger") == true)
    }
}
