import CabinetSimulator
import Foundation
import Testing

@testable import PropertyLedger
@testable import ledger

#if canImport(Glibc)
    import Glibc
#endif

/// Every kind of command that writes, killed with SIGKILL at random moments (issue 14, beside ``CrashTests``, which
/// kills a loop of bare appends): sweeps to central storage, a cabinet's reconciliation, transfers created, received
/// and closed, policy changes, projection repairs, key enrolments, registrations. Each command is killed many times,
/// each time in a fresh copy of a scene whose workload is large (a sweep of 302 dossiers, transfers of 150 objects),
/// half the time near the moment a clean run starts writing, so that kills land inside its transaction. Afterwards: the log verifies and its projections are what it produces; every entry
/// there before is there byte for byte; the command's entries are all there or none (all when it had printed its
/// result); and the command run again succeeds (or, when it had committed, the next write does).
///
/// Where a kill landed is read from what it left: the process had exited by itself; it was killed before it wrote
/// anything of its transaction; the WAL holds frames of an uncommitted transaction (killed while writing it); or its
/// entries are committed, before or after it printed its result.
@Suite(.offThePool)
struct KillDuringWritesCLITests {
    static let runs = 15

    /// Where the kills of one command landed.
    struct Landing: Sendable, CustomStringConvertible {
        var runs = 0
        var aimed = 0
        var exitedFirst = 0
        var beforeWriting = 0
        var inTransaction = 0
        var whileWriting = 0
        var committedNotPrinted = 0
        var committedAndPrinted = 0
        var survived = 0
        var description: String {
            "\(runs) kills (\(aimed) by strace at a write): \(midCommand) while it ran — \(inTransaction) holding the write lock, "
                + "\(whileWriting) with frames of its transaction in the WAL, \(beforeWriting) before it wrote, \(committedNotPrinted) after "
                + "the commit and before the result, \(committedAndPrinted) after the result — and \(exitedFirst) after it had exited; "
                + "\(survived) survived"
        }
        var midCommand: Int { beforeWriting + whileWriting + committedNotPrinted + committedAndPrinted }
    }

    // MARK: The engine

