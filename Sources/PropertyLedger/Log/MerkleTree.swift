import Foundation

/// Roots and proofs of an RFC 6962 Merkle tree whose perfect subtrees are stored.
///
/// `subtreeHash(level, index)` returns the stored hash of the perfect subtree covering leaves
/// `[index << level, (index + 1) << level)`. With those, the root at any size and every inclusion and
/// consistency proof need O(log n) lookups: the RFC's recursion meets at most one range that is not a
/// stored subtree, and that range decomposes into O(log n) stored ones.
struct MerkleTree {
    let hasher: TreeHasher
    let subtreeHash: (_ level: Int, _ index: Int64) throws -> Data

    /// MTH(D[lo:hi]) for a range the RFC recursion can produce (lo is aligned to the range's largest split).
    func hash(_ lo: Int64, _ hi: Int64) throws -> Data {
        let count = hi - lo
        precondition(count > 0 && lo >= 0)
        if count & (count - 1) == 0 {
            let level = count.trailingZeroBitCount
            precondition(lo & (count - 1) == 0, "unaligned perfect subtree")
            return try subtreeHash(level, lo >> level)
        }
        let split = largestPowerOfTwo(below: count)
        return hasher.nodeHash(try hash(lo, lo + split), try hash(lo + split, hi))
    }

    /// The root of the tree's first `size` leaves.
    func root(size: Int64) throws -> Data {
        size == 0 ? hasher.emptyRoot : try hash(0, size)
    }

    /// The audit path for leaf `index` in the tree of `size` leaves (RFC 6962 §2.1.1), leaf level first.
    func inclusionProof(index: Int64, size: Int64) throws -> [Data] {
        precondition(index >= 0 && index < size)
        var proof: [Data] = []
        try path(index, 0, size, into: &proof)
        return proof
    }

    private func path(_ m: Int64, _ lo: Int64, _ hi: Int64, into proof: inout [Data]) throws {
        let count = hi - lo
        guard count > 1 else { return }
        let split = largestPowerOfTwo(below: count)
        if m < split {
            try path(m, lo, lo + split, into: &proof)
            proof.append(try hash(lo + split, hi))
        } else {
            try path(m - split, lo + split, hi, into: &proof)
            proof.append(try hash(lo, lo + split))
        }
    }

    /// The consistency proof from the tree of `oldSize` leaves to the tree of `newSize` (RFC 6962 §2.1.2).
    func consistencyProof(from oldSize: Int64, to newSize: Int64) throws -> [Data] {
        precondition(oldSize > 0 && oldSize <= newSize)
        var proof: [Data] = []
        if oldSize < newSize { try subproof(oldSize, 0, newSize, isComplete: true, into: &proof) }
        return proof
    }

    private func subproof(_ m: Int64, _ lo: Int64, _ hi: Int64, isComplete: Bool, into proof: inout [Data]) throws {
        let count = hi - lo
        if m == count {
            if !isComplete { proof.append(try hash(lo, hi)) }
            return
        }
        let split = largestPowerOfTwo(below: count)
        if m <= split {
            try subproof(m, lo, lo + split, isComplete: isComplete, into: &proof)
            proof.append(try hash(lo + split, hi))
        } else {
            try subproof(m - split, lo + split, hi, isComplete: false, into: &proof)
            proof.append(try hash(lo, lo + split))
        }
    }
}

extension MerkleTree {
    /// The tree whose subtree hashes are the `log_nodes` rows of `database`.
    static func stored(in database: Database, hasher: TreeHasher) -> MerkleTree {
        MerkleTree(hasher: hasher) { level, index in
            guard
                let hash = try database.firstRow(
                    "SELECT hash FROM log_nodes WHERE level = ? AND idx = ?", level, index, row: { $0.data(0) })
            else {
                throw LedgerError(.storeUnusable, .treeNodeMissing(level: level, index: index))
            }
            guard hash.count == HashAlgorithm.digestSize else {
                throw LedgerError(.storeUnusable, .treeNodeMalformed(level: level, index: index, bytes: hash.count))
            }
            return hash
        }
    }
}

/// The largest power of two strictly smaller than `n` (n > 1): RFC 6962's split point.
func largestPowerOfTwo(below n: Int64) -> Int64 {
    precondition(n > 1)
    return Int64(1) << (63 - (n - 1).leadingZeroBitCount)
}
