public import Foundation

/// Why a proof, a signature or a checkpoint does not verify (``Reason/logReasons``).
public struct VerificationError: Error, CustomStringConvertible, Sendable, Equatable {
    public let reason: Reason
    /// The reason's debug form; people read ``reason`` worded by the presentation layer.
    public var message: String { reason.description }
    public var description: String { message }
    init(_ reason: Reason) { self.reason = reason }
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
        try requireHashSizes(["leaf-hash": leafHash, "root": root], proof: proof)
        guard index < size else { throw VerificationError(Reason("index-not-below-size", ["index": String(index), "size": String(size)])) }
        let (inner, border) = decomposeInclusion(index: index, size: size)
        guard proof.count == inner + border else {
            throw VerificationError(
                Reason(
                    "inclusion-proof-length",
                    ["hashes": String(proof.count), "index": String(index), "size": String(size), "expected": String(inner + border)]))
        }
        var fn = index
        var sn = size - 1
        var hash = leafHash
        for sibling in proof {
            guard sn != 0 else { throw VerificationError(Reason("inclusion-proof-too-long")) }
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
        guard sn == 0 else { throw VerificationError(Reason("inclusion-proof-too-short")) }
        guard hash == root else { throw VerificationError(Reason("inclusion-proof-wrong-root")) }
    }

    /// Checks that the tree of `size2` leaves with root `root2` extends the tree of `size1` leaves with
    /// root `root1`.
    public func verifyConsistency(size1: UInt64, size2: UInt64, proof: [Data], root1: Data, root2: Data) throws {
        try requireHashSizes(["first-root": root1, "second-root": root2], proof: proof)
        // The empty tree is a prefix of every tree, so such a proof proves nothing; refuse it outright.
        guard size1 > 0 else { throw VerificationError(Reason("consistency-from-empty")) }
        guard size1 <= size2 else {
            throw VerificationError(Reason("consistency-sizes-reversed", ["size1": String(size1), "size2": String(size2)]))
        }
        if size1 == size2 {
            guard proof.isEmpty else { throw VerificationError(Reason("consistency-equal-sizes-not-empty")) }
            guard root1 == root2 else { throw VerificationError(Reason("consistency-roots-differ", ["size": String(size1)])) }
            return
        }
        // Expected length: the path from the last leaf of the old tree, minus the levels inside the old
        // tree's rightmost perfect subtree, plus that subtree's own hash unless it is the whole old tree.
        let shift = UInt64(size1.trailingZeroBitCount)
        let (inner, border) = decomposeInclusion(index: size1 - 1, size: size2)
        let seedIsRoot1 = size1 == UInt64(1) << shift
        let expected = Int(inner) - Int(shift) + border + (seedIsRoot1 ? 0 : 1)
        guard proof.count == expected else {
            throw VerificationError(
                Reason(
                    "consistency-proof-length",
                    ["hashes": String(proof.count), "size1": String(size1), "size2": String(size2), "expected": String(expected)]))
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
            guard sn != 0 else { throw VerificationError(Reason("consistency-proof-too-long")) }
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
        guard sn == 0 else { throw VerificationError(Reason("consistency-proof-too-short")) }
        guard first == root1 else { throw VerificationError(Reason("consistency-proof-wrong-first-root")) }
        guard second == root2 else { throw VerificationError(Reason("consistency-proof-wrong-second-root")) }
    }

    /// Checks that `leafHash` is the leaf at `index` inside the subtree `[start, end)` whose hash is
    /// `subtreeHash` (a subtree inclusion proof, draft-ietf-plants-merkle-tree-certs §4.3).
    ///
    /// The subtree must be valid: `start < end` and `start` a multiple of the smallest power of two not
    /// below `end - start`. Its inclusion proof is then an ordinary one within a tree of `end - start` leaves.
    public func verifySubtreeInclusion(
        leafHash: Data, index: UInt64, start: UInt64, end: UInt64, proof: [Data], subtreeHash: Data
    ) throws {
        try requireHashSizes(["leaf-hash": leafHash, "subtree-hash": subtreeHash], proof: proof)
        guard start < end, isValidSubtree(start: start, end: end) else {
            throw VerificationError(Reason("subtree-invalid", ["start": String(start), "end": String(end)]))
        }
        guard start <= index, index < end else {
            throw VerificationError(Reason("index-outside-subtree", ["index": String(index), "start": String(start), "end": String(end)]))
        }
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
        try requireHashSizes(["subtree-hash": subtreeHash, "root": root], proof: proof)
        guard start <= end, end <= size, isValidSubtree(start: start, end: end) else {
            throw VerificationError(Reason("subtree-outside-tree", ["start": String(start), "end": String(end), "size": String(size)]))
        }
        if start == end {
            guard proof.isEmpty else { throw VerificationError(Reason("empty-subtree-proof-not-empty")) }
            guard subtreeHash == hasher.emptyRoot else { throw VerificationError(Reason("empty-subtree-hash-wrong")) }
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
            guard let first = remaining.popFirst() else { throw VerificationError(Reason("subtree-proof-empty")) }
            subtree = first
        }
        var tree = subtree
        for hash in remaining {
            guard tn != 0 else { throw VerificationError(Reason("subtree-proof-too-long")) }
            if sn & 1 == 1 || sn == tn {
                if fn < sn { subtree = hasher.nodeHash(hash, subtree) }
                tree = hasher.nodeHash(hash, tree)
                while sn & 1 == 0 && sn != 0 { (fn, sn, tn) = (fn >> 1, sn >> 1, tn >> 1) }
            } else {
                tree = hasher.nodeHash(tree, hash)
            }
            (fn, sn, tn) = (fn >> 1, sn >> 1, tn >> 1)
        }
        guard tn == 0 else { throw VerificationError(Reason("subtree-proof-too-short")) }
        guard subtree == subtreeHash else { throw VerificationError(Reason("subtree-proof-wrong-subtree-hash")) }
        guard tree == root else { throw VerificationError(Reason("subtree-proof-wrong-root")) }
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
            throw VerificationError(
                Reason("hash-wrong-size", ["hash": name, "bytes": String(hash.count), "expected": String(HashAlgorithm.digestSize)]))
        }
        if let bad = proof.firstIndex(where: { $0.count != HashAlgorithm.digestSize }) {
            throw VerificationError(
                Reason(
                    "proof-hash-wrong-size",
                    ["position": String(bad), "bytes": String(proof[bad].count), "expected": String(HashAlgorithm.digestSize)]))
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
