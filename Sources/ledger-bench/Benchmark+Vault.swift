import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger

extension Benchmark {
    /// (l)–(n): DossierVault's reports — every open deadline (`ledger due`), the transfer list to central
    /// storage (`ledger dossier sweep`) and the day's bulletin as HTML (`ledger bulletin --format html`) — on
    /// the custody log of (f)–(i) (100,000 items, 1M entries) with a layer of cases, dossiers and open clocks
    /// recorded on top of it through the rules (``VaultScene``).
    ///
    /// Each report is checked against what the layer recorded, so a fast wrong answer cannot pass. Opening the
    /// store with the module for the first time replays the whole log through it; that time is reported too.
    mutating func measureVault(at path: String) async throws -> [Comparison] {
        Progress.log("opening the custody log with DossierVault (the module catches up on the whole log once)")
        let stopwatch = Stopwatch()
        let store = try await LedgerStore.open(StorePaths(database: path), modules: [DossierVault()])
        let catchUp = stopwatch.elapsed.seconds
        let size = try await store.size
        details.append(
            Figure(
                name: "DossierVault's first open of \(Format.count(size)) entries", value: catchUp, unit: "s",
                display: "\(Format.decimal(catchUp)) s (the log replayed through the module once)"))

        let scene = VaultScene(cabinets: CustodyScene(options: options).cabinets)
        Progress.log("recording the vault layer: \(scene.summary)")
        try await scene.record(into: store)
        let zone = store.identity.agency.timeZone

        Progress.log("(l) DossierVault.deadlines, \(Format.count(options.listRuns)) runs")
        let deadlines = try await timeRuns(options.listRuns) {
            try await store.read { try DossierVault.deadlines(in: $0, asOf: scene.asOf) }
        } check: { found in
            let counts = Dictionary(grouping: found, by: \.rule).mapValues(\.count)
            guard counts == scene.expectedDeadlines else {
                throw BenchError("deadlines found \(counts), the layer recorded \(scene.expectedDeadlines)")
            }
        }

        Progress.log("(m) DossierVault.sweep, \(Format.count(options.listRuns)) runs")
        let sweep = try await timeRuns(options.listRuns) {
            try await store.read { try DossierVault.sweep(in: $0, asOf: scene.sweepAsOf) }
        } check: { items in
            guard items.count == scene.expectedSweep, items.allSatisfy(\.canMoveNow) else {
                throw BenchError("the sweep listed \(items.count) dossiers, the layer left \(scene.expectedSweep) to move")
            }
        }

        Progress.log("(n) the day's bulletin as HTML, \(Format.count(max(3, options.listRuns / 4))) runs")
        let day = BulletinDay(containing: scene.asOf, in: zone)
        let red = scene.expectedRed
        let bulletin = try await timeRuns(max(3, options.listRuns / 4)) {
            let computed = try await Bulletin.compute(from: store, day: day, now: scene.asOf) { snapshot, asOf in
                try DossierVault.deadlines(in: snapshot, asOf: asOf)
            }
            return (computed.counts, computed.rendered(as: .html, in: .zh))
        } check: { counts, html in
            let reds = counts.deadlines.red
            guard reds == red, html.hasPrefix("<!DOCTYPE html>") else {
                throw BenchError("the bulletin counted \(reds) red deadlines, the layer made \(red)")
            }
        }

        return [
            latencyComparison(
                key: "due", title: "(l) `ledger due`: every open deadline, \(Format.count(scene.expectedDeadlines.values.reduce(0, +)))",
                name: "DossierVault.deadlines", latencies: deadlines, target: .valueBelow(200)),
            latencyComparison(
                key: "sweep", title: "(m) `ledger dossier sweep`: \(Format.count(scene.expectedSweep)) dossiers to move",
                name: "DossierVault.sweep", latencies: sweep, target: .valueBelow(200)),
            latencyComparison(
                key: "bulletinHTML", title: "(n) `ledger bulletin --format html`, \(Format.count(red)) red deadlines",
                name: "Bulletin.compute + rendered(as: .html)", latencies: bulletin, target: .valueBelow(500)),
        ]
    }

    /// Times `runs` calls of `call` after two warm-up calls, checking every answer after it is timed.
    private func timeRuns<Answer>(_ runs: Int, _ call: () async throws -> Answer, check: (Answer) throws -> Void) async throws
        -> [Duration]
    {
        for _ in 0..<2 { try check(try await call()) }
        var latencies: [Duration] = []
        for _ in 0..<runs {
            let stopwatch = Stopwatch()
            let answer = try await call()
            latencies.append(stopwatch.elapsed)
            try check(answer)
        }
        return latencies
    }
}

/// What (l)–(n) run against, on top of the custody scene: 2,000 cases with 5 dossiers each in the cabinets
/// (a quarter administrative and not property crimes, a tenth of the rest solved: both exempt from the
/// one-month rule), 2,000 items seized and not checked in, 1,000 items checked out and not yet due, and 500
/// items marked unrelated to their case. Recorded through the rules at fixed times after the custody build.
struct VaultScene: Sendable {
    static let cases = 2_000
    static let dossiersPerCase = 5
    static let unstoredItems = 2_000
    static let checkedOut = 1_000
    static let unrelated = 500