    /// Kills `command` `runs` times, each in a fresh copy of `template`, and checks each run. Half the kills come at a
    /// random moment of a clean run's time (the write lock, probed as the kill is sent, says whether the command was
    /// inside a write transaction); the other half are sent by strace as the command enters one of its writes — a
    /// `pwrite64` or `fdatasync` of the store, a `write`, `fsync` or `rename` of a file beside it — chosen at random
    /// among those a clean run makes, so that they land inside writes a timer would almost never hit.
    static func killAtRandom(
        _ command: WriteCommand, template: URL, followUp: WriteCommand, runs: Int = runs
    ) async throws -> Landing {
        let (clean, cleanTime, writes) = try await cleanRun(command, template: template)
        var landing = Landing()
        for run in 1...runs {
            let (scene, scratch) = try await SceneTemplates.shared.copy(template)
            defer { try? FileManager.default.removeItem(at: scratch) }
            try command.prepare?(scene)
            let before = try StoreState.read(scene.appendingPathComponent(command.store))
            let outcome: FaultRig.Outcome
            let label: String
            var locked = false
            if run % 2 == 0, FaultRig.tools.usable, let write = writes.randomElement() {
                let kind = FaultKind(syscall: write.call.syscall, error: "SIGKILL")
                outcome = try await FaultRig.inject(kind, at: write.call.path, call: write.onThread, command, in: scene, scratch: scratch)
                label = "\(command.name), kill \(run) by strace at \(write.call.syscall) call \(write.onThread) of \(write.call.path)"
                landing.aimed += 1
            } else {
                let delay = cleanTime * Double.random(in: 0...1.1)
                let shm = scene.appendingPathComponent(command.store + "-shm").path
                let running = try FaultRig.Running(
                    command.argv(ledger: try FaultInjectionCLITests.ledgerPath(), scratch: scratch),
                    environment: try command.environment(scene, scratch: scratch), in: scene, scratch: scratch)
                try await Task.sleep(until: running.started + delay)
                if running.isRunning {
                    locked = SQLiteLocks.writeLockHeld(shm)
                    running.kill()
                }
                outcome = await running.outcome()
                label = "\(command.name), kill \(run) after \(delay)"
            }
            landing.runs += 1
            let uncommitted = WALFrames.uncommitted(scene.appendingPathComponent(command.store + "-wal"))
            var held = true
            func expect(_ condition: Bool, _ message: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation) {
                if !condition {
                    held = false
                    Issue.record("\(label): \(message())", sourceLocation: sourceLocation)
                }
            }
            if !outcome.signalled {
                expect(outcome.status == 0, "it ended by itself, with \(outcome.summary)")
            }
            let verify = try await FaultInjectionCLITests.plain(FaultInjectionCLITests.verifyCommand(command), in: scene, scratch: scratch)
            expect(verify.status == 0, "verify: \(verify.summary)")
            let rebuild = try await FaultInjectionCLITests.plain(
                WriteCommand(name: "rebuild", arguments: ["rebuild", "--check"], store: command.store), in: scene, scratch: scratch)
            if command.effect != .projections { expect(rebuild.status == 0, "rebuild --check: \(rebuild.summary)") }
            let state = try StoreState.read(scene.appendingPathComponent(command.store))
            expect(Array(state.entries.prefix(before.entries.count)) == before.entries, "an entry there before changed or went")
            let added = state.entries.count - before.entries.count
            let whole = clean.after.entries.count - clean.before.entries.count
            let committed: Bool
            switch command.effect {
            case .projections: committed = rebuild.status == 0
            default:
                committed = added == whole && added > 0
                expect(added == 0 || added == whole, "\(added) of its \(whole) entries are in the log")
            }
            let printed = !outcome.stdout.isEmpty
            if printed || !outcome.signalled { expect(committed, "it printed its result, but its entries are not all there") }
            if locked { landing.inTransaction += 1 }
            if !outcome.signalled {
                landing.exitedFirst += 1
            } else if committed {
                if printed { landing.committedAndPrinted += 1 } else { landing.committedNotPrinted += 1 }
            } else if uncommitted > 0 {
                landing.whileWriting += 1
            } else {
                landing.beforeWriting += 1
            }
            // A file the command makes is whole or absent (an interrupted atomic write leaves at most its temporary file).
            for file in clean.created {
                let path = scene.appendingPathComponent(file).path
                if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int {
                    expect(size == clean.files[file] ?? size || size > 0, "\(file) is empty")
                }
            }
            // Once the process is gone the store works: the command again when it had not committed, else the next one.
            let next = committed ? command.afterCommit?() ?? followUp : command
            let again = try await FaultInjectionCLITests.plain(next, in: scene, scratch: scratch)
            expect(again.status == 0, "\(committed ? "the next write" : "run again"): \(again.summary)")
            if !committed, command.effect == .log {
                _ = try await FaultInjectionCLITests.plain(FaultInjectionCLITests.verifyCommand(command), in: scene, scratch: scratch)
                let final = try StoreState.read(scene.appendingPathComponent(command.store))
                expect(final.entries.count == clean.after.entries.count, "run again: \(final.entries.count - before.entries.count) entries")
            }
            if held { landing.survived += 1 }
        }
        print("kill \(command.name): \(landing)")
        return landing
    }

    /// A write a kill can be aimed at: a call of a clean run on a file of the scene, and its number among its thread's
    /// calls on that file (what strace counts).
    struct Write: Sendable {
        let call: FaultRig.Call
        let onThread: Int
    }

