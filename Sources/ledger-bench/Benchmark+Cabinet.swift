import CabinetLink
import CabinetSimulator
import Dispatch
import DossierVault
import Foundation
import LedgerPresentation
import Locking
import PropertyLedger

extension Benchmark {
    /// (o)–(q): the smart cabinets' protocol (docs/cabinet-protocol.md) on the custody log of (f)–(i), reopened
    /// with DossierVault, with 20 cabinets recorded on top of it through the rules (``CabinetScene``):
    ///
    /// - (o) `authorize` round trips over the Unix socket, against `hello` round trips on the same connection;
    /// - (p) reconciling two complete rounds of 500 tags, in the ``Reconciler`` itself against comparing the same
    ///   reads with the believed contents as plain dictionaries, and as the round that settles a door session
    ///   through ``CabinetService``, against the round before it;
    /// - (q) 20 simulated cabinets on the socket at once, each doing a session a second.
    ///
    /// The socket server is ``CabinetSocketServer`` over ``CabinetService``, as `ledger cabinet serve` runs them,
    /// in this process; the clients are the simulator's (``SocketCabinetChannel``, ``SimulatedCabinet``). Every
    /// answer is checked — sessions allowed and recorded, rounds settled with nothing changed, no finding — so a
    /// fast wrong answer cannot pass.
    mutating func measureCabinets(at path: String) async throws -> [Comparison] {
        Progress.log("opening the custody log with DossierVault for the cabinets")
        let stopwatch = Stopwatch()
        let store = try await LedgerStore.open(StorePaths(database: path), modules: [DossierVault()])
        let opening = stopwatch.elapsed.seconds
        details.append(
            Figure(
                name: "(o)–(q) opening the custody log with DossierVault", value: opening, unit: "s",
                display: "\(Format.decimal(opening)) s"
                    + (options.parts.contains(.vault)
                        ? " (the module caught up in (l)–(n))" : " (the log replayed through the module once)")))

        var scene = CabinetScene()
        Progress.log("recording the cabinet layer: \(scene.summary)")
        try await scene.record(into: store)
        let size = try await store.size
        // The service's clock runs on from the layer's last entry at the real pace: the sessions' times follow the
        // log's, and the session timeout keeps its meaning.
        let origin = ContinuousClock.now
        let base = scene.end
        let service = CabinetService(store: store, language: .zh) { base.addingTimeInterval(origin.duration(to: .now).seconds) }

        let socket = cabinetSocketPath()
        let server = CabinetSocketServer(path: socket, group: nil, handler: CabinetServiceHandler(service: service, cabinet: nil))
        // Creating the socket is file-system work: off the cooperative pool.
        try await withHandOff { (handOff: HandOff<Void, any Error>) in
            DispatchQueue.global().async { handOff.resume(with: Result { try server.start() }) }
        }
        let results: [Comparison]
        do {
            let authorize = try await measureAuthorize(over: socket, store: store, size: size)
            let reconcile = try measureReconciler()
            let round = try await measureSettlingRound(through: service, size: size)
            let sessions = try await measureSessions(over: socket, store: store)
            try await checkNoFindings(in: store)
            results = [authorize, reconcile, round, sessions]
        } catch {
            server.stop()
            await server.waitUntilStopped()
            throw error
        }
        server.stop()
        await server.waitUntilStopped()
        return results
    }

    /// The socket in the workspace, or in the temporary directory when the workspace's path is too long for one
    /// (108 bytes with its terminating zero).
    private func cabinetSocketPath() -> String {
        let inWorkspace = workspace.path("cabinets.sock")
        guard inWorkspace.utf8.count > 100 else { return inWorkspace }
        return FileManager.default.temporaryDirectory.appendingPathComponent("ledger-bench-\(getpid()).sock").path
    }

