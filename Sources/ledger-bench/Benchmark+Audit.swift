import Foundation
import PropertyLedger

extension Benchmark {
    /// (c) The full audit's throughput against the bare hash bound: computing every leaf hash of the same bytes
    /// already in memory, which no audit that reads the bytes from disk and also checks the tree can beat.
    mutating func measureAudit(of store: LedgerStore) async throws -> Comparison {
        Progress.log("(c) auditing the large log")
        let stopwatch = Stopwatch()
        let report = try await store.audit()
        let seconds = stopwatch.elapsed.seconds
        guard report.isIntact else {
            let findings = report.findings.prefix(3).map(\.description).joined(separator: "; ")
            throw BenchError("the audit found the freshly built log damaged (\(report.findingCount) findings): \(findings)")
        }
        let auditRate = Double(report.size) / seconds
        details.append(
            Figure(
                name: "(c) audit of \(Format.count(report.size)) entries", value: seconds, unit: "s",
                details: ["nodesChecked": Double(report.nodesChecked), "checkpointsChecked": Double(report.checkpointsChecked)],
                display: "\(Format.decimal(seconds)) s, \(Format.count(report.nodesChecked)) nodes and "
                    + "\(report.checkpointsChecked) checkpoints checked, intact"))

        Progress.log("(c) hashing the same entries in memory")
        let hashRate = try leafHashRate(entryCount: options.entries)
        let algorithm = options.profile.hashAlgorithm.rawValue.uppercased()
        return Comparison(
            key: "audit", title: "(c) full audit (\(algorithm))",
            ledger: Figure(name: "LedgerStore.audit()", value: auditRate, unit: "entries/s", display: Format.rate(auditRate)),
            baseline: Figure(name: "leaf hashes in memory", value: hashRate, unit: "entries/s", display: Format.rate(hashRate)),
            target: .ratioAtLeast(0.5))
    }

    /// Entries per second of `TreeHasher.leafHash` (H(0x00 ‖ entry)) over the large log's entries.
    ///
    /// The entries are made a chunk at a time and only the hashing is timed, so the bound holds the same bytes
    /// in memory without holding the whole log there.
    private func leafHashRate(entryCount: Int64) throws -> Double {
        let hasher = try TreeHasher(options.profile.hashAlgorithm)
        let chunkSize: Int64 = 10_000
        var hashingTime = Duration.zero
        // Folding every digest into a checksum keeps the hashing observable, so it cannot be optimised away.
        var checksum: UInt8 = 0
        for start in stride(from: 0, to: entryCount, by: Int(chunkSize)) {
            let chunk = entries.entries(start..<min(start + chunkSize, entryCount))
            let stopwatch = Stopwatch()
            for entry in chunk { checksum ^= hasher.leafHash(entry).first ?? 0 }
            hashingTime += stopwatch.elapsed
        }
        withExtendedLifetime(checksum) {}
        return Double(entryCount) / hashingTime.seconds
    }
}