    /// The command run to its end in a copy of `template`, traced: what it changes, how long it takes untraced (a
    /// second run), and the writes a kill can be aimed at.
    static func cleanRun(_ command: WriteCommand, template: URL) async throws -> (FaultInjectionCLITests.Baseline, Duration, [Write]) {
        let traced =
            FaultRig.tools.usable ? try await FaultInjectionCLITests.countingRun(command, template: template, syscalls: Self.aimed) : nil
        let (scene, scratch) = try await SceneTemplates.shared.copy(template)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try command.prepare?(scene)
        let files = fileListing(scene)
        let before = try StoreState.read(scene.appendingPathComponent(command.store))
        let started = ContinuousClock.now
        let outcome = try await FaultInjectionCLITests.plain(command, in: scene, scratch: scratch)
        let took = ContinuousClock.now - started
        try #require(outcome.status == 0, "\(command.name) without a kill: \(outcome.summary)")
        _ = try await FaultInjectionCLITests.plain(FaultInjectionCLITests.verifyCommand(command), in: scene, scratch: scratch)
        let after = try StoreState.read(scene.appendingPathComponent(command.store))
        let created = Set(fileListing(scene).keys).subtracting(files.keys).filter { !FaultInjectionCLITests.isStoreFile($0) }
        let calls = (traced?.calls ?? []).filter { $0.inScene && $0.path != "." }
        let writes = calls.indices.map { index in
            Write(
                call: calls[index],
                onThread: calls[...index].filter {
                    $0.path == calls[index].path && $0.thread == calls[index].thread
                        && $0.syscall == calls[index].syscall
                }.count)
        }
        print("kill \(command.name): a clean run takes \(took) and makes \(writes.count) writes a kill can be aimed at")
        return (FaultInjectionCLITests.Baseline(before: before, after: after, files: files, created: created, calls: []), took, writes)
    }

    /// The calls strace kills at: the store's own writes and syncs, and the writes, syncs and renames of the files beside it.
    static let aimed = "pwrite64,fdatasync,write,fsync,rename"

    /// Records `commands` as `actor` in one transaction of the store at `path`, opened as the tool opens it (with its
    /// modules): a scene's bulk, written in a moment rather than a process per entry.
    static func bulk(_ path: URL, actor: String, _ commands: [CustodyCommand]) async throws -> [String] {
        let store = try await LedgerStore.open(StorePaths(database: path.path), modules: CommandContext.modules)
        return try await store.transaction(actor: actor) { transaction in
            try commands.map { try transaction.record($0).entry.event.object ?? "" }
        }
    }

    // MARK: Scenes

    static let clerk = FaultInjectionCLITests.clerk
    static let supervisor = FaultInjectionCLITests.supervisor
    static func item(_ number: Int) -> String { FaultInjectionCLITests.item(number) }
    static let dossiers = 300
    static let transferred = 150

    /// The custody scene, and 300 more dossiers of case A1 in the cabinet: the sweep a month on moves 302 in one
    /// transaction.
    static let vault = FaultInjectionCLITests.Scene(
        name: "kill-vault",
        build: { directory in
            try await FaultInjectionCLITests.custody.build(directory)
            let store = directory.appendingPathComponent("ledger.db")
            let ids = try await bulk(
                store, actor: "000002",
                (1...dossiers).map { .registerDossier(DossierRegistration(caseNumber: "A1", volume: $0, volumes: dossiers, pages: 10)) })
            _ = try await bulk(store, actor: "000004", ids.map { .checkIn(object: $0, location: "CAB-01", caseNumber: nil) })
            // Keys: the supervisor's own, and clerk 000005's, witnessed by him.
            let pass = FaultInjectionCLITests.pass
            try await FaultInjectionCLITests.setup(
                ["officer", "enroll", "000001", "--actor", "000001", "--new-passphrase-fd", "4"], in: directory, fd4: pass("000001"))
            try await FaultInjectionCLITests.setup(
                ["officer", "enroll", "000005", "--actor", "000001", "--passphrase-fd", "3", "--new-passphrase-fd", "4"], in: directory,
                fd3: pass("000001"), fd4: pass("000005"))
        },
        followUp: FaultInjectionCLITests.custody.followUp)