    /// How (o)–(q) were taken, printed under the figures.
    var cabinetNotes: [String] {
        let (requests, runs, seconds) = (options.cabinetRequests, options.cabinetSessions, options.cabinetSeconds)
        let full = Format.count(CabinetScene.fullCabinetItems)
        let first = CabinetScene.cabinet(0)
        return [
            "(o)–(q) run on the custody log after (f)–(i)\(options.parts.contains(.vault) ? " and (l)–(n)" : ""), reopened with "
                + "DossierVault, plus a layer recorded through the rules: \(CabinetScene().summary), registered by O1, bound and "
                + "checked in to their slots by C1; CabinetService (in Chinese, its clock running on from the layer's last entry) "
                + "answers on a CabinetSocketServer in this process, as `ledger cabinet serve` wires them; every session is opened "
                + "by the clerk C1's badge (a clerk may always open, to count); the simulator's reader is perfect (one read per tag)",
            "(o) times \(Format.count(requests)) authorize requests at \(first) on one SocketCabinetChannel, from writing the line "
                + "to reading the answer, after 20 warm-up calls, in blocks of 50 taking turns (in rotating order) with as many "
                + "hello requests (a read: the cabinet, its slots, its running session); each authorize must be allowed with a new "
                + "session and checkIn, each hello must list the 5 slots and the session the last authorize opened; each authorize "
                + "is one durable transaction (the new session, and the end of the one it supersedes, whose door never opened), "
                + "and the store must then hold every session answered; held to 20 ms at both p50 and p99",
            "(p) Reconciler: \(Format.count(runs)) calls of reconcile (after 5 warm-up calls) on 2 fresh complete rounds of "
                + "\(first)'s \(full) tags (shuffled, with RSSI), which must settle on 2 rounds with nothing changed, taking turns "
                + "with the baseline, which compares the same reads with the believed contents as plain dictionaries (uid → slot), "
                + "trusting every read, and must find no difference; before timing, the reconciler must refuse to settle on one "
                + "round and must find a tag taken and another moved to another slot",
            "(p) the settling round: \(Format.count(runs)) door sessions (after 5 warm-up sessions) at \(first) through "
                + "CabinetService.respond(to:) in this process: authorize, door opened, door closed, then rounds of its \(full) "
                + "tags, each a fresh scan sent as one JSON line; the first must be answered `more` (rounds disagree), the second "
                + "`reconciled`, verified, with nothing taken, returned or checked in and no finding; the second (parsing the line, "
                + "reading the believed contents, reconciling, recording the session's end in one durable transaction) is timed "
                + "against the first (the same, nothing written); both (p) rows are held to 50 ms at both p50 and p99; the "
                + "supporting figures split a round: its line parsed alone (a round of `v` 2, refused once read), and the "
                + "cabinet's objects read as a round reads them",
            "(q) \(CabinetScene.cabinets) SimulatedCabinets, each on a SocketCabinetChannel of its own and holding its contents, "
                + "start a session every second for \(seconds) s, their seconds staggered by 50 ms: authorize, door opened, door "
                + "closed, inventoryUntilReconciled; a session is kept when every answer is right (allowed; reconciled, verified, "
                + "nothing changed, no finding) and it ends before its cabinet's next second; the figure is the kept sessions per "
                + "second of the schedule against the 20 /s offered, so the target (≥ 1.00×) means every session kept and no error; "
                + "the store must then hold one more reconciled session for each completed one, and no finding at any of the "
                + "\(CabinetScene.cabinets) cabinets after (o)–(q)",
        ]
    }

    // MARK: (o) authorize over the socket

