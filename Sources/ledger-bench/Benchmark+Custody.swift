import Foundation
import PropertyLedger

extension Benchmark {
    /// (f)–(i): the custody lookups behind `ledger show`, `ledger history`, `ledger where` and
    /// `ledger list --location`, on a custody log built through the rules to its full size.
    ///
    /// Each lookup is timed as a client awaits it and checked against what the build recorded, so a fast but
    /// wrong answer cannot pass; the same calls are then timed inside the store's actor, which separates the
    /// library's own cost from the hop. The store is closed when this returns.
    mutating func measureCustody(at path: String) async throws -> [Comparison] {
        let scene = CustodyScene(options: options)
        let (store, log) = try await buildCustodyLog(at: path, scene: scene)
        let size = try await store.size
        guard size == options.custodyEntries else {
            throw BenchError("the custody log has \(size) entries after the build, not \(options.custodyEntries)")
        }
        let show = try await measureShow(in: store, scene: scene, log: log, size: size)
        let history = try await measureHistory(in: store, log: log, size: size)
        let whereIs = try await measureWhere(in: store, scene: scene, log: log, size: size)
        let list = try await measureList(in: store, scene: scene)
        if options.custodyRebuildCheck { try await checkRebuild(of: store, size: size) }
        return [show, history, whereIs, list]
    }

    // MARK: Building the custody log

    /// Records the scene, then registers, binds and checks in every item a batch at a time, then checks
    /// pseudo-random items out and back in until the log has `custodyEntries` entries; signs a checkpoint and
    /// records the build rates. Returns the open store and what the lookups need to check their answers.
    private mutating func buildCustodyLog(at path: String, scene: CustodyScene) async throws -> (LedgerStore, CustodyLog) {
        Progress.log(
            "building a custody log of \(Format.count(scene.totalEntries)) entries: \(Format.count(scene.items)) items "
                + "in \(scene.cabinets) cabinets, then check-out and return pairs, \(Format.count(scene.batchSize)) commands/txn")
        var recorder = CustodyRecorder(store: try await createStore(at: path), reportEvery: scene.totalEntries / 10)

        for transaction in scene.sceneTransactions {
            _ = try await recorder.record(transaction.commands, actor: transaction.actor)
        }
        var ids: [String] = []
        ids.reserveCapacity(scene.items)
        for start in stride(from: 0, to: scene.items, by: scene.batchSize) {
            let range = start..<min(start + scene.batchSize, scene.items)
            let registered = try await recorder.record(scene.registrations(range), actor: CustodyScene.officers[0])
            ids += registered.compactMap(\.entry.event.object)
            guard ids.count == range.upperBound else { throw BenchError("registering items \(range) did not record \(range.count) items") }
            _ = try await recorder.record(scene.chipBindings(ids[range]), actor: CustodyScene.clerk)
            _ = try await recorder.record(scene.checkIns(ids[range]), actor: CustodyScene.clerk)
        }
        let setupTime = recorder.time
        let setupEntries = recorder.recorded

        // The traffic: each transaction checks out distinct pseudo-random items and takes them all back, so
        // every cabinet holds its items again at the end, and each item's history grows by two per check-out.
        var random = SplitMix64(seed: 0xC057_0D1E)
        var checkOuts = [Int](repeating: 0, count: scene.items)
        var pairs: Int64 = 0
        while pairs < scene.trafficPairs {
            let count = Int(min(Int64(scene.pairsPerBatch), scene.trafficPairs - pairs))
            var chosen = Set<Int>()
            var items: [Int] = []
            while items.count < count {
                let index = Int(random.next(below: Int64(scene.items)))
                if chosen.insert(index).inserted { items.append(index) }
            }
            _ = try await recorder.record(
                scene.traffic(items, ids: ids, firstPair: pairs, at: recorder.date), actor: CustodyScene.clerk)
            for index in items { checkOuts[index] += 1 }
            pairs += Int64(count)
        }
        if scene.hasProgressNote {
            _ = try await recorder.record([CustodyScene.progressNote], actor: CustodyScene.officers[0])
        }
        let store = recorder.store
        _ = try await store.checkpoint()

        let trafficTime = recorder.time - setupTime
        let trafficEntries = recorder.recorded - setupEntries
        let rate = Double(recorder.recorded) / recorder.time.seconds
        let setupRate = Double(setupEntries) / setupTime.seconds
        let trafficRate = Double(trafficEntries) / trafficTime.seconds
        details.append(
            Figure(
                name: "building the custody log of \(Format.count(recorder.recorded + 1)) entries "
                    + "(\(Format.count(scene.batchSize)) commands/txn)",
                value: rate, unit: "entries/s",
                details: ["seconds": recorder.time.seconds, "setupRate": setupRate, "trafficRate": trafficRate],
                display: Format.rate(rate) + " (\(Format.decimal(recorder.time.seconds)) s): "
                    + "\(Format.count(setupEntries)) scene and item entries at \(Format.rate(setupRate)), "
                    + "\(Format.count(trafficEntries)) check-out/return entries at \(Format.rate(trafficRate))"))
        let fileBytes = Self.fileSize(path) + Self.fileSize(path + "-wal")
        details.append(
            Figure(
                name: "custody log file (database and WAL)", value: Double(fileBytes), unit: "bytes",
                details: ["bytesPerEntry": Double(fileBytes) / Double(recorder.recorded + 1)],
                display: Format.mebibytes(kibibytes: Int(fileBytes / 1024))
                    + ", \(Format.decimal(Double(fileBytes) / Double(recorder.recorded + 1))) bytes per entry"))
        return (store, CustodyLog(ids: ids, checkOuts: checkOuts))
    }