    static let vaultCommands: [WriteCommand] = [
        WriteCommand(
            name: "dossier sweep --record",
            arguments: ["dossier", "sweep", "--record", "--to", "CENTRAL", "--as-of", VaultCLIScene.monthAhead] + clerk),
        WriteCommand(
            name: "policy set",
            arguments: ["policy", "set", "intake.limit", "3d", "--reason", "交接需时"] + supervisor + ["--passphrase-fd", "3"],
            fd3: FaultInjectionCLITests.pass("000001")),
        WriteCommand(
            name: "rebuild --repair", arguments: ["rebuild", "--repair"],
            prepare: { directory in
                let database = try Database(path: directory.appendingPathComponent("ledger.db").path)
                try database.execute("UPDATE officers SET name = '别人' WHERE badge = '000001'")
                try database.execute("DELETE FROM locations WHERE code = 'ROOM-1'")
            }, effect: .projections),
        WriteCommand(
            name: "officer enroll",
            arguments: ["officer", "enroll", "000003", "--actor", "000001", "--passphrase-fd", "3", "--new-passphrase-fd", "4"],
            fd3: FaultInjectionCLITests.pass("000001"), fd4: FaultInjectionCLITests.pass("000003")),
        WriteCommand(
            name: "officer rekey",
            arguments: ["officer", "rekey", "000005", "--actor", "000005", "--passphrase-fd", "3", "--new-passphrase-fd", "4"],
            fd3: FaultInjectionCLITests.pass("000005"), fd4: "clerk five's new passphrase\n",
            afterCommit: {
                // The new key signs: the rekey is whole, whenever it was killed after its entry.
                WriteCommand(
                    name: "location add, signed with the new key",
                    arguments: [
                        "location", "add", "AFTER-5", "--kind", "room", "--name", "新钥匙", "--actor", "000005", "--passphrase-fd", "3",
                    ],
                    fd3: "clerk five's new passphrase\n")
            }),
        WriteCommand(
            name: "item register",
            arguments: [
                "item", "register", "--case", "A1", "--name", "手机", "--quantity", "1", "--unit", "部", "--seized-by", "000002,000003",
            ]
                + ["--actor", "000002"]),
    ]

    @Test(arguments: vaultCommands.map(\.name))
    func killedVaultAndCustodyWritesAreAllOrNothing(_ name: String) async throws {
        let command = try #require(Self.vaultCommands.first { $0.name == name })
        let template = try await SceneTemplates.shared.template(Self.vault.name, build: Self.vault.build)
        let landing = try await Self.killAtRandom(command, template: template, followUp: Self.vault.followUp(command.store))
        #expect(landing.survived == landing.runs)
        #expect(landing.midCommand > 0, "no kill landed while \(name) ran: \(landing)")
    }