    /// (o) `cabinetRequests` authorize requests by the clerk's badge at the first cabinet, each allowed and each
    /// recording its session (and the end of the one it supersedes, whose door never opened) in one durable
    /// transaction, taking turns in blocks with as many `hello` requests (a read) on the same connection.
    private mutating func measureAuthorize(over socket: String, store: LedgerStore, size: Int64) async throws -> Comparison {
        let requests = options.cabinetRequests
        Progress.log(
            "(o) \(Format.count(requests)) authorize and \(Format.count(requests)) hello round trips over the socket "
                + "at \(Format.count(size)) entries")
        let channel = try await SocketCabinetChannel.connect(to: socket)
        let cabinet = CabinetScene.cabinet(0)
        let slots = CabinetScene.slots(of: 0)
        var nextID = 0
        var sessions: [String] = []
        func request(_ type: String, _ fields: [String: JSONValue]) -> (id: Int, line: [UInt8]) {
            nextID += 1
            let members = fields.merging(["v": 1, "id": .integer(nextID), "type": .string(type), "cabinet": .string(cabinet)]) { $1 }
            return (nextID, Array(JSONValue.object(members).jsonText.utf8))
        }
        func authorize() async throws -> Duration {
            let (id, line) = request("authorize", ["credential": ["badge": .string(CustodyScene.clerk)]])
            let stopwatch = Stopwatch()
            let text = try await channel.exchange(line, timeout: channel.responseTimeout)
            let elapsed = stopwatch.elapsed
            let response = try CabinetResponse(line: text)
            guard response.isOK, response.id == .integer(id), response.isAllowed, let session = response.session?.stringValue,
                response.officer?["badge"]?.stringValue == CustodyScene.clerk, response.fields["checkIn"]?.boolValue == true,
                !sessions.contains(session)
            else { throw BenchError("authorize by \(CustodyScene.clerk) at \(cabinet) answered \(text)") }
            sessions.append(session)
            return elapsed
        }
        func hello() async throws -> Duration {
            let (id, line) = request("hello", ["adapter": "ledger-bench"])
            let stopwatch = Stopwatch()
            let text = try await channel.exchange(line, timeout: channel.responseTimeout)
            let elapsed = stopwatch.elapsed
            let response = try CabinetResponse(line: text)
            // The session running at the cabinet is the one the last authorize opened, its door not yet opened.
            let running = response.fields["session"]
            guard response.isOK, response.id == .integer(id), response.protocolVersion == 1, response.cabinet?.code == cabinet,
                response.cabinet?.slots.map(\.code).sorted() == slots, running?["session"]?.stringValue == sessions.last,
                running?["state"]?.stringValue == "authorized"
            else { throw BenchError("hello at \(cabinet) answered \(text), the last session opened being \(sessions.last ?? "none")") }
            return elapsed
        }

        var authorizations: [Duration] = []
        var hellos: [Duration] = []
        do {
            for _ in 0..<20 { _ = try await authorize() }
            for _ in 0..<20 { _ = try await hello() }
            // Blocks of 50 take turns, the side that goes first alternating, so that noise falls on both.
            let block = 50
            for (number, first) in stride(from: 0, to: requests, by: block).enumerated() {
                let count = min(block, requests - first)
                for side in number % 2 == 0 ? [true, false] : [false, true] {
                    for _ in 0..<count {
                        if side { authorizations.append(try await authorize()) } else { hellos.append(try await hello()) }
                    }
                }
            }
        } catch {
            await channel.close()
            throw error
        }
        await channel.close()

        // Every session answered is in the store: the last still authorized, each earlier one superseded.
        let recorded = try await store.read { try DossierVault.cabinetSessions(in: $0, cabinet: cabinet, limit: sessions.count + 1) }
        guard recorded.map(\.id) == sessions.reversed(), recorded.first?.state == .authorized,
            recorded.dropFirst().allSatisfy({ $0.state == .unreconciled })
        else {
            throw BenchError(
                "\(cabinet) has \(recorded.count) sessions in the store after \(sessions.count) were allowed, or not as answered")
        }
        var comparison = latencyComparison(
            key: "cabinetAuthorize", title: "(o) cabinet `authorize` over the Unix socket at \(Format.count(size))",
            name: "authorize round trip", latencies: authorizations, target: .medianAndP99Below(20))
        comparison.baseline = Self.latencyFigure("hello on the same socket", hellos)
        return comparison
    }

    // MARK: (p) reconciling 500 tags

