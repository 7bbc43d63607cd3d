import Foundation
import PropertyLedger

extension Benchmark {
    /// (a) and (b): a fresh store and a fresh raw SQLite table, side by side on the same disk.
    mutating func measureAppends() async throws -> [Comparison] {
        let store = try await createStore(at: workspace.path("appends.ledger"))
        let raw = try RawSQLiteBaseline(path: workspace.path("appends-raw.sqlite"))
        let single = try await measureSingleAppends(store: store, raw: raw)
        let batched = try await measureBatchedAppends(store: store, raw: raw)
        return [single, batched]
    }

    /// (a) One entry per transaction, each durable before the next starts.
    ///
    /// The sides take turns in blocks, in rotating order, so a slow patch of the disk (another tenant, a journal
    /// flush) falls on all of them rather than on whichever ran last. A third side appends inside the store's
    /// actor, to show how much of the gap to raw SQLite is the executor hop rather than the library.
    private mutating func measureSingleAppends(store: LedgerStore, raw: RawSQLiteBaseline) async throws -> Comparison {
        let count = options.singleAppends
        Progress.log("(a) \(Format.count(count)) durable single appends on each side")
        let blockSize = max(1, min(100, count / 10))
        var storeLatencies: [Duration] = []
        var rawLatencies: [Duration] = []
        var inActorLatencies: [Duration] = []
        for (turn, start) in stride(from: 0, to: count, by: blockSize).enumerated() {
            let block = entries.entries(Int64(start)..<Int64(min(start + blockSize, count)))
            for side in rotated([SingleAppendSide.ledger, .raw, .ledgerInActor], by: turn) {
                switch side {
                case .ledger:
                    for entry in block {
                        let stopwatch = Stopwatch()
                        try await store.append(entry)
                        storeLatencies.append(stopwatch.elapsed)
                    }
                case .raw:
                    for entry in block {
                        let stopwatch = Stopwatch()
                        try raw.insert(entry)
                        rawLatencies.append(stopwatch.elapsed)
                    }
                case .ledgerInActor:
                    inActorLatencies += try await store.timeAppends(block)
                }
            }
        }
        let storeRate = Double(count) / storeLatencies.reduce(.zero, +).seconds
        let rawRate = Double(count) / rawLatencies.reduce(.zero, +).seconds
        recordLatencies("(a) LedgerStore.append(_:) latency", storeLatencies)
        recordLatencies("(a) raw SQLite insert+commit latency", rawLatencies)
        recordLatencies("(a) append(_:) inside the store's actor", inActorLatencies)
        return Comparison(
            key: "singleAppends", title: "(a) durable single appends",
            ledger: Figure(name: "LedgerStore.append(_:)", value: storeRate, unit: "entries/s", display: Format.rate(storeRate)),
            baseline: Figure(name: "raw SQLite", value: rawRate, unit: "entries/s", display: Format.rate(rawRate)),
            target: .ratioAtLeast(0.8))
    }