    /// Bigger transfers: T1 of 150 items received (its receipt not yet closed), T2 of 150 not yet received, and 150
    /// more items in storage for a third.
    static let bigTransfers = FaultInjectionCLITests.Scene(
        name: "kill-transfers",
        build: { directory in
            @discardableResult
            func run(_ arguments: [String], _ store: String) async throws -> String {
                try await FaultInjectionCLITests.setup(arguments, in: directory, store: store)
            }
            for (store, code, name, kind) in [
                ("police.db", "370321", "临淄区公安分局", "police"), ("proc.db", "370321J", "临淄区人民检察院", "procuratorate"),
            ] {
                try await run(["init", "--agency-code", code, "--agency-name", name, "--kind", kind, "--signatures", "optional"], store)
                try (try await run(["key"], store)).write(
                    to: directory.appendingPathComponent(store.replacingOccurrences(of: ".db", with: ".vkey")), atomically: true,
                    encoding: .utf8)
            }
            for (badge, role, store) in [
                ("000001", "supervisor", "police.db"), ("000002", "officer", "police.db"), ("000003", "officer", "police.db"),
                ("000004", "clerk", "police.db"), ("100001", "supervisor", "proc.db"), ("100004", "clerk", "proc.db"),
            ] {
                let first = ["000001", "100001"].contains(badge)
                try await run(
                    ["officer", "add", badge, "--name", "人员\(badge)", "--role", role]
                        + (first ? [] : ["--actor", badge.prefix(1) + "00001"]), store)
            }
            try await run(["peer", "add", "police", "--key", "police.vkey", "--actor", "100001"], "proc.db")
            try await run(["peer", "add", "procuratorate", "--key", "proc.vkey", "--actor", "000001"], "police.db")
            try await run(["case", "open", "JC1", "--kind", "criminal", "--title", "审查起诉", "--actor", "100001"], "proc.db")
            try await run(["location", "add", "ROOM-1", "--kind", "room", "--name", "保管室", "--actor", "000004"], "police.db")
            try await run(["case", "open", "A1", "--kind", "criminal", "--title", "盗窃案", "--actor", "000002"], "police.db")
            let police = directory.appendingPathComponent("police.db")
            let items = try await bulk(
                police, actor: "000002",
                (1...(3 * transferred)).map {
                    .registerItem(
                        ItemRegistration(
                            caseNumber: "A1", name: "物证\($0)", quantity: "1", unit: "件", features: nil, seizedAt: Date(),
                            seizedBy: ["000002", "000003"]))
                })
            _ = try await bulk(police, actor: "000004", items.map { .checkIn(object: $0, location: "ROOM-1", caseNumber: nil) })
            func send(_ range: ClosedRange<Int>, _ out: String, peerSize: Int?) async throws {
                try await run(
                    [
                        "transfer", "create", "--to", "procuratorate", "--case", "A1", "--objects", range.map(item).joined(separator: ","),
                        "--out", out,
                    ]
                        + (peerSize.map { ["--peer-size", String($0)] } ?? []) + clerk, "police.db")
            }
            try await send(1...transferred, "bundle1.txt", peerSize: nil)
            try await run(
                [
                    "transfer", "receive", "bundle1.txt", "--case", "JC1", "--confirm", "all", "--receipt-out", "receipt1.txt", "--actor",
                    "100004",
                ],
                "proc.db")
            let peers =
                try JSONSerialization.jsonObject(with: Data(try await run(["peer", "list", "--json"], "proc.db").utf8)) as? [String: Any]
            let held = try #require((peers?["peers"] as? [[String: Any]])?.first?["witnessedSize"] as? Int)
            try await send((transferred + 1)...(2 * transferred), "bundle2.txt", peerSize: held)
            try String(held).write(to: directory.appendingPathComponent("held.size"), atomically: true, encoding: .utf8)
        },
        followUp: FaultInjectionCLITests.transfers.followUp)

    static func transferCommands(_ template: URL) throws -> [WriteCommand] {
        let held = try String(contentsOf: template.appendingPathComponent("held.size"), encoding: .utf8)
        return [
            WriteCommand(
                name: "transfer create",
                arguments: ["transfer", "create", "--to", "procuratorate", "--case", "A1", "--objects"]
                    + [
                        ((2 * transferred + 1)...(3 * transferred)).map(item).joined(separator: ","), "--peer-size", held, "--out",
                        "bundle3.txt",
                    ]
                    + clerk, store: "police.db"),
            WriteCommand(
                name: "transfer receive",
                arguments: ["transfer", "receive", "bundle2.txt", "--case", "JC1", "--confirm", "all", "--receipt-out", "receipt2.txt"]
                    + ["--actor", "100004"], store: "proc.db"),
            WriteCommand(name: "transfer close", arguments: ["transfer", "close", "receipt1.txt"] + clerk, store: "police.db"),
        ]
    }

    @Test(arguments: ["transfer create", "transfer receive", "transfer close"])
    func killedTransfersAreAllOrNothing(_ name: String) async throws {
        let template = try await SceneTemplates.shared.template(Self.bigTransfers.name, build: Self.bigTransfers.build)
        let command = try #require(try Self.transferCommands(template).first { $0.name == name })
        let landing = try await Self.killAtRandom(command, template: template, followUp: Self.bigTransfers.followUp(command.store))
        #expect(landing.survived == landing.runs)
        #expect(landing.midCommand > 0, "no kill landed while \(name) ran: \(landing)")
    }

    // MARK: A cabinet's reconciliation