    static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    // MARK: The lookups

    /// (f) `object(_:)` by id, as `ledger show` calls it.
    private mutating func measureShow(in store: LedgerStore, scene: CustodyScene, log: CustodyLog, size: Int64) async throws -> Comparison {
        Progress.log("(f) \(Format.count(options.custodyLookups)) object(_:) lookups by id at size \(Format.count(size))")
        let items = sampleItems(seed: 0x5_40_0F, count: scene.items)
        let ids = items.map { log.ids[$0] }
        let latencies = try await timeAwaited(ids.count, { try await store.object(ids[$0]) }) { sample, object in
            let index = items[sample]
            let expected = log.ids[index]
            guard object.id == expected, object.status == .inStorage, object.location == scene.cabinet(ofItem: index),
                object.chip == CustodyScene.chipUID(ofItem: index)
            else {
                throw BenchError(
                    "object(\(expected)) answered \(object.id), \(object.status.rawValue) at \(object.location ?? "-") "
                        + "with chip \(object.chip ?? "-"); expected in storage at \(scene.cabinet(ofItem: index))")
            }
        }
        recordLatencies("(f) object(_:) by id inside the store's actor", try await store.timeObjectLookups(ids))
        return latencyComparison(
            key: "show", title: "(f) show at \(Format.count(size))", name: "LedgerStore.object(id)", latencies: latencies,
            target: .medianAndP99Below(2))
    }

    /// (g) `history(of:)`, as `ledger history` calls it: every history must hold the registration, the chip,
    /// the check-in and two entries for each check-out the build recorded.
    private mutating func measureHistory(in store: LedgerStore, log: CustodyLog, size: Int64) async throws -> Comparison {
        Progress.log("(g) \(Format.count(options.custodyLookups)) history(of:) queries at size \(Format.count(size))")
        let items = sampleItems(seed: 0x415_7024, count: log.ids.count)
        let ids = items.map { log.ids[$0] }
        var entryCount = 0
        var byteCount = 0
        var longest = 0
        let latencies = try await timeAwaited(ids.count, { try await store.history(of: ids[$0]) }) { sample, history in
            let index = items[sample]
            let id = log.ids[index]
            let expected = 3 + 2 * log.checkOuts[index]
            guard history.count == expected, history.first?.entry.event.type == "item.registered",
                history.allSatisfy({ $0.entry.event.object == id })
            else {
                throw BenchError(
                    "history(of: \(id)) has \(history.count) entries (\(history.first?.entry.event.type ?? "none") first); "
                        + "expected \(expected), beginning with its registration")
            }
            entryCount += history.count
            byteCount += history.reduce(0) { $0 + $1.bytes.count }
            longest = max(longest, history.count)
        }
        let mean = Double(entryCount) / Double(latencies.count)
        details.append(
            Figure(
                name: "(g) sampled histories", value: mean, unit: "entries",
                details: ["longest": Double(longest), "bytesPerEntry": Double(byteCount) / Double(entryCount)],
                display: "\(Format.decimal(mean)) entries on average (longest \(longest)), "
                    + "\(Format.decimal(Double(byteCount) / Double(entryCount))) bytes per entry, all as the build recorded"))
        recordLatencies("(g) history(of:) inside the store's actor", try await store.timeHistories(ids))
        return latencyComparison(
            key: "history", title: "(g) history at \(Format.count(size))", name: "LedgerStore.history(of:)",
            latencies: latencies, target: .medianAndP99Below(2))
    }

