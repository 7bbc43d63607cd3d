import Foundation
import PCSCTestSupport
import PropertyLedger

extension Benchmark {
    /// (j) `ledger scan` on the custody log, through the real pcscd and vpcd: virtual tags carrying the chips
    /// of random items are placed on the two virtual readers in turn, and `scan --json --timing` reports, per
    /// tag, the time from the tag-arrived event (UID in hand) to the object's details printed — the figure
    /// the target is for. Beside it: from the reader noticing the tag, which adds connecting to the tag and
    /// reading its UID through pcscd. The reader's own polling (vpcd is polled every 0.4 s) comes before
    /// both and is not counted.
    mutating func measureScan(of path: String) async throws -> Comparison {
        guard let rig = PCSCRig.current else {
            throw BenchError("the scan part needs the PC/SC rig: run under scripts/pcscd-rig.sh run -- …")
        }
        let ledger = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("ledger")
        guard FileManager.default.isExecutableFile(atPath: ledger.path) else {
            throw BenchError("no ledger binary beside ledger-bench at \(ledger.path); build all products (swift build -c release)")
        }
        let scene = CustodyScene(options: options)
        // 8-byte UIDs ending in E0 read as ISO 15693 and are turned around for lookup: leave those out.
        var random = SplitMix64(seed: 0x5CA7)
        var items: [Int] = []
        while items.count < options.scanSamples {
            let item = Int(random.next(below: Int64(scene.items)))
            if !CustodyScene.chipUID(ofItem: item).hasSuffix("E0") && !items.contains(item) { items.append(item) }
        }
        Progress.log("(j) \(items.count) tags presented to `ledger scan` on a log of \(Format.count(options.custodyEntries)) entries")

        let scan = try ScanProcess(
            ledger: ledger, arguments: ["scan", "--json", "--timing", "--count", String(items.count)],
            environment: ["LEDGER_STORE": path, "LEDGER_ALLOW_VIRTUAL_READERS": "1"])
        try await scan.waitFor("the snapshot") { $0["event"] as? String == "snapshot" }

        var detected: [Duration] = []
        var handled: [Duration] = []
        for (number, item) in items.enumerated() {
            let uid = CustodyScene.chipUID(ofItem: item)
            let tag = VirtualTag(uid: Self.bytes(hex: uid))
            try tag.place(onPort: rig.port(slot: number % 2))
            let event = try await scan.waitFor("tag \(uid)") { $0["uid"] as? String == uid }
            guard (event["object"] as? [String: Any])?["chip"] as? String == uid else {
                throw BenchError("scan did not show the item with chip \(uid): \(event)")
            }
            detected.append(.microseconds(Int64(((event["detectedToOutputMs"] as? Double) ?? .nan) * 1000)))
            handled.append(.microseconds(Int64(((event["handledMs"] as? Double) ?? .nan) * 1000)))
            tag.lift()
        }
        _ = try await scan.waitForExit()

        let withRead = LatencySample(detected)
        details.append(
            Figure(
                name: "(j) scan: tag noticed to details printed (adds connect + GET DATA through pcscd/vpcd)",
                value: withRead.median.milliseconds, unit: "ms", details: ["p99": withRead.percentile(0.99).milliseconds],
                display:
                    "p50 \(Format.milliseconds(withRead.median.milliseconds)), p99 \(Format.milliseconds(withRead.percentile(0.99).milliseconds))"
            ))
        return latencyComparison(
            key: "scan", title: "(j) scan: tag-arrived → details, at \(Format.count(options.custodyEntries))",
            name: "ledger scan, tag-arrived event to details printed", latencies: handled,
            target: .medianAndP99Below(20, p99: 100))
    }

    private static func bytes(hex: String) -> [UInt8] {
        stride(from: 0, to: hex.count, by: 2).compactMap {
            let start = hex.index(hex.startIndex, offsetBy: $0)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)
        }
    }
}

/// A running `ledger scan --json`, its output read as it comes.
private final class ScanProcess: @unchecked Sendable {
    // `output` is appended on the pipe's reader thread and read by the benchmark: guarded by `lock`.
    private let lock = NSLock()
    private var output = Data()
    private let process = Process()
    private let pipe = Pipe()

    init(ledger: URL, arguments: [String], environment: [String: String]) throws {
        process.executableURL = ledger
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.output.append(data) }
        }
        try process.run()
    }

    private var events: [[String: Any]] {
        let text = lock.withLock { String(decoding: output, as: UTF8.self) }
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @discardableResult
    func waitFor(_ what: String, seconds: Double = 10, where match: ([String: Any]) -> Bool) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if let event = events.last(where: match) { return event }
            try await Task.sleep(for: .milliseconds(5))
        }
        process.terminate()
        throw BenchError("ledger scan: timed out waiting for \(what)")
    }

    func waitForExit() async throws -> Int32 {
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                process.terminate()
                throw BenchError("ledger scan did not end after its last tag")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }
}
