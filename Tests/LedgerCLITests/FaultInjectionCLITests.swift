import CabinetSimulator
import Foundation
import Testing

@testable import PropertyLedger

/// Every write command of `ledger` run under `strace`, failing one system call at a time (issue 14): `fsync` and
/// `fdatasync` with EIO, `write` with ENOSPC, `pwrite64` with EIO, each at the first, a middle and the last call the
/// command makes on the files of its directory (the store, its WAL and checkpoint file, keys, bundles and
/// receipts). After every fault: the command ended with a status the help documents (never a crash, a hang or an
/// internal error) and one clear line on stderr; the log verifies and its projections are what it produces; every
/// entry there before is there, byte for byte; the command's effect is all or nothing — all when it said it
/// succeeded; and the store works once the fault is gone: the command run again succeeds, or the next one does.
///
/// How a fault is aimed at one call, and why strace's `when=N` needs care here: ``FaultRig``.
@Suite(.offThePool)
struct FaultInjectionCLITests {
    /// A scene: a directory built through the binary, and the write that shows a store of it (named by its file)
    /// still works afterwards.
    struct Scene: Sendable {
        let name: String
        let build: @Sendable (URL) async throws -> Void
        let followUp: @Sendable (String) -> WriteCommand
    }

    /// What one command did under each fault, for the figures.
    struct Tally: Sendable {
        var callsSeen: [String: Int] = [:]
        var targets = 0
        var runs = 0
        var injected = 0
        var onTarget = 0
        var survived = 0
        var notAimed = 0
        var statuses: [String: Int] = [:]
        var effects: [String: Int] = [:]

        mutating func add(_ other: Tally) {
            callsSeen.merge(other.callsSeen, uniquingKeysWith: +)
            targets += other.targets
            runs += other.runs
            injected += other.injected
            onTarget += other.onTarget
            survived += other.survived
            notAimed += other.notAimed
            statuses.merge(other.statuses, uniquingKeysWith: +)
            effects.merge(other.effects, uniquingKeysWith: +)
        }
    }

    /// Exit statuses a failed write may end with: documented, and none of them "internal error".
    static let documentedFailures: Set<Int32> = [1, 2, 3, 4, 5, 6, 7, 9, 10]

    // MARK: The engine

    /// Runs each command of `commands` in a copy of `scene` under every fault, checks what it left, and prints the
    /// figures; returns them by fault kind.
    static func exercise(_ commands: [WriteCommand], in scene: Scene) async throws -> [FaultKind: Tally] {
        try await exercise(in: scene) { _ in commands }
    }

    /// The same, for commands that name what the scene made (a transfer's id): `commands` reads them from the
    /// template's directory.
    static func exercise(in scene: Scene, commands made: (URL) throws -> [WriteCommand]) async throws -> [FaultKind: Tally] {
        let tools = FaultRig.tools
        try #require(tools.usable, "\(tools.problem)")
        let template = try await SceneTemplates.shared.template(scene.name, build: scene.build)
        let commands = try made(template)
        var figures: [FaultKind: Tally] = [:]
        var lines: [String] = []
        // Two at a time: the machine has two cores, and every run is a few processes one after the other.
        try await withThrowingTaskGroup(of: (String, [FaultKind: Tally]).self) { group in
            var pending = commands[...]
            func next() {
                guard let command = pending.popFirst() else { return }
                group.addTask { (command.name, try await exercise(command, template: template, scene: scene)) }
            }
            next()
            next()
            while let (name, tallies) = try await group.next() {
                for (kind, tally) in tallies { figures[kind, default: Tally()].add(tally) }
                let statuses = FaultKind.all.compactMap { kind in
                    tallies[kind].map {
                        "\(kind.syscall) \($0.runs)/\($0.injected)/\($0.survived) \($0.statuses.sorted { $0.key < $1.key })"
                    }
                }
                lines.append("  \(name): " + statuses.joined(separator: "; "))
                next()
            }
        }
        print("fault injection, scene \(scene.name): per command, syscall runs/injected/survived [statuses]")
        for line in lines.sorted() { print(line) }
        for kind in FaultKind.all {
            let tally = figures[kind] ?? Tally()
            print(
                "  \(scene.name) \(kind): calls seen \(tally.callsSeen.values.reduce(0, +)), targets \(tally.targets), runs \(tally.runs), "
                    + "injected \(tally.injected), on target \(tally.onTarget), survived \(tally.survived), not aimed \(tally.notAimed), "
                    + "effects \(tally.effects.sorted { $0.key < $1.key })")
        }
        return figures
    }

    /// What the un-injected traced run showed: the state before, the effect of a clean run, the calls it made.
    struct Baseline: Sendable {
        let before: StoreState
        let after: StoreState
        let files: [String: Int]
        let created: Set<String>
        let calls: [FaultRig.Call]
    }

    static func exercise(_ command: WriteCommand, template: URL, scene: Scene) async throws -> [FaultKind: Tally] {
        let baseline = try await countingRun(command, template: template)
        var tallies: [FaultKind: Tally] = [:]
        for kind in FaultKind.all {
            var tally = Tally()
            let calls = baseline.calls.filter { $0.syscall == kind.syscall && $0.inScene }
            tally.callsSeen[command.name] = calls.count
            let positions = calls.isEmpty ? [] : Array(Set([0, calls.count / 2, calls.count - 1])).sorted()
            for position in positions {
                tally.targets += 1
                let target = calls[position]
                // Its number among the calls of its thread on its file (what strace counts), and among all calls on the file.
                let onThread = calls[...position].filter { $0.path == target.path && $0.thread == target.thread }.count
                let onFile = calls[...position].filter { $0.path == target.path }.count
                if FaultRig.tools.namespace == nil && (target.path.contains(".tmp-") || target.path.contains(".new-")) {
                    tally.notAimed += 1
                    continue
                }
                // Again when strace's per-thread count put the fault elsewhere (or nowhere); every run that injected is checked.
                for _ in 0..<FaultRig.attempts {
                    let exact = try await faultRun(
                        command, kind: kind, path: target.path, when: onThread, onFile: onFile, template: template, scene: scene,
                        baseline: baseline, tally: &tally)
                    if exact { break }
                }
            }
            tallies[kind] = tally
        }
        return tallies
    }

    /// The command traced without a fault, in a copy of the template: what it changes and which calls it makes.
    static func countingRun(_ command: WriteCommand, template: URL, syscalls: String = FaultKind.traced) async throws -> Baseline {
        let (scene, scratch) = try await SceneTemplates.shared.copy(template)
        defer { Task { await SceneTemplates.shared.remove(scratch) } }
        try command.prepare?(scene)
        let files = fileListing(scene)
        let before = try StoreState.read(scene.appendingPathComponent(command.store))
        let trace = scratch.appendingPathComponent("trace")
        let argv =
            (FaultRig.tools.namespace ?? []) + [FaultRig.strace, "-f", "--quiet=all"] + FaultRig.tools.seccomp
            + ["-o", trace.path, "-y", "-e", "trace=\(syscalls)"] + command.argv(ledger: try ledgerPath(), scratch: scratch)
        var outcome = try await FaultRig.run(
            argv, environment: try command.environment(scene, scratch: scratch), in: scene, stdin: nil, scratch: scratch)
        outcome.calls = FaultRig.calls(inTrace: (try? String(contentsOf: trace, encoding: .utf8)) ?? "", relativeTo: scene)
        try #require(outcome.status == 0 && !outcome.signalled, "\(command.name) without a fault: \(outcome.summary)")
        _ = try await plain(verifyCommand(command), in: scene, scratch: scratch)
        let after = try StoreState.read(scene.appendingPathComponent(command.store))
        let created = Set(fileListing(scene).keys).subtracting(files.keys).filter { !isStoreFile($0) }
        return Baseline(before: before, after: after, files: files, created: created, calls: outcome.calls)
    }