    /// (h) `object("chip:UID")`, as `ledger where` calls it: the chip resolved to its item, then the item.
    private mutating func measureWhere(in store: LedgerStore, scene: CustodyScene, log: CustodyLog, size: Int64) async throws -> Comparison
    {
        Progress.log("(h) \(Format.count(options.custodyLookups)) object(\"chip:UID\") lookups at size \(Format.count(size))")
        let items = sampleItems(seed: 0x3E7E, count: scene.items)
        let references = items.map { "chip:" + CustodyScene.chipUID(ofItem: $0) }
        let latencies = try await timeAwaited(references.count, { try await store.object(references[$0]) }) { sample, object in
            let index = items[sample]
            guard object.id != log.ids[index] || object.location != scene.cabinet(ofItem: index) else { return }
            throw BenchError(
                "object(chip:\(CustodyScene.chipUID(ofItem: index))) answered \(object.id) at \(object.location ?? "-"), "
                    + "not \(log.ids[index]) at \(scene.cabinet(ofItem: index))")
        }
        recordLatencies("(h) object(\"chip:UID\") inside the store's actor", try await store.timeObjectLookups(references))
        return latencyComparison(
            key: "where", title: "(h) where (chip:UID) at \(Format.count(size))", name: "LedgerStore.object(\"chip:UID\")",
            latencies: latencies, target: .medianAndP99Below(2))
    }

    /// (i) `objects(matching:)` with a location, as `ledger list --location` calls it, on random cabinets that
    /// each hold `objectsPerCabinet` items (the target scales with that count from 20 ms per 1,000).
    private mutating func measureList(in store: LedgerStore, scene: CustodyScene) async throws -> Comparison {
        let perCabinet = scene.objectsPerCabinet
        Progress.log("(i) \(Format.count(options.listRuns)) objects(matching:) queries on cabinets of \(Format.count(perCabinet)) objects")
        var random = SplitMix64(seed: 0x1157)
        let cabinets = (0..<options.listRuns).map { _ in CustodyScene.cabinet(Int(random.next(below: Int64(scene.cabinets)))) }
        let filters = cabinets.map { ObjectFilter(location: $0) }
        let latencies = try await timeAwaited(filters.count, warmUp: 5, { try await store.objects(matching: filters[$0]) }) {
            sample, objects in
            let cabinet = cabinets[sample]
            guard objects.count == perCabinet, objects.allSatisfy({ $0.location == cabinet && $0.status == .inStorage }) else {
                throw BenchError("list --location \(cabinet) found \(objects.count) objects, expected \(perCabinet) in storage there")
            }
        }
        recordLatencies("(i) objects(matching:) inside the store's actor", try await store.timeObjectQueries(filters))
        return latencyComparison(
            key: "listLocation", title: "(i) list --location, \(Format.count(perCabinet)) objects",
            name: "LedgerStore.objects(matching:)", latencies: latencies,
            target: .valueBelow(20 * Double(perCabinet) / 1_000))
    }

