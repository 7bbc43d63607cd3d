import Foundation
import Testing

@testable import PropertyLedger

/// The RFC 6962 tree over the 8 standard leaves, with SHA-256 and with SM3: every root, every inclusion proof
/// and every consistency proof, both generated and verified.
struct MerkleVectorTests {
    struct Vectors: Decodable {
        struct Inclusion: Decodable {
            let index, size: Int
            let proof: [String]
        }
        struct Consistency: Decodable {
            let size1, size2: Int
            let proof: [String]
        }
        let hash: String
        let leaves_hex: [String]
        let leaf_hashes: [String]
        let roots: [String: String]
        let inclusion: [Inclusion]
        let consistency: [Consistency]
    }

    static func load(_ name: String) throws -> Vectors {
        let url = vectorsDirectory.appendingPathComponent("merkle/\(name).json")
        return try JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))
    }

    @Test(arguments: [("sha256", HashAlgorithm.sha256), ("sm3", HashAlgorithm.sm3)])
    func treeMatchesVectors(name: String, algorithm: HashAlgorithm) throws {
        let vectors = try Self.load(name)
        var memory = try InMemoryTree(algorithm)
        let leaves = vectors.leaves_hex.map { Data(hex: $0) }
        for (index, leaf) in leaves.enumerated() {
            #expect(memory.hasher.leafHash(leaf).hex == vectors.leaf_hashes[index])
            memory.append(leaf)
        }
        let tree = memory.tree
        #expect(vectors.roots.count == 9)
        for (size, root) in vectors.roots {
            #expect(try tree.root(size: Int64(size)!).hex == root, "root at size \(size)")
        }
        let verifier = ProofVerifier(hasher: memory.hasher)
        #expect(vectors.inclusion.count == 36)
        for vector in vectors.inclusion {
            let proof = try tree.inclusionProof(index: Int64(vector.index), size: Int64(vector.size))
            #expect(proof.map(\.hex) == vector.proof, "inclusion \(vector.index) in \(vector.size)")
            try verifier.verifyInclusion(
                leafHash: memory.hasher.leafHash(leaves[vector.index]), index: UInt64(vector.index), size: UInt64(vector.size),
                proof: vector.proof.map { Data(hex: $0) }, root: Data(hex: vectors.roots[String(vector.size)]!))
        }
        #expect(vectors.consistency.count == 36)
        for vector in vectors.consistency {
            let proof = try tree.consistencyProof(from: Int64(vector.size1), to: Int64(vector.size2))
            #expect(proof.map(\.hex) == vector.proof, "consistency \(vector.size1) → \(vector.size2)")
            try verifier.verifyConsistency(
                size1: UInt64(vector.size1), size2: UInt64(vector.size2), proof: vector.proof.map { Data(hex: $0) },
                root1: Data(hex: vectors.roots[String(vector.size1)]!), root2: Data(hex: vectors.roots[String(vector.size2)]!))
        }
    }

    @Test func sm3KnownAnswer() throws {
        // GB/T 32905-2016 example 1.
        #expect(
            try HashAlgorithm.sm3.hash(Data("abc".utf8)).hex
                == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
    }

    @Test func emptyTreeRootIsHashOfEmptyString() throws {
        let hasher = try TreeHasher(.sha256)
        #expect(hasher.emptyRoot.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
