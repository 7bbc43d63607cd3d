import Foundation
import Testing

@testable import PropertyLedger

/// The stored-subtree implementation, reading a real SQLite store, against the naive recursive definitions
/// of RFC 6962, for every tree size up to 128: every root, every (index, size) and every (m, n).
struct DifferentialTests {
    @Test(arguments: CryptoProfile.allCases)
    func storeAgreesWithNaiveReference(profile: CryptoProfile) async throws {
        try await withTemporaryStore(profile: profile) { store, _ in
            // Entry 0 describes the log; append 127 more of varied lengths (including empty).
            let extra = (1..<128).map { Data(repeating: UInt8($0 & 0xFF), count: $0 % 7 == 0 ? 0 : $0) }
            try await store.append(contentsOf: extra)
            var leaves: [Data] = []
            for index in 0..<128 { leaves.append(try await store.entry(at: Int64(index))) }
            let naive = NaiveMerkle(hasher: try TreeHasher(profile.hashAlgorithm), leaves: leaves)
            let verifier = try ProofVerifier(profile.hashAlgorithm)
            var proofsChecked = 0
            for size in 1...128 {
                let root = naive.root(0..<size)
                #expect(try await store.root(size: Int64(size)) == root, "root at size \(size)")
                for index in 0..<size {
                    let proof = try await store.inclusionProof(index: Int64(index), size: Int64(size))
                    #expect(proof == naive.path(index, 0..<size), "inclusion \(index) in \(size)")
                    try verifier.verifyInclusion(
                        leafHash: naive.hasher.leafHash(leaves[index]), index: UInt64(index), size: UInt64(size), proof: proof,
                        root: root)
                    proofsChecked += 1
                }
                for m in 1...size {
                    let proof = try await store.consistencyProof(from: Int64(m), to: Int64(size))
                    #expect(proof == naive.consistency(m, size), "consistency \(m) → \(size)")
                    try verifier.verifyConsistency(
                        size1: UInt64(m), size2: UInt64(size), proof: proof, root1: naive.root(0..<m), root2: root)
                    proofsChecked += 1
                }
            }
            #expect(proofsChecked == 2 * (128 * 129 / 2))
            #expect(try await store.root(size: 0) == naive.root(0..<0))
        }
    }
}