    /// Replays the whole custody log into fresh projections and compares them with the live ones; throws on
    /// any difference, and records how long it took.
    private mutating func checkRebuild(of store: LedgerStore, size: Int64) async throws {
        Progress.log("replaying the custody log into fresh projections (rebuildCheck)")
        let stopwatch = Stopwatch()
        let differences = try await store.rebuildCheck()
        let seconds = stopwatch.elapsed.seconds
        guard differences.isEmpty else {
            throw BenchError(
                "rebuildCheck() found the projections differ from the log: "
                    + differences.prefix(3).map(\.description).joined(separator: "; "))
        }
        details.append(
            Figure(
                name: "rebuildCheck() of \(Format.count(size)) entries", value: seconds, unit: "s",
                display: "\(Format.decimal(seconds)) s, no differences"))
    }

    // MARK: Helpers

    /// `custodyLookups` random item indices below `count`.
    private func sampleItems(seed: UInt64, count: Int) -> [Int] {
        var random = SplitMix64(seed: seed)
        return (0..<options.custodyLookups).map { _ in Int(random.next(below: Int64(count))) }
    }

    /// Times `call` for samples `0..<count` as a client awaits it, after warming the statement cache and the
    /// pages near the tables' roots with the first `warmUp` samples, as a long-running server would have them.
    ///
    /// `check` sees each answer after its call is timed, and throws if it is wrong. Answers are not kept, so
    /// the sample does not pile up hundreds of thousands of objects that the later calls would have to page in.
    private func timeAwaited<Answer>(
        _ count: Int, warmUp: Int = 20, _ call: (Int) async throws -> Answer, check: (Int, Answer) throws -> Void
    ) async throws -> [Duration] {
        for sample in 0..<min(warmUp, count) { _ = try await call(sample) }
        var latencies: [Duration] = []
        latencies.reserveCapacity(count)
        for sample in 0..<count {
            let stopwatch = Stopwatch()
            let answer = try await call(sample)
            latencies.append(stopwatch.elapsed)
            try check(sample, answer)
        }
        return latencies
    }

    /// A row whose figure is the median latency, with the p99 beside it.
    func latencyComparison(key: String, title: String, name: String, latencies: [Duration], target: Target) -> Comparison {
        let sample = LatencySample(latencies)
        let median = sample.median.milliseconds
        let p99 = sample.percentile(0.99).milliseconds
        return Comparison(
            key: key, title: title,
            ledger: Figure(
                name: "\(name) median", value: median, unit: "ms", details: ["p99": p99],
                display: "p50 \(Format.milliseconds(median)), p99 \(Format.milliseconds(p99))"),
            baseline: nil, target: target)
    }
}

/// What the custody build recorded that the lookups check their answers against.
struct CustodyLog: Sendable {
    /// The item ids, by item index, as the registrations returned them.
    var ids: [String]
    /// How often each item was checked out (and returned), by item index.
    var checkOuts: [Int]
}

/// Records custody transactions at a clock that advances a second per transaction, timing only the store's
/// calls and reporting progress every tenth of the log.
private struct CustodyRecorder {
    let store: LedgerStore
    private(set) var date = CustodyScene.start
    private(set) var time = Duration.zero
    /// Entries recorded so far (entry 0, the log's creation record, is not counted).
    private(set) var recorded: Int64 = 0
    private let reportEvery: Int64
    private var nextReport: Int64

    init(store: LedgerStore, reportEvery: Int64) {
        self.store = store
        self.reportEvery = max(1, reportEvery)
        self.nextReport = self.reportEvery
    }

    mutating func record(_ commands: [CustodyCommand], actor: String?) async throws -> [RecordedEntry] {
        let stopwatch = Stopwatch()
        let entries = try await store.record(contentsOf: commands, actor: actor, at: date)
        time += stopwatch.elapsed
        date.addTimeInterval(1)
        recorded += Int64(entries.count)
        if recorded + 1 >= nextReport {
            Progress.log("  \(Format.count(recorded + 1)) entries, \(Format.rate(Double(recorded) / time.seconds))")
            while nextReport <= recorded + 1 { nextReport += reportEvery }
        }
        return entries
    }
}
