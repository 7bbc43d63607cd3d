public import Foundation

/// The right edge of a Merkle tree: the hashes of the perfect subtrees that together cover `[0, size)`.
///
/// A tree of size n has one such subtree per set bit of n, largest first, so the frontier holds at most 64
/// hashes. It is enough to append (each append completes at most log n subtrees) and to compute the root,
/// which is why both the store and the streaming audit keep one in memory instead of reading the tree.
public struct Frontier: Sendable, Equatable {
    /// One perfect, aligned subtree: `2^level` leaves starting at leaf `index << level`.
    public struct Subtree: Sendable, Equatable {
        public var level: Int
        public var index: Int64
        public var hash: Data
    }

    public private(set) var size: Int64 = 0
    public private(set) var subtrees: [Subtree] = []

    public init() {}

    /// Rebuilds the frontier of a tree of `size` leaves from stored subtree hashes.
    init(size: Int64, hash: (_ level: Int, _ index: Int64) throws -> Data) rethrows {
        var start: Int64 = 0
        for level in stride(from: 63, through: 0, by: -1) where size & (Int64(1) << level) != 0 {
            let index = start >> level
            subtrees.append(Subtree(level: level, index: index, hash: try hash(level, index)))
            start += Int64(1) << level
        }
        self.size = size
    }

    /// Appends a leaf and reports every subtree it completes, the leaf first, so the caller can store them.
    mutating func append(leafHash: Data, using hasher: TreeHasher, completed: (Subtree) throws -> Void) rethrows {
        var node = Subtree(level: 0, index: size, hash: leafHash)
        try completed(node)
        while let last = subtrees.last, last.level == node.level {
            subtrees.removeLast()
            node = Subtree(level: node.level + 1, index: node.index >> 1, hash: hasher.nodeHash(last.hash, node.hash))
            try completed(node)
        }
        subtrees.append(node)
        size += 1
    }

    /// The root hash: the subtrees folded from the right, as RFC 6962's split at the largest power of two does.
    func root(using hasher: TreeHasher) -> Data {
        guard var root = subtrees.last?.hash else { return hasher.emptyRoot }
        for subtree in subtrees.dropLast().reversed() {
            root = hasher.nodeHash(subtree.hash, root)
        }
        return root
    }
}