    /// The hook is killed while it reconciles: the door has closed, the rounds have run up to the one that settles,
    /// and that round is sent; the kill comes at a random moment of the time a clean reconciliation takes. A new hook
    /// then finishes the session from where the store has it.
    @Test func aKilledReconciliationIsAllOrNothing() async throws {
        let scene = FaultInjectionCLITests.cabinet
        let template = try await SceneTemplates.shared.template(scene.name, build: scene.build)
        let hook = WriteCommand(name: "cabinet hook", arguments: ["cabinet", "hook", "CAB-01"])
        var landing = Landing()
        var settle: Duration = .milliseconds(50)
        for run in 0...Self.runs {
            let (directory, scratch) = try await SceneTemplates.shared.copy(template)
            defer { try? FileManager.default.removeItem(at: scratch) }
            let environment = try hook.environment(directory, scratch: scratch)
            func spawn() async throws -> ProcessCabinetChannel {
                try await ProcessCabinetChannel.spawn(
                    executable: try FaultInjectionCLITests.ledgerPath(), arguments: ["cabinet", "hook", "CAB-01"], environment: environment,
                    responseTimeout: .seconds(60))
            }
            let link = try await spawn()
            let cabinet = CabinetCLIScene.cabinet(over: link)
            // Up to the door closing, then rounds until the next one would settle (a clean run counts them).
            _ = try await cabinet.hello()
            let allowed = try await cabinet.authorize(card: CabinetCLIScene.card)
            let session = try #require(allowed.session, "\(allowed.line)")
            #expect(try await cabinet.openDoor(session: session).isOK)
            _ = try await cabinet.take(uid: CabinetCLIScene.bikeChip)
            _ = try await cabinet.take(uid: CabinetCLIScene.phoneChip)
            #expect(try await cabinet.closeDoor(session: session).isOK)
            var rounds = 0
            while true {
                let started = ContinuousClock.now
                if run > 0 && rounds == Self.settlingRounds - 1 {
                    // The round that settles: sent, and the hook killed meanwhile.
                    let delay = settle * Double.random(in: 0...1.2)
                    let answer = Task { try? await cabinet.inventoryRound(session: session) }
                    try await Task.sleep(for: delay)
                    link.kill()
                    _ = try await link.exit(within: .seconds(30))
                    let answered = await answer.value
                    landing.runs += 1
                    let (state, bikeOut, findings) = try await FaultInjectionCLITests.cabinetState(session, in: directory, scratch: scratch)
                    let label = "reconciliation, kill \(run) after \(delay)"
                    var held = true
                    func expect(_ condition: Bool, _ message: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation)
                    {
                        if !condition {
                            held = false
                            Issue.record("\(label): \(message())", sourceLocation: sourceLocation)
                        }
                    }
                    expect(
                        (state == "reconciled") == bikeOut && bikeOut == (findings == 1),
                        "half a reconciliation: \(state ?? "-"), bike out \(bikeOut), \(findings) findings")
                    if answered?.reconciled != nil {
                        expect(state == "reconciled", "it answered reconciled, the store has \(state ?? "-")")
                    }
                    let uncommitted = WALFrames.uncommitted(directory.appendingPathComponent("ledger.db-wal"))
                    if state == "reconciled" {
                        if answered?.reconciled != nil { landing.committedAndPrinted += 1 } else { landing.committedNotPrinted += 1 }
                    } else if uncommitted > 0 {
                        landing.whileWriting += 1
                    } else {
                        landing.beforeWriting += 1
                    }
                    let verify = try await FaultInjectionCLITests.plain(
                        FaultInjectionCLITests.verifyCommand(hook), in: directory, scratch: scratch)
                    expect(verify.status == 0, "verify: \(verify.summary)")
                    let rebuild = try await FaultInjectionCLITests.plain(
                        WriteCommand(name: "rebuild", arguments: ["rebuild", "--check"]), in: directory, scratch: scratch)
                    expect(rebuild.status == 0, "rebuild --check: \(rebuild.summary)")
                    // A new hook finishes the session: hello, then fresh rounds until it settles.
                    if state != "reconciled" {
                        let second = try await spawn()
                        await cabinet.reconnect(over: second)
                        let hello = try await cabinet.hello()
                        expect(hello.fields["session"]?["state"]?.stringValue == "closed", "hello after the kill: \(hello.line)")
                        let settled = try await cabinet.inventoryUntilReconciled(session: session, maxRounds: 40)
                        expect(settled.reconciled != nil, "the session did not settle after the kill: \(settled.line)")
                        try await second.finishWriting()
                        expect(try await second.exit(within: .seconds(30)) == .exited(0), "the second hook did not end well")
                        let after = try await FaultInjectionCLITests.cabinetState(session, in: directory, scratch: scratch)
                        expect(after.state == "reconciled" && after.bikeOut && after.findings == 1, "after the second hook: \(after)")
                    }
                    if held { landing.survived += 1 }
                    break
                }
                let answer = try await cabinet.inventoryRound(session: session)
                rounds += 1
                if answer.reconciled != nil {
                    // The clean run (run 0): how many rounds settle, and how long the settling one takes.
                    if run == 0 {
                        Self.settlingRounds = rounds
                        settle = ContinuousClock.now - started
                    }
                    try await link.finishWriting()
                    _ = try await link.exit(within: .seconds(30))
                    break
                }
                try #require(answer.wantsAnotherRound && rounds < 40, "\(answer.line)")
            }
        }
        print("kill cabinet reconciliation: \(landing)")
        #expect(landing.survived == landing.runs)
        #expect(landing.runs == Self.runs)
    }