    /// One fault run and everything checked after it; returns whether strace injected exactly the aimed call.
    static func faultRun(
        _ command: WriteCommand, kind: FaultKind, path: String, when: Int, onFile: Int, template: URL, scene sceneSpec: Scene,
        baseline: Baseline, tally: inout Tally
    ) async throws -> Bool {
        let (scene, scratch) = try await SceneTemplates.shared.copy(template)
        defer { Task { await SceneTemplates.shared.remove(scratch) } }
        try command.prepare?(scene)
        let outcome = try await FaultRig.inject(kind, at: path, call: when, command, in: scene, scratch: scratch)
        tally.runs += 1
        let injected = outcome.calls.indices.filter { outcome.calls[$0].injected }
        guard !injected.isEmpty else { return false }
        tally.injected += 1
        let exact = injected == [onFile - 1]
        if exact { tally.onTarget += 1 }
        let label = "\(command.name) under \(kind) at call \(onFile) of \(path) (thread call \(when))"
        tally.statuses[outcome.signalled ? "signal \(outcome.status)" : "\(outcome.status)", default: 0] += 1
        if try await check(command, outcome, label: label, in: scene, scratch: scratch, baseline: baseline, scene: sceneSpec, tally: &tally)
        {
            tally.survived += 1
        }
        return exact
    }

    /// Everything a fault run must leave true; records an issue for each thing that is not, and returns whether all
    /// held.
    static func check(
        _ command: WriteCommand, _ outcome: FaultRig.Outcome, label: String, in scene: URL, scratch: URL, baseline: Baseline,
        scene sceneSpec: Scene, tally: inout Tally
    ) async throws -> Bool {
        var held = true
        func expect(_ condition: Bool, _ message: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation) {
            if !condition {
                held = false
                Issue.record("\(label): \(message())", sourceLocation: sourceLocation)
            }
        }
        // How it ended: a documented status, never a crash, a hang or an internal error; one clear line when it failed.
        expect(!outcome.timedOut, "it hung: \(outcome.summary)")
        expect(!outcome.signalled, "it crashed: \(outcome.summary)")
        let failed = outcome.status != 0 || outcome.signalled
        if failed {
            expect(
                documentedFailures.contains(outcome.status), "exit status \(outcome.status) is not a documented failure: \(outcome.summary)"
            )
            expect(
                outcome.stderrLines.count == 1 && outcome.stderr.hasPrefix("ledger: error: "),
                "stderr is not one error line: \(outcome.stderr)")
            for raw in ["SQLite error", "Fatal error", "Error Domain", "Swift/", "Foundation/"] {
                expect(!outcome.stderr.contains(raw), "the message is not the ledger's own words: \(outcome.stderr)")
            }
        }
        // The log verifies and the projections are what it produces.
        let verify = try await plain(verifyCommand(command), in: scene, scratch: scratch)
        let state = try StoreState.read(scene.appendingPathComponent(command.store))
        switch command.effect {
        case .newStore:
            let exists = FileManager.default.fileExists(atPath: scene.appendingPathComponent(command.store).path)
            expect(exists ? verify.status == 0 : verify.status == 3, "verify: \(verify.summary)")
        default:
            expect(verify.status == 0, "verify: \(verify.summary)")
        }
        let rebuild = try await plain(
            WriteCommand(name: "rebuild", arguments: ["rebuild", "--check"], store: command.store), in: scene, scratch: scratch)
        if command.effect != .projections, command.effect != .newStore || !state.entries.isEmpty {
            expect(rebuild.status == 0, "rebuild --check: \(rebuild.summary)\(rebuild.stdout.prefix(300))")
        }
        // Nothing there before is gone or changed.
        expect(
            Array(state.entries.prefix(baseline.before.entries.count)) == baseline.before.entries, "an entry there before changed or went")
        // All or nothing, and all when it said it succeeded.
        let effect: String
        let files = Set(fileListing(scene).keys)
        let leftovers = files.filter { $0.contains(".tmp-") || $0.contains(".new-") }
        expect(leftovers.isEmpty, "temporary files left behind: \(leftovers.sorted())")
        switch command.effect {
        case .projections:
            effect = rebuild.status == 0 ? "all" : "none"
        case .log, .newStore:
            // Counted, not compared: an entry carries the time it was written.
            let (entries, checkpoints) = (state.entries.count, state.checkpoints)
            if (entries, checkpoints) == (baseline.after.entries.count, baseline.after.checkpoints) {
                effect = "all"
            } else if (entries, checkpoints) == (baseline.before.entries.count, baseline.before.checkpoints) {
                effect = "none"
            } else if entries == baseline.after.entries.count {
                // The entries committed, and a later step (signing a checkpoint) did not.
                effect = "entries"
            } else {
                effect = "partial"
                expect(
                    false,
                    "the log holds part of the command: \(state.entries.count - baseline.before.entries.count) of "
                        + "\(baseline.after.entries.count - baseline.before.entries.count) entries, "
                        + "\(state.checkpoints - baseline.before.checkpoints) of \(baseline.after.checkpoints - baseline.before.checkpoints) checkpoints"
                )
            }
        }
        let missingFiles = baseline.created.subtracting(files)
        if !failed && command.reportsEachAction && effect == "none" {
            expect(outcome.stdout.contains("writing to the store"), "the loop did not say its action failed: \(outcome.stdout)")
        } else if !failed {
            expect(effect == "all", "it succeeded but its effect is \(effect)")
            expect(missingFiles.isEmpty, "it succeeded but did not leave \(missingFiles.sorted())")
        }
        if failed && effect == "none" {
            let stale = baseline.created.intersection(files)
            expect(stale.isEmpty, "it failed and recorded nothing, but left \(stale.sorted())")
            if command.effect == .newStore {
                let store = files.filter { $0.hasPrefix(command.store) }
                expect(store.isEmpty, "no store was made, but \(store.sorted()) are left")
            }
        }
        let key =
            (failed ? "failed, " : "succeeded, ") + effect
            + (missingFiles.isEmpty ? "" : ", no \(missingFiles.sorted().joined(separator: " "))")
        tally.effects[key, default: 0] += 1
        // A command that failed after its entries were recorded says so: "output failed", what is recorded stays.
        let recorded = state.entries.count > baseline.before.entries.count
        if failed && recorded {
            expect(outcome.status == 10, "it failed after recording its entries, but does not say they stand: \(outcome.summary)")
            // And what it says to do finishes the work.
            for step in command.finish?(outcome.stderr) ?? [] {
                let done = try await plain(step, in: scene, scratch: scratch)
                expect(done.status == 0, "\(step.name), to finish: \(done.summary)")
            }
        }
        // The store works once the fault is gone: the command itself, when it recorded nothing, or the next write.
        if failed && !recorded || !failed && effect == "none" {
            let again = try await plain(command, in: scene, scratch: scratch)
            expect(again.status == 0, "run again without the fault: \(again.summary)")
            let final = try await plain(verifyCommand(command), in: scene, scratch: scratch)
            let counts = try StoreState.read(scene.appendingPathComponent(command.store))
            expect(
                final.status == 0 && counts.entries.count == baseline.after.entries.count,
                "after running again: \(counts.entries.count) entries, not \(baseline.after.entries.count); verify \(final.summary)")
        } else {
            let followUp = sceneSpec.followUp(command.store)
            let next = try await plain(followUp, in: scene, scratch: scratch)
            expect(next.status == 0, "the next write (\(followUp.name)): \(next.summary)")
        }
        if !held { print("\(label): \(outcome.summary) | stdout \(outcome.stdout.prefix(200))") }
        return held
    }