    /// (p) The ``Reconciler`` on two complete rounds of the first cabinet's 500 tags read by a perfect reader
    /// (fresh scans, in the reader's shuffled order), which settle with nothing changed; taking turns with the
    /// bare comparison of the same reads with the believed contents. Before timing, the reconciler must find a
    /// tag taken and one moved, so that a reconciler that ignores its rounds cannot pass.
    private mutating func measureReconciler() throws -> Comparison {
        let runs = options.cabinetSessions
        let tags = CabinetScene.tags(of: 0)
        Progress.log("(p) Reconciler.reconcile on 2 complete rounds of \(Format.count(tags.count)) tags, \(Format.count(runs)) runs")
        let believed = CabinetScene.believed(in: 0)
        let reconciler = Reconciler(inside: believed, parameters: ReconcileParameters())
        var scanner = InventoryScanner(slots: CabinetScene.slots(of: 0), noise: .perfect)
        func round(_ number: Int, of contents: [SimulatedTag]) -> InventoryRound {
            let reads = scanner.scan(contents).map { TagRead(uid: $0.uid, slot: $0.slot, rssi: $0.rssi, antenna: $0.antenna) }
            return InventoryRound(round: number, complete: true, tags: reads)
        }

        // The control: one round never settles; the first tag taken and the second moved to another slot settle.
        guard case .needsAnotherRound = reconciler.reconcile([round(1, of: tags)]) else {
            throw BenchError("the reconciler settled on one round")
        }
        let (taken, moved) = (tags[0], tags[1])
        let elsewhere = CabinetScene.slot(3, of: 0)
        let changed = [SimulatedTag(uid: moved.uid, slot: elsewhere)] + tags.dropFirst(2)
        var rounds: [InventoryRound] = []
        var settlement: Settlement?
        while settlement == nil, rounds.count < 10 {
            rounds.append(round(rounds.count + 1, of: changed))
            if case .settled(let settled) = reconciler.reconcile(rounds) { settlement = settled }
        }
        guard let settlement, settlement.absent == [taken.uid],
            settlement.moved == [moved.uid: SlotChange(from: moved.slot, to: elsewhere)],
            settlement.present.isEmpty
        else {
            throw BenchError(
                "the reconciler did not find \(taken.uid) taken and \(moved.uid) moved in \(rounds.count) rounds: \(String(describing: settlement))"
            )
        }

        let believedSlots = believed.mapValues { $0 ?? "" }
        var reconciling: [Duration] = []
        var bare: [Duration] = []
        for run in -5..<runs {
            let pair = [round(1, of: tags), round(2, of: tags)]
            let stopwatch = Stopwatch()
            let result = reconciler.reconcile(pair)
            let elapsed = stopwatch.elapsed
            guard case .settled(let settled) = result, settled.rounds == 2, settled.absent.isEmpty, settled.present.isEmpty,
                settled.moved.isEmpty, settled.located.isEmpty, settled.spurious.isEmpty
            else { throw BenchError("2 perfect rounds of \(tags.count) unchanged tags reconciled as \(result)") }

            let bareWatch = Stopwatch()
            var differences = 0
            for round in pair {
                var seen: [String: String] = [:]
                for read in round.tags { seen[read.uid] = read.slot ?? "" }
                differences +=
                    believedSlots.count(where: { seen[$0.key] != $0.value }) + seen.count(where: { believedSlots[$0.key] == nil })
            }
            let bareElapsed = bareWatch.elapsed
            guard differences == 0 else { throw BenchError("the bare comparison found \(differences) differences in perfect rounds") }
            if run >= 0 {
                reconciling.append(elapsed)
                bare.append(bareElapsed)
            }
        }
        var comparison = latencyComparison(
            key: "cabinetReconcile", title: "(p) Reconciler: 2 complete rounds of \(Format.count(tags.count)) tags",
            name: "Reconciler.reconcile", latencies: reconciling, target: .medianAndP99Below(50))
        comparison.baseline = Self.latencyFigure("the reads against the contents as dictionaries", bare)
        return comparison
    }