    /// (b) `batchSize` entries per transaction on both sides, the batches taking turns as in (a).
    private mutating func measureBatchedAppends(store: LedgerStore, raw: RawSQLiteBaseline) async throws -> Comparison {
        Progress.log("(b) \(options.batches) batches of \(Format.count(options.batchSize)) entries on each side")
        var storeTime = Duration.zero
        var rawTime = Duration.zero
        let floors = try LayoutFloor.Layout.allCases.map {
            try LayoutFloor(
                path: workspace.path("appends-floor-\($0).sqlite"), layout: $0, hashAlgorithm: options.profile.hashAlgorithm)
        }
        var floorTimes = [Duration](repeating: .zero, count: floors.count)
        let first = Int64(options.singleAppends)
        let sides = [BatchSide.ledger, .raw] + floors.indices.map(BatchSide.floor)
        for batchNumber in 0..<options.batches {
            let start = first + Int64(batchNumber * options.batchSize)
            let batch = entries.entries(start..<start + Int64(options.batchSize))
            for side in rotated(sides, by: batchNumber) {
                let stopwatch = Stopwatch()
                switch side {
                case .ledger:
                    try await store.append(contentsOf: batch)
                    storeTime += stopwatch.elapsed
                case .raw:
                    try raw.insert(contentsOf: batch)
                    rawTime += stopwatch.elapsed
                case .floor(let number):
                    try floors[number].insert(contentsOf: batch)
                    floorTimes[number] += stopwatch.elapsed
                }
            }
        }
        let total = Double(options.batches * options.batchSize)
        let storeRate = total / storeTime.seconds
        let rawRate = total / rawTime.seconds
        for (floor, time) in zip(floors, floorTimes) {
            let rate = total / time.seconds
            details.append(
                Figure(
                    name: "(b) layout floor: \(floor.layout.rawValue)", value: rate, unit: "entries/s",
                    details: ["ratioToRaw": rate / rawRate], display: "\(Format.rate(rate)) (\(Format.decimal(rate / rawRate))× raw)"))
        }
        return Comparison(
            key: "batchedAppends", title: "(b) batched appends (\(Format.count(options.batchSize))/txn)",
            ledger: Figure(
                name: "LedgerStore.append(contentsOf:)", value: storeRate, unit: "entries/s", display: Format.rate(storeRate)),
            baseline: Figure(name: "raw SQLite", value: rawRate, unit: "entries/s", display: Format.rate(rawRate)),
            target: .ratioAtLeast(0.5))
    }

    /// Builds a log of `entryCount` entries in batches of `buildBatchSize`, signs a checkpoint at its size, and
    /// records the build rate. Returns the open store.
    mutating func buildLog(at path: String, entryCount: Int64) async throws -> LedgerStore {
        Progress.log("building a log of \(Format.count(entryCount)) entries in batches of \(Format.count(options.buildBatchSize))")
        let store = try await createStore(at: path)
        var appendTime = Duration.zero
        var built: Int64 = 0
        var nextReport = entryCount / 10
        while built < entryCount {
            let end = min(built + Int64(options.buildBatchSize), entryCount)
            let batch = entries.entries(built..<end)
            let stopwatch = Stopwatch()
            try await store.append(contentsOf: batch)
            appendTime += stopwatch.elapsed
            built = end
            if built >= nextReport && built < entryCount {
                Progress.log("  \(Format.count(built)) entries, \(Format.rate(Double(built) / appendTime.seconds))")
                nextReport += entryCount / 10
            }
        }
        _ = try await store.checkpoint()
        let rate = Double(entryCount) / appendTime.seconds
        details.append(
            Figure(
                name: "building \(Format.count(entryCount)) entries (\(Format.count(options.buildBatchSize))/txn)",
                value: rate, unit: "entries/s", display: Format.rate(rate) + " (\(Format.decimal(appendTime.seconds)) s)"))
        return store
    }

    /// Adds the median and p99 of `latencies` to the supporting figures.
    mutating func recordLatencies(_ name: String, _ latencies: [Duration]) {
        let sample = LatencySample(latencies)
        let median = sample.median.milliseconds
        let p99 = sample.percentile(0.99).milliseconds
        details.append(
            Figure(
                name: name, value: median, unit: "ms", details: ["p99": p99],
                display: "p50 \(Format.milliseconds(median)), p99 \(Format.milliseconds(p99))"))
    }
}

/// The sides of the single-append comparison (a).
private enum SingleAppendSide {
    /// The store, awaited as a client calls it.
    case ledger
    /// The raw SQLite baseline.
    case raw
    /// The store, timed inside its actor: a supporting figure that separates the library from the hop.
    case ledgerInActor
}

/// The sides of the batched comparison (b): the store, raw SQLite, and the layout floors between them (by number).
private enum BatchSide {
    case ledger, raw
    case floor(Int)
}

/// `sides` rotated left by `turn`, so each side runs first, second, … equally often and never always on the
/// warmer (or colder) disk and cache.
func rotated<Side>(_ sides: [Side], by turn: Int) -> [Side] {
    let shift = turn % sides.count
    return Array(sides[shift...] + sides[..<shift])
}
