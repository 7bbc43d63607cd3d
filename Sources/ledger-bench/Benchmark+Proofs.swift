import Foundation
import PropertyLedger

extension Benchmark {
    /// (d) `inclusionProof(index:size:)` for random indices at the log's current size, as a client awaits it.
    ///
    /// Every proof is then checked against the root, so a fast but wrong proof cannot pass. The same indices
    /// are timed once more inside the store's actor, which separates the library's own cost from the hop.
    mutating func measureInclusionProofs(in store: LedgerStore) async throws -> Comparison {
        let size = try await store.size
        Progress.log("(d) \(Format.count(options.proofSamples)) inclusion proofs at size \(Format.count(size))")
        var random = SplitMix64(seed: 0x1CE_B00C)
        let indices = (0..<options.proofSamples).map { _ in random.next(below: size) }
        // Warm the statement cache and the pages near the root, as a long-running server would have them.
        for index in indices.prefix(20) { _ = try await store.inclusionProof(index: index, size: size) }

        var latencies: [Duration] = []
        var proofs: [[Data]] = []
        for index in indices {
            let stopwatch = Stopwatch()
            let proof = try await store.inclusionProof(index: index, size: size)
            latencies.append(stopwatch.elapsed)
            proofs.append(proof)
        }
        try await verify(proofs, of: indices, size: size, in: store)
        recordLatencies("(d) inclusionProof inside the store's actor", try await store.timeInclusionProofs(indices, size: size))

        let sample = LatencySample(latencies)
        let median = sample.median.milliseconds
        let p99 = sample.percentile(0.99).milliseconds
        return Comparison(
            key: "inclusionProof", title: "(d) inclusion proof at \(Format.count(size))",
            ledger: Figure(
                name: "LedgerStore.inclusionProof(index:size:) median", value: median, unit: "ms", details: ["p99": p99],
                display: "p50 \(Format.milliseconds(median)), p99 \(Format.milliseconds(p99))"),
            baseline: nil, target: .valueBelow(1))
    }

    /// Checks every proof against the root at `size` and the leaf hash of the stored entry.
    private func verify(_ proofs: [[Data]], of indices: [Int64], size: Int64, in store: LedgerStore) async throws {
        let verifier = try ProofVerifier(options.profile.hashAlgorithm)
        let root = try await store.root(size: size)
        for (index, proof) in zip(indices, proofs) {
            let entry = try await store.entry(at: index)
            do {
                try verifier.verifyInclusion(
                    leafHash: verifier.hasher.leafHash(entry), index: UInt64(index), size: UInt64(size), proof: proof, root: root)
            } catch {
                throw BenchError("the inclusion proof of entry \(index) at size \(size) does not verify: \(error)")
            }
        }
    }
}