    /// A store's own files: `X.db` with its WAL and index, its checkpoint file and its private key (a witness key,
    /// `X.db.witness.key`, is made by a command, and is not one of them).
    static func isStoreFile(_ name: String) -> Bool {
        ["", "-wal", "-shm", ".checkpoint", ".key"].contains { name.hasSuffix(".db" + $0) }
    }

    static func verifyCommand(_ command: WriteCommand) -> WriteCommand {
        WriteCommand(name: "verify", arguments: ["verify"], store: command.store)
    }

    static func ledgerPath() throws -> String { try CLITests.productsDirectory().appendingPathComponent("ledger").path }

    /// `command` run as a user would, no strace.
    static func plain(_ command: WriteCommand, in scene: URL, scratch: URL) async throws -> FaultRig.Outcome {
        try await FaultRig.run(
            command.argv(ledger: try ledgerPath(), scratch: scratch), environment: try command.environment(scene, scratch: scratch),
            in: scene,
            stdin: nil, scratch: scratch)
    }

    /// Runs `arguments` in `directory` during a scene's construction; it must succeed. Returns its standard output.
    @discardableResult
    static func setup(
        _ arguments: [String], in directory: URL, store: String = "ledger.db", fd3: String = "", fd4: String = "", stdin: String = ""
    )
        async throws -> String
    {
        let scratch = directory.deletingLastPathComponent().appendingPathComponent("setup-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let command = WriteCommand(name: "setup", arguments: arguments, store: store, stdin: stdin, fd3: fd3, fd4: fd4)
        let outcome = try await plain(command, in: directory, scratch: scratch)
        try #require(outcome.status == 0, "setup \(arguments): \(outcome.summary)")
        return outcome.stdout
    }

    // MARK: Scenes

    static let clerk = ["--actor", "000004"]
    static let supervisor = ["--actor", "000001"]
    static var due: String { VaultCLIScene.day(daysFromNow: 10) }

    /// One store (signatures optional): the officers and locations of the custody tests, case A1 with items in every
    /// state a command needs, two dossiers due for central storage a month on, and the log grown since its last
    /// checkpoint.
    static let custody = Scene(
        name: "custody",
        build: { directory in
            func run(_ arguments: [String], stdin: String = "") async throws -> String {
                try await setup(arguments, in: directory, stdin: stdin)
            }
            _ = try await run([
                "init", "--agency-code", "370321", "--agency-name", "临淄区公安分局", "--kind", "police", "--signatures", "optional",
            ])
            for arguments in [
                ["officer", "add", "000001", "--name", "魏江", "--role", "supervisor"],
                ["officer", "add", "000002", "--name", "李明", "--role", "officer", "--unit", "刑侦大队"] + supervisor,
                ["officer", "add", "000003", "--name", "王强", "--role", "officer"] + supervisor,
                ["officer", "add", "000004", "--name", "张丽", "--role", "clerk"] + supervisor,
                ["officer", "add", "000005", "--name", "赵五", "--role", "clerk"] + supervisor,
                ["location", "add", "ROOM-1", "--kind", "room", "--name", "保管室"] + clerk,
                ["location", "add", "CAB-01", "--kind", "cabinet", "--parent", "ROOM-1", "--name", "智能柜01"] + clerk,
                ["location", "add", "CENTRAL", "--kind", "room", "--name", "案管中心", "--central"] + clerk,
                ["case", "open", "A1", "--kind", "criminal", "--title", "自行车被盗案", "--property-crime", "--actor", "000002"],
                ["case", "open", "A2", "--kind", "criminal", "--title", "待破案件", "--actor", "000002"],
                ["case", "open", "A3", "--kind", "criminal", "--title", "已破案件", "--actor", "000002"],
                ["case", "solve", "A3", "--actor", "000002"],
            ] {
                _ = try await run(arguments)
            }
            // P-…-000001 … 000010, each for one command.
            for number in 1...10 {
                _ = try await run([
                    "item", "register", "--case", "A1", "--name", "物证\(number)", "--quantity", "1", "--unit", "件", "--seized-by",
                    "000002,000003", "--actor", "000002",
                ])
            }
            for volume in 1...2 {
                _ = try await run([
                    "dossier", "register", "--case", "A1", "--volume", "\(volume)", "--volumes", "2", "--pages", "30", "--actor", "000002",
                ])
            }
            for arguments in [
                ["checkin", item(2), "--to", "CAB-01"], ["checkin", item(3), "--to", "CAB-01"], ["checkin", item(4), "--to", "CAB-01"],
                ["checkin", item(5), "--to", "CAB-01"], ["checkin", item(6), "--to", "CAB-01"], ["chip", "bind", item(8), "04A1000008"],
                ["checkin", item(8), "--to", "CAB-01"], ["checkin", item(9), "--to", "CAB-01"], ["chip", "bind", item(10), "04A100000A"],
                ["checkin", "D-370321-\(year)-000001", "--to", "CAB-01"], ["checkin", "D-370321-\(year)-000002", "--to", "CAB-01"],
                ["checkout", item(3), "--to", "000002", "--reason", "appraisal", "--approved-by", "000001", "--due", due],
                ["checkout", item(4), "--to", "000002", "--reason", "appraisal", "--approved-by", "000001", "--due", due],
            ] {
                _ = try await run(arguments + clerk)
            }
        },
        followUp: { _ in WriteCommand(name: "case progress", arguments: ["case", "progress", "A1", "--note", "故障之后", "--actor", "000002"]) }
    )

    static var year: String {
        String(Calendar(identifier: .gregorian).dateComponents(in: Agency.defaultTimeZone, from: Date()).year ?? 2026)
    }
    static func item(_ number: Int) -> String { String(format: "P-370321-\(year)-%06d", number) }

    static let custodyCommands: [WriteCommand] = [
        WriteCommand(name: "officer add", arguments: ["officer", "add", "000009", "--name", "新人", "--role", "officer"] + supervisor),
        WriteCommand(name: "officer retire", arguments: ["officer", "retire", "000005"] + supervisor),
        WriteCommand(name: "officer card", arguments: ["officer", "card", "000003", "0B0B0B03"] + clerk),
        WriteCommand(name: "location add", arguments: ["location", "add", "ROOM-2", "--kind", "room", "--name", "二号保管室"] + clerk),
        WriteCommand(name: "case open", arguments: ["case", "open", "A9", "--kind", "criminal", "--title", "新案", "--actor", "000002"]),
        WriteCommand(name: "case progress", arguments: ["case", "progress", "A1", "--note", "走访", "--actor", "000002"]),
        WriteCommand(name: "case solve", arguments: ["case", "solve", "A2", "--actor", "000002"]),
        WriteCommand(name: "case close", arguments: ["case", "close", "A3"] + supervisor),
        WriteCommand(
            name: "item register",
            arguments: [
                "item", "register", "--case", "A1", "--name", "手机", "--quantity", "1", "--unit", "部", "--seized-by", "000002,000003",
            ]
                + ["--actor", "000002"]),
        WriteCommand(
            name: "dossier register",
            arguments: ["dossier", "register", "--case", "A2", "--volume", "1", "--volumes", "1", "--pages", "12", "--actor", "000002"]),
        WriteCommand(name: "chip bind", arguments: ["chip", "bind", item(7), "04A1000007"] + clerk),
        WriteCommand(name: "chip replace", arguments: ["chip", "replace", item(8), "04A1000018", "--reason", "芯片损坏"] + clerk),
        WriteCommand(name: "checkin", arguments: ["checkin", item(1), "--to", "CAB-01"] + clerk),
        WriteCommand(
            name: "checkout",
            arguments: ["checkout", item(2), "--to", "000002", "--reason", "appraisal", "--approved-by", "000001", "--due", due] + clerk),
        WriteCommand(
            name: "checkout extend",
            arguments: [
                "checkout", "extend", item(4), "--due", VaultCLIScene.day(daysFromNow: 20), "--approved-by", "000001", "--reason", "鉴定未完成",
            ]
                + clerk),
        WriteCommand(name: "return", arguments: ["return", item(3), "--to", "CAB-01", "--condition", "完好"] + clerk),
        WriteCommand(name: "move", arguments: ["move", item(5), "--to", "ROOM-1"] + clerk),
        WriteCommand(
            name: "dispose",
            arguments: ["dispose", item(6), "--method", "returned-to-owner", "--approved-by", "000001", "--recipient", "失主"] + clerk),
        WriteCommand(name: "item unrelated", arguments: ["item", "unrelated", item(9), "--reason", "经查系失主所有"] + clerk),
        WriteCommand(name: "correct", arguments: ["correct", "13", "--field", "features", "--value", "红色", "--reason", "录入遗漏"] + clerk),
        WriteCommand(
            name: "scan checkin", arguments: ["scan", "--reader", "stdin", "--action", "checkin", "--to", "CAB-01"] + clerk,
            stdin: "04A100000A\n",
            reportsEachAction: true),
        WriteCommand(name: "audit", arguments: ["audit", "CAB-01", "--reader", "stdin"] + clerk, stdin: "04A1000008\n"),
        WriteCommand(name: "policy set", arguments: ["policy", "set", "intake.limit", "3d", "--reason", "交接需时"] + supervisor),
        WriteCommand(
            name: "dossier sweep --record",
            arguments: ["dossier", "sweep", "--record", "--to", "CENTRAL", "--as-of", VaultCLIScene.monthAhead] + clerk),
        WriteCommand(name: "checkpoint", arguments: ["checkpoint"]),
        WriteCommand(
            name: "rebuild --repair", arguments: ["rebuild", "--repair"],
            prepare: { directory in
                try Database(path: directory.appendingPathComponent("ledger.db").path).execute(
                    "UPDATE officers SET name = '别人' WHERE badge = '000001'")
            }, effect: .projections),
    ]

    // MARK: Keys and signed entries

    static let passphrase = [
        "000001": "supervisor passphrase", "000002": "officer passphrase", "000003": "new officer passphrase",
        "000004": "clerk passphrase", "000005": "clerk five passphrase", "000006": "officer six passphrase",
        "cabinet": "cabinet passphrase",
    ]
    static func pass(_ badge: String) -> String { (passphrase[badge] ?? "") + "\n" }
    static let viaFD3 = ["--passphrase-fd", "3"]
    static let newViaFD4 = ["--new-passphrase-fd", "4"]

    /// A store made before keys (signatures optional) whose supervisor 000001, officers 000002 and 000006 and clerk
    /// 000004 have enrolled keys (in `keys/`), and officer 000003 none; a room, a cabinet, case A1 with two items in
    /// storage, and a signed approval (`approval.json`) for checking the first out.
    static let keyed = Scene(
        name: "keyed",
        build: { directory in
            func run(_ arguments: [String], as badge: String? = nil, newKey: String? = nil) async throws {
                var arguments = arguments
                if let badge { arguments += ["--actor", badge] + viaFD3 }
                if newKey != nil { arguments += newViaFD4 }
                try await setup(arguments, in: directory, fd3: badge.map(pass) ?? "", fd4: newKey.map(pass) ?? "")
            }
            try await run(["init", "--agency-code", "370321", "--agency-name", "临淄区公安分局", "--kind", "police", "--signatures", "optional"])
            try await run(["officer", "add", "000001", "--name", "魏江", "--role", "supervisor"])
            try await setup(["officer", "enroll", "000001", "--actor", "000001"] + newViaFD4, in: directory, fd4: pass("000001"))
            for (badge, role) in [("000002", "officer"), ("000004", "clerk"), ("000006", "officer")] {
                try await run(["officer", "add", badge, "--name", "警员\(badge)", "--role", role], as: "000001")
                try await run(["officer", "enroll", badge], as: "000001", newKey: badge)
            }
            try await run(["officer", "add", "000003", "--name", "王强", "--role", "officer"], as: "000001")
            try await run(["location", "add", "ROOM-1", "--kind", "room", "--name", "保管室"], as: "000004")
            try await run(["location", "add", "CAB-01", "--kind", "cabinet", "--parent", "ROOM-1", "--name", "智能柜01"], as: "000004")
            try await run(["case", "open", "A1", "--kind", "criminal", "--title", "自行车被盗案"], as: "000002")
            for number in 1...2 {
                try await run(
                    [
                        "item", "register", "--case", "A1", "--name", "物证\(number)", "--quantity", "1", "--unit", "件", "--seized-by",
                        "000002,000003",
                    ],
                    as: "000002")
                try await run(["checkin", item(number), "--to", "CAB-01"], as: "000004")
            }
            try await run(
                ["approve", "checkout", item(1), "--to", "000002", "--reason", "appraisal", "--due", due, "--out", "approval.json"],
                as: "000001")
        },
        followUp: { _ in
            WriteCommand(
                name: "location add",
                arguments: ["location", "add", "AFTER-1", "--kind", "room", "--name", "故障之后", "--actor", "000004"] + viaFD3,
                fd3: pass("000004"))
        })

    static let keyedCommands: [WriteCommand] = [
        WriteCommand(
            name: "officer enroll", arguments: ["officer", "enroll", "000003"] + supervisor + viaFD3 + newViaFD4, fd3: pass("000001"),
            fd4: pass("000003")),
        WriteCommand(
            name: "officer rekey", arguments: ["officer", "rekey", "000002", "--actor", "000002"] + viaFD3 + newViaFD4, fd3: pass("000002"),
            fd4: pass("000003")),
        WriteCommand(
            name: "officer revoke-key", arguments: ["officer", "revoke-key", "000006", "--reason", "私钥遗失"] + supervisor + viaFD3,
            fd3: pass("000001")),
        WriteCommand(
            name: "cabinet enroll", arguments: ["cabinet", "enroll", "CAB-01"] + supervisor + viaFD3 + newViaFD4, fd3: pass("000001"),
            fd4: pass("cabinet")),
        WriteCommand(
            name: "approve checkout",
            arguments: [
                "approve", "checkout", item(2), "--to", "000002", "--reason", "appraisal", "--due", due, "--out", "approval-2.json",
            ]
                + supervisor + viaFD3, fd3: pass("000001")),
        WriteCommand(
            name: "checkout --approval",
            arguments: [
                "checkout", item(1), "--to", "000002", "--reason", "appraisal", "--approved-by", "000001", "--due", due, "--approval",
            ]
                + ["approval.json", "--actor", "000004"] + viaFD3, fd3: pass("000004")),
        WriteCommand(
            name: "signed location add",
            arguments: ["location", "add", "ROOM-2", "--kind", "room", "--name", "二号室", "--actor", "000004"] + viaFD3,
            fd3: pass("000004")),
        WriteCommand(
            name: "policy require-signatures", arguments: ["policy", "require-signatures", "--reason", "全员已登记密钥"] + supervisor + viaFD3,
            fd3: pass("000001")),
    ]

    @Test func keyCommandsSurviveEveryFault() async throws {
        let figures = try await Self.exercise(Self.keyedCommands, in: Self.keyed)
        #expect(figures.values.reduce(0) { $0 + $1.injected } > 0)
    }

    // MARK: Smart cabinets

    /// The cabinet of ``CabinetCLIScene``, built the same way: `CAB-01` with slots A1 and A2, the bicycle (chip
    /// 04B1000001, in A1) and the phone (04B1000002, in A2) and six more items; 李明 (000002) has card 0B0B0B02 and
    /// an approval to take the bicycle at the cabinet.
    static let cabinet = Scene(
        name: "cabinet",
        build: { directory in
            func run(_ arguments: [String]) async throws -> String { try await setup(arguments, in: directory) }
            _ = try await run([
                "init", "--agency-code", "370321", "--agency-name", "临淄区公安分局", "--kind", "police", "--signatures", "optional",
            ])
            for arguments in [
                ["officer", "add", "000001", "--name", "魏江", "--role", "supervisor"],
                ["officer", "add", "000002", "--name", "李明", "--role", "officer"] + supervisor,
                ["officer", "add", "000003", "--name", "王强", "--role", "officer"] + supervisor,
                ["officer", "add", "000004", "--name", "张丽", "--role", "clerk"] + supervisor,
                ["location", "add", "ROOM-1", "--kind", "room", "--name", "保管室"] + clerk,
                ["location", "add", "CAB-01", "--kind", "cabinet", "--parent", "ROOM-1", "--name", "智能柜01"] + clerk,
                ["location", "add", "A1", "--kind", "slot", "--parent", "CAB-01", "--name", "A1 格"] + clerk,
                ["location", "add", "A2", "--kind", "slot", "--parent", "CAB-01", "--name", "A2 格"] + clerk,
                ["case", "open", "A1", "--kind", "criminal", "--title", "自行车被盗案", "--actor", "000002"],
            ] {
                _ = try await run(arguments)
            }
            let chips =
                [(CabinetCLIScene.bikeChip, "A1"), (CabinetCLIScene.phoneChip, "A2")] + CabinetCLIScene.others.map { ($0.uid, $0.slot) }
            for (number, (chip, slot)) in chips.enumerated() {
                _ = try await run(
                    ["item", "register", "--case", "A1", "--name", "物证\(number + 1)", "--quantity", "1", "--unit", "件", "--seized-by"]
                        + ["000002,000003", "--actor", "000002"])
                _ = try await run(["chip", "bind", item(number + 1), chip] + clerk)
                _ = try await run(["checkin", item(number + 1), "--to", slot] + clerk)
            }
            _ = try await run(["officer", "card", "000002", CabinetCLIScene.card] + clerk)
            _ = try await run(
                ["checkout", item(1), "--to", "000002", "--reason", "appraisal", "--approved-by", "000001", "--due", due, "--at-cabinet"]
                    + clerk)
        },
        followUp: { _ in WriteCommand(name: "case progress", arguments: ["case", "progress", "A1", "--note", "故障之后", "--actor", "000002"]) }
    )

    /// The cabinet after 李明's session: the bicycle checked out through the cabinet, and an open finding (he also
    /// took the phone), its id in `finding.id`.
    static let cabinetAfter = Scene(
        name: "cabinet-after",
        build: { directory in
            try await cabinet.build(directory)
            let scratch = directory.deletingLastPathComponent()
            let hook = WriteCommand(name: "cabinet hook", arguments: ["cabinet", "hook", "CAB-01"])
            let link = try await ProcessCabinetChannel.spawn(
                executable: try ledgerPath(), arguments: ["cabinet", "hook", "CAB-01"],
                environment: try hook.environment(directory, scratch: scratch),
                responseTimeout: .seconds(60))
            var run = DoorSession()
            await doorSession(CabinetCLIScene.cabinet(over: link), from: nil, &run)
            try await link.finishWriting()
            _ = try await link.exit(within: .seconds(60))
            try #require(run.acknowledged == doorSteps, "\(run)")
            let findings =
                try JSONSerialization.jsonObject(with: Data(try await setup(["findings", "--json"], in: directory).utf8)) as? [String: Any]
            let id = try #require((findings?["findings"] as? [[String: Any]])?.first?["id"] as? String)
            try id.write(to: directory.appendingPathComponent("finding.id"), atomically: true, encoding: .utf8)
        },
        followUp: cabinet.followUp)

    @Test func findingResolveSurvivesEveryFault() async throws {
        let figures = try await Self.exercise(in: Self.cabinetAfter) { template in
            let finding = try String(contentsOf: template.appendingPathComponent("finding.id"), encoding: .utf8)
            return [
                WriteCommand(name: "finding resolve", arguments: ["finding", "resolve", finding, "--note", "已追回并补办出库"] + Self.supervisor)
            ]
        }
        #expect(figures.values.reduce(0) { $0 + $1.injected } > 0)
    }

    /// Where a door session got to, as the adapter was told: the steps acknowledged (`authorize`, `opened`,
    /// `closed`, `reconciled`), and the answer or channel error that stopped it.
    struct DoorSession: Sendable {
        var session: JSONValue?
        var acknowledged: [String] = []
        var taken = false
        var failure: String?
    }

    static let doorSteps = ["authorize", "opened", "closed", "reconciled"]

    /// 李明 at the cabinet, from where `state` (the session's state in the store: nil, `authorized`, `open`, `closed`)
    /// left off: he presents his card, the door opens, he takes the bicycle (approved) and the phone (not), the door
    /// closes, and complete rounds run until the ledger reconciles. Stops at the first answer that is not `ok`.
    static func doorSession(_ cabinet: SimulatedCabinet, from state: String?, _ run: inout DoorSession) async {
        var state = state
        do {
            let hello = try await cabinet.hello()
            guard hello.isOK else { return run.failure = hello.line }
            if state == nil {
                let allowed = try await cabinet.authorize(card: CabinetCLIScene.card)
                guard allowed.isOK, allowed.isAllowed, let session = allowed.session else { return run.failure = allowed.line }
                run.session = session
                run.acknowledged.append("authorize")
                state = "authorized"
            }
            guard let session = run.session else { return run.failure = "no session" }
            if state == "authorized" {
                let opened = try await cabinet.openDoor(session: session)
                guard opened.isOK else { return run.failure = opened.line }
                run.acknowledged.append("opened")
                state = "open"
            }
            if state == "open" {
                if !run.taken {
                    _ = try await cabinet.take(uid: CabinetCLIScene.bikeChip)
                    _ = try await cabinet.take(uid: CabinetCLIScene.phoneChip)
                    run.taken = true
                }
                let closed = try await cabinet.closeDoor(session: session)
                guard closed.isOK else { return run.failure = closed.line }
                run.acknowledged.append("closed")
                state = "closed"
            }
            if state == "closed" {
                let settled = try await cabinet.inventoryUntilReconciled(session: session, maxRounds: 40)
                guard settled.isOK, settled.reconciled != nil else { return run.failure = settled.line }
                run.acknowledged.append("reconciled")
            }
        } catch {
            run.failure = "\(error)"
        }
    }

    /// The argument vector of `ledger cabinet hook CAB-01` behind `prefix` (strace), through `sh` as every run.
    static func hookArgv(_ prefix: [String]) throws -> [String] {
        prefix + ["/bin/sh", "-c", #"exec "$0" "$@" 3<"$FX_FD3" 4<"$FX_FD4""#, try ledgerPath(), "cabinet", "hook", "CAB-01"]
    }

    /// The store's word on the door session `id`: its state, whether the bicycle is checked out, how many findings.
    static func cabinetState(_ id: JSONValue?, in scene: URL, scratch: URL) async throws -> (state: String?, bikeOut: Bool, findings: Int) {
        func json(_ arguments: [String]) async throws -> [String: Any] {
            let result = try await plain(WriteCommand(name: "query", arguments: arguments + ["--json"]), in: scene, scratch: scratch)
            return (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]) ?? [:]
        }
        let sessions = (try await json(["cabinet", "sessions"])["sessions"] as? [[String: Any]]) ?? []
        let state = sessions.first { $0["session"] as? String == id?.stringValue }?["state"] as? String
        let bike = try await json(["show", item(1)])["status"] as? String
        let findings = (try await json(["findings"])["findings"] as? [Any])?.count ?? 0
        return (state, bike == "checked-out", findings)
    }

    /// The clean door session, traced: the calls it makes and how many entries it leaves.
    static func cleanDoorSession(_ template: URL) async throws -> (calls: [FaultRig.Call], entries: Int) {
        let tools = FaultRig.tools
        let hook = WriteCommand(name: "cabinet hook", arguments: ["cabinet", "hook", "CAB-01"])
        let (scene, scratch) = try await SceneTemplates.shared.copy(template)
        defer { Task { await SceneTemplates.shared.remove(scratch) } }
        let trace = scratch.appendingPathComponent("trace")
        let argv = try hookArgv(
            (tools.namespace ?? []) + [FaultRig.strace, "-f", "--quiet=all"] + tools.seccomp + [
                "-o", trace.path, "-y", "-e", "trace=\(FaultKind.traced)",
            ])
        let link = try await ProcessCabinetChannel.spawn(
            executable: argv[0], arguments: Array(argv.dropFirst()), environment: try hook.environment(scene, scratch: scratch),
            responseTimeout: .seconds(60))
        var run = DoorSession()
        await doorSession(CabinetCLIScene.cabinet(over: link), from: nil, &run)
        try await link.finishWriting()
        let exit = try await link.exit(within: .seconds(60))
        try #require(run.acknowledged == doorSteps && exit == .exited(0), "the clean session: \(run) \(exit)")
        _ = try await plain(verifyCommand(hook), in: scene, scratch: scratch)
        let calls = FaultRig.calls(inTrace: (try? String(contentsOf: trace, encoding: .utf8)) ?? "", relativeTo: scene)
        return (calls, try StoreState.read(scene.appendingPathComponent("ledger.db")).entries.count)
    }

    @Test func cabinetReconciliationSurvivesEveryFault() async throws {
        try #require(FaultRig.tools.usable, "\(FaultRig.tools.problem)")
        let template = try await SceneTemplates.shared.template(Self.cabinet.name, build: Self.cabinet.build)
        let (calls, finalEntries) = try await Self.cleanDoorSession(template)
        var injected = 0
        for kind in FaultKind.all {
            var tally = Tally()
            let matching = calls.filter { $0.syscall == kind.syscall && $0.inScene }
            let positions = matching.isEmpty ? [] : Array(Set([0, matching.count / 2, matching.count - 1])).sorted()
            for position in positions {
                tally.targets += 1
                let target = matching[position]
                let onThread = matching[...position].filter { $0.path == target.path && $0.thread == target.thread }.count
                let onFile = matching[...position].filter { $0.path == target.path }.count
                for _ in 0..<FaultRig.attempts {
                    let exact = try await Self.hookFaultRun(
                        kind, target.path, onThread, onFile, template: template, finalEntries: finalEntries, tally: &tally)
                    if exact { break }
                }
            }
            injected += tally.injected
            let statuses = tally.statuses.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            let effects = tally.effects.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            print(
                "  cabinet hook \(kind): calls seen \(matching.count), targets \(tally.targets), runs \(tally.runs), "
                    + "injected \(tally.injected), on target \(tally.onTarget), survived \(tally.survived); \(statuses); \(effects)")
        }
        #expect(injected > 0)
    }

    /// One door session under one fault, checked: the hook answered or ended as documented, what it acknowledged is
    /// in the store, the reconciliation is all or nothing, and the same hook — or a new one, if it ended — finishes the
    /// session once the fault is gone, with the entries of a clean session. Returns whether the aimed call was hit.
    static func hookFaultRun(
        _ kind: FaultKind, _ path: String, _ when: Int, _ onFile: Int, template: URL, finalEntries: Int, tally: inout Tally
    ) async throws -> Bool {
        let (scene, scratch) = try await SceneTemplates.shared.copy(template)
        defer { Task { await SceneTemplates.shared.remove(scratch) } }
        let hook = WriteCommand(name: "cabinet hook", arguments: ["cabinet", "hook", "CAB-01"])
        let trace = scratch.appendingPathComponent("trace")
        let target = path == "." ? scene.path : scene.appendingPathComponent(path).path
        let argv = try hookArgv(
            (FaultRig.tools.namespace ?? []) + [FaultRig.strace, "-f", "--quiet=all"] + FaultRig.tools.seccomp
                + [
                    "-o", trace.path, "-y", "-e", "trace=\(kind.syscall)", "-P", target, "-e",
                    "inject=\(kind.syscall):\(kind.injection):when=\(when)",
                ])
        let environment = try hook.environment(scene, scratch: scratch)
        var link = try await ProcessCabinetChannel.spawn(
            executable: argv[0], arguments: Array(argv.dropFirst()), environment: environment, responseTimeout: .seconds(60))
        let cabinet = CabinetCLIScene.cabinet(over: link)
        var run = DoorSession()
        await doorSession(cabinet, from: nil, &run)
        tally.runs += 1
        let label = "cabinet hook under \(kind) at call \(onFile) of \(path) (thread call \(when))"
        var held = true
        func expect(_ condition: Bool, _ message: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation) {
            if !condition {
                held = false
                Issue.record("\(label): \(message())", sourceLocation: sourceLocation)
            }
        }
        // What strace did: the run counts as a fault only if it injected one.
        func injected() -> [Int] {
            FaultRig.calls(inTrace: (try? String(contentsOf: trace, encoding: .utf8)) ?? "", relativeTo: scene)
                .filter { $0.syscall == kind.syscall && $0.path == path }.enumerated().filter { $0.element.injected }.map(\.offset)
        }
        // strace counts `when=N` per thread: in a process that lives for many requests, each thread that reaches its
        // N-th call on the file gets the fault, so a session may meet it more than once before it is gone. Each time
        // the adapter does what the protocol says: `hello`, and on from the state the store has.
        var failures = 0
        while let failure = run.failure, failures < 8 {
            failures += 1
            // A refusal the adapter can show: the ledger's reason, one line.
            if let response = try? CabinetResponse(line: failure) {
                expect(!response.isOK && response.error?.reason != nil, "the answer is no error with a reason: \(failure)")
                expect(!(response.error?.message ?? "").contains("\n"), "the message is not one line: \(failure)")
            }
            // What was acknowledged is in the store; the reconciliation is all or nothing.
            let (state, bikeOut, findings) = try await cabinetState(run.session, in: scene, scratch: scratch)
            let reached = state.map { ["authorized": 1, "open": 2, "closed": 3, "reconciled": 4][$0] ?? 0 } ?? 0
            expect(
                reached >= run.acknowledged.count, "acknowledged \(run.acknowledged) but the store has the session \(state ?? "missing")")
            expect(
                (state == "reconciled") == bikeOut && bikeOut == (findings == 1),
                "half a reconciliation: \(state ?? "-"), bike out \(bikeOut), \(findings) findings")
            if failures == 1 {
                tally.effects["answered \(run.acknowledged.last ?? "nothing"), store at \(state ?? "none")", default: 0] += 1
            }
            if let ended = link.exitStatus {
                tally.statuses["hook ended: \(ended)", default: 0] += 1
                link = try await ProcessCabinetChannel.spawn(
                    executable: try ledgerPath(), arguments: ["cabinet", "hook", "CAB-01"], environment: environment,
                    responseTimeout: .seconds(60))
                await cabinet.reconnect(over: link)
            }
            run.failure = nil
            if state == "reconciled" {
                run.acknowledged.append("reconciled")
            } else {
                await doorSession(cabinet, from: state, &run)
            }
        }
        if failures == 0 { tally.effects["answered every step", default: 0] += 1 }
        expect(run.acknowledged.last == "reconciled" && run.failure == nil, "the session did not finish: \(run)")
        try await link.finishWriting()
        let exit = try await link.exit(within: .seconds(60))
        let errors = link.standardErrorText
        expect(exit == .exited(0), "the hook ended with \(exit): \(errors)")
        tally.statuses["\(exit)", default: 0] += 1
        let verify = try await plain(verifyCommand(hook), in: scene, scratch: scratch)
        expect(verify.status == 0, "verify: \(verify.summary)")
        let rebuild = try await plain(WriteCommand(name: "rebuild", arguments: ["rebuild", "--check"]), in: scene, scratch: scratch)
        expect(rebuild.status == 0, "rebuild --check: \(rebuild.summary)")
        let (state, bikeOut, findings) = try await cabinetState(run.session, in: scene, scratch: scratch)
        expect(
            state == "reconciled" && bikeOut && findings == 1,
            "after the session: \(state ?? "-"), bike out \(bikeOut), \(findings) findings")
        let entries = try StoreState.read(scene.appendingPathComponent("ledger.db")).entries.count
        expect(entries == finalEntries, "\(entries) entries after the session, \(finalEntries) after a clean one")
        let hits = injected()
        guard !hits.isEmpty else { return false }
        tally.injected += 1
        if held { tally.survived += 1 }
        let exact = hits == [onFile - 1]
        if exact { tally.onTarget += 1 }
        return exact
    }

    // MARK: Other agencies

    /// Three stores in one directory, all with `--signatures optional`: the police (`police.db`), the procuratorate
    /// (`proc.db`) and the court (`court.db`), each the other's peer with the witness keys recorded. The police sent
    /// transfer T1 (`bundle1.txt`, two items), which the procuratorate received (`receipt1.txt`, not yet closed), and
    /// T2 (`bundle2.txt`, one item), not yet received; `add.txt` is the police's consistency proof from the size the
    /// procuratorate witnessed; the court's log was forked behind its back and the procuratorate froze it. The ids
    /// are in `t1.id` and `t2.id`.
    static let transfers = Scene(
        name: "transfers",
        build: { directory in
            @discardableResult
            func run(_ arguments: [String], _ store: String) async throws -> String {
                try await setup(arguments, in: directory, store: store)
            }
            func write(_ text: String, _ name: String) throws {
                try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            for (store, code, name, kind) in [
                ("police.db", "370321", "临淄区公安分局", "police"), ("proc.db", "370321J", "临淄区人民检察院", "procuratorate"),
                ("court.db", "370321F", "临淄区人民法院", "court"), ("other.db", "370322", "另一公安分局", "police"),
            ] {
                try await run(["init", "--agency-code", code, "--agency-name", name, "--kind", kind, "--signatures", "optional"], store)
                try write(try await run(["key"], store), store.replacingOccurrences(of: ".db", with: ".vkey"))
            }
            for (badge, role, store) in [
                ("000001", "supervisor", "police.db"), ("000002", "officer", "police.db"), ("000003", "officer", "police.db"),
                ("000004", "clerk", "police.db"), ("100001", "supervisor", "proc.db"), ("100004", "clerk", "proc.db"),
                ("200001", "supervisor", "court.db"),
            ] {
                let first = ["000001", "100001", "200001"].contains(badge)
                try await run(
                    ["officer", "add", badge, "--name", "人员\(badge)", "--role", role]
                        + (first ? [] : ["--actor", badge.prefix(1) + "00001"]), store)
            }
            try write(try await run(["witness", "key"], "proc.db"), "proc.wkey")
            try write(try await run(["witness", "key"], "court.db"), "court.wkey")
            try await run(["peer", "add", "police", "--key", "police.vkey", "--actor", "100001"], "proc.db")
            try await run(["peer", "add", "court", "--key", "court.vkey", "--actor", "100001"], "proc.db")
            try await run(["peer", "add", "procuratorate", "--key", "proc.vkey", "--actor", "000001"], "police.db")
            try await run(["peer", "witness-key", "procuratorate", "--key", "proc.wkey", "--actor", "000001"], "police.db")
            try await run(["peer", "add", "court", "--key", "court.vkey", "--actor", "000001"], "police.db")
            try await run(["case", "open", "JC1", "--kind", "criminal", "--title", "审查起诉", "--actor", "100001"], "proc.db")
            try await run(["location", "add", "ROOM-1", "--kind", "room", "--name", "保管室", "--actor", "000004"], "police.db")
            try await run(["case", "open", "A1", "--kind", "criminal", "--title", "盗窃案", "--actor", "000002"], "police.db")
            for number in 1...5 {
                try await run(
                    [
                        "item", "register", "--case", "A1", "--name", "物证\(number)", "--quantity", "1", "--unit", "件", "--seized-by",
                        "000002,000003",
                    ]
                        + ["--actor", "000002"], "police.db")
                try await run(["checkin", item(number), "--to", "ROOM-1", "--actor", "000004"], "police.db")
            }
            func transfer(_ objects: [String], _ out: String, peerSize: String?) async throws -> String {
                let created = try await run(
                    [
                        "transfer", "create", "--to", "procuratorate", "--case", "A1", "--objects", objects.joined(separator: ","), "--out",
                        out,
                    ]
                        + (peerSize.map { ["--peer-size", $0] } ?? []) + ["--actor", "000004", "--json"], "police.db")
                let json = try JSONSerialization.jsonObject(with: Data(created.utf8)) as? [String: Any]
                return try #require(json?["transfer"] as? String)
            }
            try write(try await transfer([item(1), item(2)], "bundle1.txt", peerSize: nil), "t1.id")
            try await run(
                [
                    "transfer", "receive", "bundle1.txt", "--case", "JC1", "--confirm", "all", "--receipt-out", "receipt1.txt", "--actor",
                    "100004",
                ],
                "proc.db")
            let peers =
                try JSONSerialization.jsonObject(with: Data(try await run(["peer", "list", "--json"], "proc.db").utf8)) as? [String: Any]
            let police = (peers?["peers"] as? [[String: Any]])?.first { $0["name"] as? String == "police" }
            let held = try #require(police?["witnessedSize"] as? Int)
            try write(try await transfer([item(3)], "bundle2.txt", peerSize: String(held)), "t2.id")
            try write(String(held), "held.size")
            try write(try await run(["prove", "--consistency", String(held)], "police.db"), "add.txt")
            // The court's log forked: a copy with the same key grows differently; the procuratorate sees both.
            for suffix in ["", ".key", ".checkpoint"] {
                try FileManager.default.copyItem(
                    at: directory.appendingPathComponent("court.db" + suffix), to: directory.appendingPathComponent("fork.db" + suffix))
            }
            try await run(["officer", "add", "200002", "--name", "甲", "--role", "clerk", "--actor", "200001"], "court.db")
            try await run(["officer", "add", "299999", "--name", "乙", "--role", "clerk", "--actor", "200001"], "fork.db")
            try write(try await run(["prove", "--consistency", "0"], "court.db"), "court-add.txt")
            try write(try await run(["prove", "--consistency", "0"], "fork.db"), "fork-add.txt")
            try await run(["witness", "add-checkpoint", "court-add.txt", "--actor", "100001"], "proc.db")
            let forked = try await plain(
                WriteCommand(
                    name: "fork", arguments: ["witness", "add-checkpoint", "fork-add.txt", "--actor", "100001"], store: "proc.db"),
                in: directory, scratch: directory.deletingLastPathComponent())
            try #require(forked.status == 2, "the fork freezes the court: \(forked.summary)")
        },
        followUp: { store in
            store == "proc.db"
                ? WriteCommand(
                    name: "case progress", arguments: ["case", "progress", "JC1", "--note", "故障之后", "--actor", "100001"], store: store)
                : WriteCommand(
                    name: "case progress", arguments: ["case", "progress", "A1", "--note", "故障之后", "--actor", "000002"], store: store)
        })

    /// The transfer id a message names.
    static func transferID(in message: String) -> String {
        message.range(of: "[0-9a-f]{32}", options: .regularExpression).map { String(message[$0]) } ?? "none"
    }

    static func transferCommands(_ template: URL) throws -> [WriteCommand] {
        let t1 = try String(contentsOf: template.appendingPathComponent("t1.id"), encoding: .utf8)
        let held = try String(contentsOf: template.appendingPathComponent("held.size"), encoding: .utf8)
        // What the procuratorate does with a bundle, and the police with its receipt: the proof that a bundle or
        // receipt written again after a fault is the real thing.
        let receiveThird = WriteCommand(
            name: "transfer receive (the bundle written again)",
            arguments: ["transfer", "receive", "bundle3.txt", "--case", "JC1", "--confirm", "all", "--receipt-out", "receipt3.txt"]
                + ["--actor", "100004"], store: "proc.db")
        let closeSecond = WriteCommand(
            name: "transfer close (the receipt written again)", arguments: ["transfer", "close", "receipt2.txt"] + clerk, store: "police.db"
        )
        return [
            WriteCommand(
                name: "transfer create",
                arguments: ["transfer", "create", "--to", "procuratorate", "--case", "A1", "--objects", item(4), "--peer-size", held]
                    + ["--out", "bundle3.txt"] + clerk,
                store: "police.db",
                finish: { message in
                    [
                        WriteCommand(
                            name: "transfer bundle",
                            arguments: ["transfer", "bundle", transferID(in: message), "--peer-size", held, "--out", "bundle3.txt"],
                            store: "police.db"),
                        receiveThird,
                    ]
                }),
            WriteCommand(
                name: "transfer receive",
                arguments: ["transfer", "receive", "bundle2.txt", "--case", "JC1", "--confirm", "all", "--receipt-out", "receipt2.txt"]
                    + ["--actor", "100004"], store: "proc.db",
                finish: { message in
                    [
                        WriteCommand(
                            name: "transfer receipt",
                            arguments: ["transfer", "receipt", transferID(in: message), "--peer-size", "0", "--out", "receipt2.txt"],
                            store: "proc.db"),
                        closeSecond,
                    ]
                }),
            WriteCommand(name: "transfer close", arguments: ["transfer", "close", "receipt1.txt"] + clerk, store: "police.db"),
            WriteCommand(
                name: "transfer receipt", arguments: ["transfer", "receipt", t1, "--peer-size", "0", "--out", "receipt1b.txt"],
                store: "proc.db"),
            WriteCommand(
                name: "witness add-checkpoint", arguments: ["witness", "add-checkpoint", "add.txt", "--actor", "100001"], store: "proc.db"),
            WriteCommand(
                name: "peer unfreeze", arguments: ["peer", "unfreeze", "court", "--reason", "已与法院核对", "--actor", "100001"], store: "proc.db"
            ),
            WriteCommand(name: "peer add", arguments: ["peer", "add", "other", "--key", "other.vkey"] + supervisor, store: "police.db"),
            WriteCommand(
                name: "peer witness-key", arguments: ["peer", "witness-key", "court", "--key", "court.wkey"] + supervisor,
                store: "police.db"),
            WriteCommand(name: "witness key", arguments: ["witness", "key"], store: "police.db"),
        ]
    }

    @Test func transferCommandsSurviveEveryFault() async throws {
        let figures = try await Self.exercise(in: Self.transfers, commands: Self.transferCommands)
        #expect(figures.values.reduce(0) { $0 + $1.injected } > 0)
    }

    // MARK: A new store, proofs and files

    /// The custody scene for commands that sign a checkpoint or write a file beside the store, and `init` in an empty
    /// directory.
    static let fresh = Scene(
        name: "fresh", build: { _ in },
        followUp: { _ in WriteCommand(name: "officer add", arguments: ["officer", "add", "000001", "--name", "魏江", "--role", "supervisor"])
        })

    @Test func initSurvivesEveryFault() async throws {
        let initialise = WriteCommand(
            name: "init", arguments: ["init", "--agency-code", "370321", "--agency-name", "临淄区公安分局", "--kind", "police"], effect: .newStore)
        let figures = try await Self.exercise([initialise], in: Self.fresh)
        #expect(figures.values.reduce(0) { $0 + $1.injected } > 0)
    }

    static let proofCommands: [WriteCommand] = [
        WriteCommand(name: "prove", arguments: ["prove", "3"]),
        WriteCommand(name: "history --proof", arguments: ["history", item(2), "--proof"]),
        WriteCommand(name: "bulletin --out", arguments: ["bulletin", "--out", "bulletin.txt"]),
    ]

    @Test func proofsAndFilesSurviveEveryFault() async throws {
        let figures = try await Self.exercise(Self.proofCommands, in: Self.custody)
        #expect(figures.values.reduce(0) { $0 + $1.injected } > 0)
    }

    @Test func custodyCommandsSurviveEveryFault() async throws {
        let figures = try await Self.exercise(Self.custodyCommands, in: Self.custody)
        #expect(figures.values.reduce(0) { $0 + $1.injected } > 0)
    }
}
