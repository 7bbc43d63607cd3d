public import Foundation

/// Why a proof, a signature or a checkpoint does not verify.
public struct VerificationError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    public var description: String { message }
    init(_ message: String) { self.message = message }
}

/// Storage-free verification of inclusion and consistency proofs (RFC 9162 §2.1.3.2 and §2.1.4.2).
///
/// Beyond the RFC's algorithms it is strict about shape before doing any hashing: every hash must be
/// 32 bytes, `index < size`, `0 < size1 ≤ size2`, and the proof must have exactly the length the sizes
/// imply. The root a proof is checked against must come from a verified checkpoint, never from the proof.
///
/// Not thread-safe (it reuses a digest context); make one per task.
public struct ProofVerifier {
    public let hasher: TreeHasher

    public init(_ algorithm: HashAlgorithm) throws {
        self.hasher = try TreeHasher(algorithm)
    }

    public init(hasher: TreeHasher) {
        self.hasher = hasher
    }

    /// Checks that `leafHash` is the leaf at `index` in the tree of `size` leaves whose root is `root`.
    public func verifyInclusion(leafHash: Data, index: UInt64, size: UInt64, proof: [Data], root: Data) throws {
        try requireHashSizes(["leaf hash": leafHash, "root": root], proof: proof)
        guard index < size else { throw VerificationError("index \(index) is not below the tree size \(size)") }
        let (inner, border) = decomposeInclusion(index: index, size: size)
        guard proof.count == inner + border else {
            throw VerificationError("the inclusion proof has \(proof.count) hashes; index \(index) in size \(size) needs \(inner + border)")
        }
        var fn = index
        var sn = size - 1
        var hash = leafHash
        for sibling in proof {
            guard sn != 0 else { throw VerificationError("the inclusion proof is too long") }
            if fn & 1 == 1 || fn == sn {
                hash = hasher.nodeHash(sibling, hash)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                hash = hasher.nodeHash(hash, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw VerificationError("the inclusion proof is too short") }
        guard hash == root else { throw VerificationError("the inclusion proof does not lead to the root") }
    }

    /// Checks that the tree of `size2` leaves with root `root2` extends the tree of `size1` leaves with
    /// root `root1`.
    public func verifyConsistency(size1: UInt64, size2: UInt64, proof: [Data], root1: Data, root2: Data) throws {
        try requireHashSizes(["first root": root1, "second root": root2], proof: proof)
        // The empty tree is a prefix of every tree, so such a proof proves nothing; refuse it outright.
        guard size1 > 0 else { throw VerificationError("a consistency proof from size 0 proves nothing") }
        guard size1 <= size2 else { throw VerificationError("size \(size1) is larger than size \(size2)") }
        if size1 == size2 {
            guard proof.isEmpty else { throw VerificationError("a proof between equal sizes must be empty") }
            guard root1 == root2 else { throw VerificationError("the two roots of size \(size1) differ") }
            return
        }
        // Expected length: the path from the last leaf of the old tree, minus the levels inside the old
        // tree's rightmost perfect subtree, plus that subtree's own hash unless it is the whole old tree.
        let shift = UInt64(size1.trailingZeroBitCount)
        let (inner, border) = decomposeInclusion(index: size1 - 1, size: size2)
        let seedIsRoot1 = size1 == UInt64(1) << shift
        let expected = Int(inner) - Int(shift) + border + (seedIsRoot1 ? 0 : 1)
        guard proof.count == expected else {
            throw VerificationError("the consistency proof has \(proof.count) hashes; sizes \(size1) → \(size2) need \(expected)")
        }
        let path = seedIsRoot1 ? [root1] + proof : proof
        var fn = size1 - 1
        var sn = size2 - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var first = path[0]
        var second = path[0]
        for hash in path.dropFirst() {
            guard sn != 0 else { throw VerificationError("the consistency proof is too long") }
            if fn & 1 == 1 || fn == sn {
                first = hasher.nodeHash(hash, first)
                second = hasher.nodeHash(hash, second)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                second = hasher.nodeHash(second, hash)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw VerificationError("the consistency proof is too short") }
        guard first == root1 else { throw VerificationError("the consistency proof does not lead to the first root") }
        guard second == root2 else { throw VerificationError("the consistency proof does not lead to the second root") }
    }

    /// Checks that `leafHash` is the leaf at `index` inside the subtree `[start, end)` whose hash is
    /// `subtreeHash` (a subtree inclusion proof, draft-ietf-plants-merkle-tree-certs §4.3).
    ///
    /// The subtree must be valid: `start < end` and `start` a multiple of the smallest power of two not
    /// below `end - start`. Its inclusion proof is then an ordinary one within a tree of `end - start` leaves.
    public func verifySubtreeInclusion(
        leafHash: Data, index: UInt64, start: UInt64, end: UInt64, proof: [Data], subtreeHash: Data
    ) throws {
        try requireHashSizes(["leaf hash": leafHash, "subtree hash": subtreeHash], proof: proof)
        guard start < end, isValidSubtree(start: start, end: end) else {
            throw VerificationError("[\(start), \(end)) is not a valid subtree")
        }
        guard start <= index, index < end else { throw VerificationError("index \(index) is not in [\(start), \(end))") }
        try verifyInclusion(leafHash: leafHash, index: index - start, size: end - start, proof: proof, root: subtreeHash)
    }

    /// Checks that the subtree `[start, end)` with hash `subtreeHash` sits at those positions in the tree of
    /// `size` leaves with root `root` (a subtree consistency proof, draft-ietf-plants-merkle-tree-certs §4.4.3).
    ///
    /// An empty subtree (`start == end`) is accepted only with an empty proof and the empty-tree hash: it
    /// claims nothing about the tree.
    public func verifySubtreeConsistency(
        start: UInt64, end: UInt64, size: UInt64, proof: [Data], subtreeHash: Data, root: Data
    ) throws {
        try requireHashSizes(["subtree hash": subtreeHash, "root": root], proof: proof)
        guard start <= end, end <= size, isValidSubtree(start: start, end: end) else {
            throw VerificationError("[\(start), \(end)) is not a valid subtree of a tree of \(size) leaves")
        }
        if start == end {
            guard proof.isEmpty else { throw VerificationError("a proof for an empty subtree must be empty") }
            guard subtreeHash == hasher.emptyRoot else { throw VerificationError("an empty subtree must have the empty hash") }
            return
        }
        var fn = start
        var sn = end - 1
        var tn = size - 1
        // Climb past the levels that need no proof hash: all of them when the subtree ends at the tree's
        // right edge, otherwise only while its last leaf is a right child.
        if sn == tn {
            while fn != sn { (fn, sn, tn) = (fn >> 1, sn >> 1, tn >> 1) }
        } else {
            while fn != sn && sn & 1 == 1 { (fn, sn, tn) = (fn >> 1, sn >> 1, tn >> 1) }
        }
        var remaining = proof[...]
        var subtree: Data
        if fn == sn {
            subtree = subtreeHash
        } else {
            guard let first = remaining.popFirst() else { throw VerificationError("the subtree consistency proof is empty") }
            subtree = first
        }
        var tree = subtree
        for hash in remaining {
            guard tn != 0 else { throw VerificationError("the subtree consistency proof is too long") }
            if sn & 1 == 1 || sn == tn {
                if fn < sn { subtree = hasher.nodeHash(hash, subtree) }
                tree = hasher.nodeHash(hash, tree)
                while sn & 1 == 0 && sn != 0 { (fn, sn, tn) = (fn >> 1, sn >> 1, tn >> 1) }
            } else {
                tree = hasher.nodeHash(tree, hash)
            }
            (fn, sn, tn) = (fn >> 1, sn >> 1, tn >> 1)
        }
        guard tn == 0 else { throw VerificationError("the subtree consistency proof is too short") }
        guard subtree == subtreeHash else { throw VerificationError("the proof does not lead to the subtree hash") }
        guard tree == root else { throw VerificationError("the proof does not lead to the root") }
    }

    /// A subtree `[start, end)` is valid when `start` is a multiple of the smallest power of two that is at
    /// least `end - start`, so the subtree is a node (or a left-aligned part of one) of every larger tree.
    private func isValidSubtree(start: UInt64, end: UInt64) -> Bool {
        guard start <= end else { return false }
        let count = end - start
        guard count > 1 else { return true }
        let width = 64 - (count - 1).leadingZeroBitCount
        guard width < 64 else { return false }  // the power of two would not fit in 64 bits
        return start % (UInt64(1) << UInt64(width)) == 0
    }

    private func requireHashSizes(_ named: KeyValuePairs<String, Data>, proof: [Data]) throws {
        for (name, hash) in named where hash.count != HashAlgorithm.digestSize {
            throw VerificationError("the \(name) is \(hash.count) bytes, not \(HashAlgorithm.digestSize)")
        }
        if let bad = proof.firstIndex(where: { $0.count != HashAlgorithm.digestSize }) {
            throw VerificationError("proof hash \(bad) is \(proof[bad].count) bytes, not \(HashAlgorithm.digestSize)")
        }
    }
}

/// Splits the inclusion path of leaf `index` in a tree of `size` leaves into the levels below the point
/// where it leaves the perfect part of the tree (`inner`) and the hashes along the right border (`border`).
func decomposeInclusion(index: UInt64, size: UInt64) -> (inner: Int, border: Int) {
    let inner = 64 - (index ^ (size - 1)).leadingZeroBitCount
    let border = (index >> UInt64(inner)).nonzeroBitCount
    return (inner, border)
}