    /// (p) Door sessions of the clerk at the first cabinet, through ``CabinetService/respond(to:servingOnly:)``
    /// in this process: authorize, door opened, door closed, then complete rounds of its 500 tags; the first is
    /// answered `more`, the second settles the session. Only the rounds are timed: the settling one (which reads
    /// the believed contents, reconciles, and records the session's end durably) against the one before it (the
    /// same reading and reconciling, nothing written).
    private mutating func measureSettlingRound(through service: CabinetService, size: Int64) async throws -> Comparison {
        let runs = options.cabinetSessions
        let cabinet = CabinetScene.cabinet(0)
        let tags = CabinetScene.tags(of: 0)
        Progress.log(
            "(p) \(Format.count(runs)) door sessions at \(cabinet) through CabinetService, rounds of \(Format.count(tags.count)) tags")
        var scanner = InventoryScanner(slots: CabinetScene.slots(of: 0), noise: .perfect)
        var nextID = 0
        func send(_ type: String, _ fields: [String: JSONValue]) async throws -> (response: CabinetResponse, elapsed: Duration) {
            nextID += 1
            let members = fields.merging(["v": 1, "id": .integer(nextID), "type": .string(type), "cabinet": .string(cabinet)]) { $1 }
            let line = Array(JSONValue.object(members).jsonText.utf8)
            let stopwatch = Stopwatch()
            let text = await service.respond(to: line)
            let elapsed = stopwatch.elapsed
            let response = try CabinetResponse(line: text)
            guard response.isOK, response.id == .integer(nextID) else { throw BenchError("\(type) at \(cabinet) answered \(text)") }
            return (response, elapsed)
        }

        var settling: [Duration] = []
        var first: [Duration] = []
        for run in -5..<runs {
            let allowed = try await send("authorize", ["credential": ["badge": .string(CustodyScene.clerk)]]).response
            guard allowed.isAllowed, let session = allowed.session else {
                throw BenchError("authorize at \(cabinet) answered \(allowed.line)")
            }
            _ = try await send("door", ["session": session, "state": "opened"])
            _ = try await send("door", ["session": session, "state": "closed"])
            func inventory(_ number: Int) async throws -> (response: CabinetResponse, elapsed: Duration) {
                let reads = scanner.scan(tags).map(\.json)
                return try await send(
                    "inventory", ["session": session, "round": .integer(number), "complete": true, "tags": .array(reads)])
            }
            let round1 = try await inventory(1)
            guard round1.response.wantsAnotherRound, round1.response.reconciled == nil,
                round1.response.reason == "cabinet-rounds-disagree"
            else { throw BenchError("the first round of session \(session) answered \(round1.response.line)") }
            let round2 = try await inventory(2)
            guard let reconciled = round2.response.reconciled, round2.response.fields["verified"]?.boolValue == true,
                reconciled.session == session, reconciled.taken.isEmpty, reconciled.returned.isEmpty, reconciled.checkedIn.isEmpty,
                reconciled.findings.isEmpty
            else { throw BenchError("the second round of session \(session) answered \(round2.response.line)") }
            if run >= 0 {
                first.append(round1.elapsed)
                settling.append(round2.elapsed)
            }
        }
        // Where a round's time goes: parsing its line — alone when the envelope is refused after the whole line was
        // read (`v` 2) — and reading what the ledger believes is inside (the same query, on the store's executor).
        var parsing: [Duration] = []
        for _ in 0..<runs {
            let reads = scanner.scan(tags).map(\.json)
            let members: [String: JSONValue] = [
                "v": 2, "id": 1, "type": "inventory", "cabinet": .string(cabinet), "session": "S0", "round": 1, "complete": true,
                "tags": .array(reads),
            ]
            let line = Array(JSONValue.object(members).jsonText.utf8)
            let stopwatch = Stopwatch()
            let text = await service.respond(to: line)
            parsing.append(stopwatch.elapsed)
            guard try CabinetResponse(line: text).error?.reason == "cabinet-version-unsupported" else {
                throw BenchError("a round of version 2 was answered \(text)")
            }
        }
        recordLatencies("(p) parsing a round's line of \(Format.count(tags.count)) tags alone (refused as version 2)", parsing)
        let contents = ObjectFilter(location: cabinet, status: .inStorage, includesRegistration: false, limit: .max)
        recordLatencies(
            "(p) \(cabinet)'s \(Format.count(tags.count)) objects read as a round reads them, in the store's actor",
            try await service.store.timeObjectQueries(Array(repeating: contents, count: runs)))
        var comparison = latencyComparison(
            key: "cabinetRound",
            title: "(p) the round of \(Format.count(tags.count)) tags that settles a session, at \(Format.count(size))",
            name: "CabinetService.respond(to:) inventory, settling", latencies: settling, target: .medianAndP99Below(50))
        comparison.baseline = Self.latencyFigure("the round before it", first)
        return comparison
    }

    /// Reconciled sessions at the scene's cabinets, in the store.
    func reconciledSessions(in store: LedgerStore) async throws -> Int {
        try await store.read { snapshot in
            try (0..<CabinetScene.cabinets).reduce(0) { total, number in
                let sessions = try DossierVault.cabinetSessions(in: snapshot, cabinet: CabinetScene.cabinet(number), limit: .max)
                return total + sessions.count(where: { $0.state == .reconciled })
            }
        }
    }

    /// Nothing the cabinets did was irregular: no finding at any of them.
    func checkNoFindings(in store: LedgerStore) async throws {
        let cabinets = Set((0..<CabinetScene.cabinets).map(CabinetScene.cabinet))
        let findings = try await store.read { try DossierVault.findings(in: $0, openOnly: false) }.filter { cabinets.contains($0.cabinet) }
        guard findings.isEmpty else {
            throw BenchError(
                "the cabinets' sessions recorded \(findings.count) findings, first \(findings[0].kind) at \(findings[0].cabinet)")
        }
    }

    /// A baseline's figure in the form ``latencyComparison(key:title:name:latencies:target:)`` gives the
    /// ledger's: the median, the p99 beside it.
    private static func latencyFigure(_ name: String, _ latencies: [Duration]) -> Figure {
        let sample = LatencySample(latencies)
        let median = sample.median.milliseconds
        let p99 = sample.percentile(0.99).milliseconds
        return Figure(
            name: name, value: median, unit: "ms", details: ["p99": p99],
            display: "p50 \(Format.milliseconds(median)), p99 \(Format.milliseconds(p99))")
    }
}
