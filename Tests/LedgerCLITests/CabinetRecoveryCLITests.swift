import CabinetSimulator
import DossierVault
import Foundation
import Testing

@testable import PropertyLedger

/// A session goes on whoever dies in the middle of it: the adapter (it closes its end and comes back over a new
/// hook), the hook process (killed with SIGKILL, a new one started) or the `cabinet serve` daemon (killed, and
/// started again on the same socket) — at every step of a session.
/// And twenty cabinets at once on one daemon, while clerks write through the CLI, never see SQLITE_BUSY.
///
/// Serialized: each case starts and kills several `ledger` processes, and fifteen at once starved the PC/SC
/// suites running beside them on a 2-core CI machine.
@Suite(.serialized, .offThePool)
struct CabinetRecoveryCLITests {
    enum Step: String, CaseIterable, Sendable {
        case authorized, doorOpened, taken, doorClosed, firstRound
    }

    enum Death: String, CaseIterable, Sendable {
        /// The adapter closes its end and comes back over a new hook.
        case adapter
        /// The hook process is killed (SIGKILL); the adapter starts another.
        case ledger
        /// The `cabinet serve` daemon is killed (SIGKILL) and started again on the same socket path.
        case daemon
    }

    static let cases: [(Step, Death)] = Step.allCases.flatMap { step in Death.allCases.map { (step, $0) } }

    @Test(arguments: cases)
    func aSessionGoesOnAfterADeath(at step: Step, of death: Death) async throws {
        try await CabinetCLIScene.with { scene in
            let socket = scene.directory.appendingPathComponent("r.sock").path
            func daemon() async throws -> ProcessCabinetChannel {
                let started = try await ProcessCabinetChannel.spawn(
                    executable: try CLITests.productsDirectory().appendingPathComponent("ledger").path,
                    arguments: [
                        "--store", scene.directory.appendingPathComponent(CabinetCLIScene.store).path, "cabinet", "serve", "--socket",
                        socket,
                    ],
                    environment: scene.environment, responseTimeout: .seconds(60))
                _ = try await started.receiveLine(timeout: .seconds(60))
                return started
            }
            // The ledger's process: the hook (whose pipes are the link) or the daemon (a socket is).
            var ledger = death == .daemon ? try await daemon() : try await scene.hook()
            func link() async throws -> any CabinetChannel {
                death == .daemon ? try await SocketCabinetChannel.connect(to: socket, responseTimeout: .seconds(60)) : ledger
            }
            let cabinet = scene.cabinet(over: try await link())
            let session = try #require(try await cabinet.authorize(badge: "000002").session)
            var doorOpened = false
            var taken = false
            var doorClosed = false
            func die() async throws {
                switch death {
                case .adapter:
                    await cabinet.die()
                    ledger = try await scene.hook()
                case .ledger:
                    ledger.kill()
                    _ = try await ledger.exit(within: .seconds(30))
                    ledger = try await scene.hook()
                case .daemon:
                    ledger.kill()
                    _ = try await ledger.exit(within: .seconds(30))
                    // Its socket file is left behind: the next daemon finds it stale and takes its place.
                    ledger = try await daemon()
                }
                await cabinet.reconnect(over: try await link())
            }
            if step == .authorized { try await die() }
            if !doorOpened {
                #expect(try await cabinet.openDoor(session: session).isOK)
                doorOpened = true
            }
            if step == .doorOpened { try await die() }
            if !taken {
                try await cabinet.take(uid: CabinetCLIScene.bikeChip)
                taken = true
            }
            if step == .taken { try await die() }
            if !doorClosed {
                // Back from a death the adapter asks where the session stands.
                let hello = try await cabinet.hello()
                #expect(hello.fields["session"]?["state"]?.stringValue == "open", "\(hello.line)")
                #expect(try await cabinet.closeDoor(session: session).isOK)
                doorClosed = true
            }
            if step == .doorClosed { try await die() }
            if step == .firstRound {
                #expect(try await cabinet.inventoryRound(session: session).wantsAnotherRound)
                try await die()
            }
            let response = try await cabinet.inventoryUntilReconciled(session: session, maxRounds: 40)
            #expect(response.reconciled?.taken.compactMap(\.stringValue) == [scene.bike], "\(step) \(death): \(response.line)")
            #expect(response.reconciled?.findings.isEmpty == true, "\(response.line)")
            await cabinet.die()
            if death == .daemon { ledger.terminate() }
            _ = try await ledger.exit(within: .seconds(30))
            #expect(try scene.json(["show", scene.bike])["holder"] as? String == "000002")
            #expect((try scene.json(["findings"])["findings"] as? [Any])?.isEmpty == true)
            #expect(try scene.ledger(["rebuild", "--check"]).status == 0)
        }
    }