    /// The custody scene's cabinets, which the dossiers are spread over.
    let cabinets: Int
    /// An hour after the custody build began: its clock ends long before.
    let start = CustodyScene.start.addingTimeInterval(3_600)
    /// Twenty days later: the month has not passed (the dossiers are green), the intake and release limits have
    /// (red), the check-outs are due in ten days (yellow).
    var asOf: Date { start.addingTimeInterval(20 * 86_400) }
    /// Forty days later: every dossier of a case the rule covers is due for central storage.
    var sweepAsOf: Date { start.addingTimeInterval(40 * 86_400) }

    var summary: String {
        "\(Format.count(Self.cases)) cases, \(Format.count(Self.cases * Self.dossiersPerCase)) dossiers, "
            + "\(Format.count(Self.unstoredItems)) items not checked in, \(Format.count(Self.checkedOut)) check-outs, "
            + "\(Format.count(Self.unrelated)) unrelated items"
    }

    static func caseNumber(_ index: Int) -> String { "V" + String(1_000_000 + index) }
    /// Every fourth case is administrative and no property crime; every tenth of the others is solved.
    static func isAdministrative(_ index: Int) -> Bool { index % 4 == 3 }
    static func isSolved(_ index: Int) -> Bool { !isAdministrative(index) && index % 10 == 9 }
    static func isCovered(_ index: Int) -> Bool { !isAdministrative(index) && !isSolved(index) }

    var coveredDossiers: Int { (0..<Self.cases).filter(Self.isCovered).count * Self.dossiersPerCase }
    var expectedDeadlines: [RuleID: Int] {
        [.centralStorage: coveredDossiers, .intake: Self.unstoredItems, .checkoutDue: Self.checkedOut, .releaseUnrelated: Self.unrelated]
    }
    var expectedSweep: Int { coveredDossiers }
    var expectedRed: Int { Self.unstoredItems + Self.unrelated }

    func record(into store: LedgerStore) async throws {
        var date = start
        func next() -> Date {
            date.addTimeInterval(1)
            return date
        }
        let officer = CustodyScene.officers[0]
        let clerk = CustodyScene.clerk
        try await store.record(
            .addLocation(code: "CENTRAL", name: "案管中心", kind: .room, parent: nil, isCentral: true), actor: clerk, at: next())
        for batch in stride(from: 0, to: Self.cases, by: 200) {
            let range = batch..<min(batch + 200, Self.cases)
            let opened: [CustodyCommand] = range.map { index in
                .openCase(
                    number: Self.caseNumber(index), title: "盗窃案\(index + 1)",
                    kind: Self.isAdministrative(index) ? .administrative : .criminal,
                    isPropertyCrime: !Self.isAdministrative(index))
            }
            let dossiers: [CustodyCommand] = range.flatMap { index in
                (1...Self.dossiersPerCase).map { volume in
                    .registerDossier(
                        DossierRegistration(caseNumber: Self.caseNumber(index), volume: volume, volumes: Self.dossiersPerCase, pages: 40))
                }
            }
            try await store.record(contentsOf: opened, actor: officer, at: next())
            let registered = try await store.record(contentsOf: dossiers, actor: officer, at: next())
            let checkIns = registered.enumerated().compactMap { offset, entry in
                entry.entry.event.object.map {
                    CustodyCommand.checkIn(object: $0, location: CustodyScene.cabinet(offset % cabinets), caseNumber: nil)
                }
            }
            try await store.record(contentsOf: checkIns, actor: clerk, at: next())
            let solved = range.filter(Self.isSolved).map { CustodyCommand.solveCase(caseNumber: Self.caseNumber($0), note: nil) }
            if !solved.isEmpty { try await store.record(contentsOf: solved, actor: officer, at: next()) }
        }
        let seizedAt = next()
        let unstored = (0..<Self.unstoredItems).map { index in
            CustodyCommand.registerItem(
                ItemRegistration(
                    caseNumber: CustodyScene.caseNumber, name: "待入库物品\(index + 1)", quantity: "1", unit: "件", seizedAt: seizedAt,
                    seizedBy: CustodyScene.officers))
        }
        try await store.record(contentsOf: unstored, actor: officer, at: next())
        let items = try await store.objects(
            matching: ObjectFilter(status: .inStorage, kind: .item, limit: Self.checkedOut + Self.unrelated))
        guard items.count == Self.checkedOut + Self.unrelated else { throw BenchError("the custody log has too few items in storage") }
        let due = start.addingTimeInterval(30 * 86_400)
        let checkOuts = items.prefix(Self.checkedOut).map { item in
            CustodyCommand.checkOut(
                object: item.id, to: officer, reason: .examination, approvedBy: CustodyScene.supervisor, due: due, note: nil,
                caseNumber: nil)
        }
        try await store.record(contentsOf: checkOuts, actor: clerk, at: next())
        let unrelated = items.suffix(Self.unrelated).map(\.id)
        try await store.transaction(actor: clerk, at: next()) { transaction in
            for id in unrelated {
                try transaction.record { try ItemUnrelated.decide(id, reason: "与本案无关，应发还", in: $0) }
            }
        }
        _ = try await store.checkpoint()
    }
}
