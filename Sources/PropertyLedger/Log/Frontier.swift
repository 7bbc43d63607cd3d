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
        /// Held inline: an append makes one or two of these, and a `Data` each was a heap allocation.
        var hash32: Hash32

        public var hash: Data { hash32.withBytes { Data($0) } }

        init(level: Int, index: Int64, hash32: Hash32) {
            self.level = level
            self.index = index
            self.hash32 = hash32
        }
    }

    public private(set) var size: Int64 = 0
    public private(set) var subtrees: [Subtree] = []

    public init() {}

    /// Rebuilds the frontier of a tree of `size` leaves from stored subtree hashes, 32 bytes each (the store's
    /// reader refuses any other length with a reason before it gets here).
    init(size: Int64, hash: (_ level: Int, _ index: Int64) throws -> Data) rethrows {
        var start: Int64 = 0
        for level in stride(from: 63, through: 0, by: -1) where size & (Int64(1) << level) != 0 {
            let index = start >> level
            let bytes = try hash(level, index)
            guard let hash32 = bytes.withUnsafeBytes({ Hash32($0) }) else {
                preconditionFailure("a stored subtree hash of \(bytes.count) bytes")
            }
            subtrees.append(Subtree(level: level, index: index, hash32: hash32))
            start += Int64(1) << level
        }
        self.size = size
    }

    /// Appends a leaf and reports every subtree it completes, the leaf first, so the caller can store them.
    mutating func append(leafHash: Hash32, using hasher: TreeHasher, completed: (Subtree) throws -> Void) rethrows {
        var node = Subtree(level: 0, index: size, hash32: leafHash)
        try completed(node)
        while let last = subtrees.last, last.level == node.level {
            subtrees.removeLast()
            node = Subtree(level: node.level + 1, index: node.index >> 1, hash32: hasher.nodeHash32(last.hash32, node.hash32))
            try completed(node)
        }
        subtrees.append(node)
        size += 1
    }

    /// Appends the leaf of `entry`.
    mutating func append(entry: Data, using hasher: TreeHasher, completed: (Subtree) throws -> Void) rethrows {
        try append(leafHash: entry.withUnsafeBytes { hasher.leafHash32($0) }, using: hasher, completed: completed)
    }

    /// The root hash: the subtrees folded from the right, as RFC 6962's split at the largest power of two does.
    func root(using hasher: TreeHasher) -> Data {
        guard var root = subtrees.last?.hash32 else { return hasher.emptyRoot }
        for subtree in subtrees.dropLast().reversed() {
            root = hasher.nodeHash32(subtree.hash32, root)
        }
        return root.withBytes { Data($0) }
    }
}