    @Test func twentyCabinetsAtOnceBesideClerksWriting() async throws {
        try await CLITests.withStore { directory, ledger in
            let store = directory.appendingPathComponent("ledger.db").path
            // Set up through the library (faster than a thousand commands); the daemon and the clerks use the CLI.
            do {
                let ledgerStore = try await LedgerStore.open(StorePaths(database: store), modules: [DossierVault()])
                try await ledgerStore.record(.addOfficer(badge: "000001", name: "魏江", unit: nil, role: .supervisor), actor: nil)
                try await ledgerStore.record(.addOfficer(badge: "000002", name: "李明", unit: nil, role: .officer), actor: "000001")
                try await ledgerStore.record(.addOfficer(badge: "000004", name: "张丽", unit: nil, role: .clerk), actor: "000001")
                try await ledgerStore.record(
                    .addLocation(code: "ROOM", name: "保管室", kind: .room, parent: nil, isCentral: false), actor: "000004")
                try await ledgerStore.record(
                    .openCase(number: "A1", title: "盗窃案", kind: .criminal, isPropertyCrime: true, unit: nil), actor: "000001")
                for number in 1...20 {
                    let cabinet = String(format: "CAB-%02d", number)
                    try await ledgerStore.record(
                        contentsOf: [
                            .addLocation(code: cabinet, name: "智能柜\(number)", kind: .cabinet, parent: "ROOM", isCentral: false),
                            .addLocation(code: cabinet + "-A", name: "A 格", kind: .slot, parent: cabinet, isCentral: false),
                        ], actor: "000004")
                    for tag in 1...3 {
                        let registered = try await ledgerStore.record(
                            .registerItem(
                                ItemRegistration(
                                    caseNumber: "A1", name: "物证", quantity: "1", unit: "件", seizedAt: Date(),
                                    seizedBy: ["000001", "000002"])),
                            actor: "000004")
                        let id = try #require(registered.entry.event.object)
                        try await ledgerStore.record(
                            contentsOf: [
                                .bindChip(object: id, uid: Self.uid(number, tag)),
                                .checkIn(object: id, location: cabinet + "-A", caseNumber: nil),
                            ],
                            actor: "000004")
                    }
                }
            }
            let socket = directory.appendingPathComponent("c.sock").path
            var environment = ProcessInfo.processInfo.environment
            for key in ["LC_ALL", "LC_MESSAGES", "LANG", "LEDGER_STORE"] { environment[key] = nil }
            environment["LEDGER_LANG"] = "en"
            let daemon = try await ProcessCabinetChannel.spawn(
                executable: try CLITests.productsDirectory().appendingPathComponent("ledger").path,
                arguments: ["--store", store, "cabinet", "serve", "--socket", socket], environment: environment,
                responseTimeout: .seconds(60))
            _ = try await daemon.receiveLine(timeout: .seconds(60))

            // Clerks write through the CLI the whole time, and a rebuild check reads the whole log meanwhile.
            let writers = Task.detached {
                var statuses: [Int32] = []
                let check = try CLITests.ledger(["--store", store, "rebuild", "--check"], in: directory)
                if check.status != 0 { print(check.stderr) }
                statuses.append(check.status)
                for number in 0..<15 {
                    let result = try CLITests.ledger(
                        ["--store", store, "case", "progress", "A1", "--note", "走访 \(number)", "--actor", "000001"], in: directory)
                    statuses.append(result.status)
                    if result.status != 0 { print(result.stderr) }
                }
                return statuses
            }
            // Twenty cabinets, three sessions each: a clerk opens, closes, and the rounds settle.
            let outcomes = try await withThrowingTaskGroup(of: [String].self) { group in
                for number in 1...20 {
                    group.addTask {
                        let code = String(format: "CAB-%02d", number)
                        let cabinet = SimulatedCabinet(
                            code: code, slots: [code + "-A"],
                            contents: (1...3).map { SimulatedTag(uid: Self.uid(number, $0), slot: code + "-A") },
                            link: try await SocketCabinetChannel.connect(to: socket, responseTimeout: .seconds(60)))
                        var problems: [String] = []
                        for _ in 1...3 {
                            let allowed = try await cabinet.authorize(badge: "000004")
                            guard let session = allowed.session else {
                                problems.append("\(code): \(allowed.line)")
                                continue
                            }
                            for response in [try await cabinet.openDoor(session: session), try await cabinet.closeDoor(session: session)]
                            where !response.isOK {
                                problems.append("\(code): \(response.line)")
                            }
                            let settled = try await cabinet.inventoryUntilReconciled(session: session, maxRounds: 40)
                            if settled.reconciled == nil || settled.reconciled?.findings.isEmpty != true {
                                problems.append("\(code): \(settled.line)")
                            }
                        }
                        await cabinet.die()
                        return problems
                    }
                }
                var all: [String] = []
                for try await problems in group { all += problems }
                return all
            }
            #expect(outcomes.isEmpty, "\(outcomes)")
            #expect(try await writers.value == Array(repeating: 0, count: 16))
            daemon.terminate()
            #expect(try await daemon.exit(within: .seconds(30)) == .exited(0))
            let sessions = try DryRunCLITests.json(try ledger(["cabinet", "sessions", "--limit", "100", "--json"]))
            let states = (sessions["sessions"] as? [[String: Any]])?.compactMap { $0["state"] as? String } ?? []
            #expect(states.count == 60)
            #expect(states.allSatisfy { $0 == "reconciled" }, "\(states)")
            #expect(try ledger(["verify"]).status == 0)
        }
    }

    static func uid(_ cabinet: Int, _ tag: Int) -> String { String(format: "04D1%02d%02d00", cabinet, tag) }
}