    nonisolated(unsafe) static var settlingRounds = 40
}

/// SQLite's locks, as another process sees them.
enum SQLiteLocks {
    /// Whether a process holds the WAL write lock of a store (byte 120 of its `-shm` file, SQLite's WAL_WRITE_LOCK):
    /// it is inside a write transaction. Asked with F_GETLK, which takes no lock.
    static func writeLockHeld(_ shm: String) -> Bool {
        let fd = open(shm, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 120
        lock.l_len = 1
        guard fcntl(fd, F_GETLK, &lock) == 0 else { return false }
        return lock.l_type != Int16(F_UNLCK)
    }
}

/// The frames of a WAL file that belong to no commit: what a process killed while writing a transaction leaves.
enum WALFrames {
    /// The number of valid frames (salts matching the header, checksums chaining) after the last commit frame.
    static func uncommitted(_ wal: URL) -> Int {
        guard let data = try? Data(contentsOf: wal), data.count >= 32 else { return 0 }
        let bytes = [UInt8](data)
        func word(_ offset: Int) -> UInt32 {
            bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
        }
        let magic = word(0)
        guard magic == 0x377f_0682 || magic == 0x377f_0683 else { return 0 }
        let bigEndian = magic & 1 == 1
        let pageSize = Int(word(8))
        let salts = (word(16), word(20))
        var sums = (word(24), word(28))
        func checksum(_ range: Range<Int>) {
            var offset = range.lowerBound
            while offset < range.upperBound {
                let (a, b) = bigEndian ? (word(offset), word(offset + 4)) : (littleWord(offset), littleWord(offset + 4))
                sums.0 = sums.0 &+ a &+ sums.1
                sums.1 = sums.1 &+ b &+ sums.0
                offset += 8
            }
        }
        func littleWord(_ offset: Int) -> UInt32 {
            bytes[offset..<offset + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) }
        }
        var valid = 0
        var lastCommit = 0
        var offset = 32
        while pageSize > 0, offset + 24 + pageSize <= bytes.count {
            guard (word(offset + 8), word(offset + 12)) == salts else { break }
            checksum(offset..<offset + 8)
            checksum(offset + 24..<offset + 24 + pageSize)
            guard sums == (word(offset + 16), word(offset + 20)) else { break }
            valid += 1
            if word(offset + 4) != 0 { lastCommit = valid }
            offset += 24 + pageSize
        }
        return valid - lastCommit
    }
}
