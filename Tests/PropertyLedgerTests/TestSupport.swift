import Foundation
import Testing

@testable import PropertyLedger

/// The known-answer vectors, copied from the project's shared vectors so a clone is self-contained.
let vectorsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/vectors")

/// A fresh directory for one test, removed afterwards.
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory)
}

/// A fresh store in a temporary directory; it does not require signatures unless asked to (the tests of keys
/// ask for the default of a new store, ``SignatureRequirement/required``).
func withTemporaryStore<T>(
    profile: CryptoProfile = .intl, signatures: SignatureRequirement = .optional, _ body: (LedgerStore, StorePaths) async throws -> T
) async throws -> T {
    try await withTemporaryDirectory { directory in
        let paths = StorePaths(database: directory.appendingPathComponent("ledger.db").path)
        let agency = try Agency(code: "370321", name: "测试县公安局", kind: .police)
        let store = try await LedgerStore.create(paths, agency: agency, profile: profile, signatures: signatures)
        return try await body(store, paths)
    }
}

extension Data {
    init(hex: String) {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        self.init(bytes)
    }

    var hex: String { map { String(format: "%02x", $0) }.joined() }
}

/// RFC 6962 §2.1 written as literally as possible, over a list of leaves: the reference the stored-subtree
/// implementation is compared with.
struct NaiveMerkle {
    let hasher: TreeHasher
    let leaves: [Data]

    func root(_ range: Range<Int>) -> Data {
        switch range.count {
        case 0: return hasher.emptyRoot
        case 1: return hasher.leafHash(leaves[range.lowerBound])
        default:
            let k = split(range.count)
            return hasher.nodeHash(root(range.lowerBound..<range.lowerBound + k), root(range.lowerBound + k..<range.upperBound))
        }
    }

    /// PATH(m, D[range]).
    func path(_ m: Int, _ range: Range<Int>) -> [Data] {
        guard range.count > 1 else { return [] }
        let k = split(range.count)
        let left = range.lowerBound..<range.lowerBound + k
        let right = range.lowerBound + k..<range.upperBound
        return m < k ? path(m, left) + [root(right)] : path(m - k, right) + [root(left)]
    }

    /// PROOF(m, D[n]) = SUBPROOF(m, D[n], true).
    func consistency(_ m: Int, _ n: Int) -> [Data] {
        m == n ? [] : subproof(m, 0..<n, true)
    }

    private func subproof(_ m: Int, _ range: Range<Int>, _ b: Bool) -> [Data] {
        if m == range.count { return b ? [] : [root(range)] }
        let k = split(range.count)
        let left = range.lowerBound..<range.lowerBound + k
        let right = range.lowerBound + k..<range.upperBound
        return m <= k ? subproof(m, left, b) + [root(right)] : subproof(m - k, right, false) + [root(left)]
    }

    private func split(_ n: Int) -> Int {
        var k = 1
        while k * 2 < n { k *= 2 }
        return k
    }
}

/// An in-memory tree built with the same ``Frontier`` append the store uses, for vectors that need leaves
/// the store cannot hold (a store's entry 0 is always its own description).
struct InMemoryTree {
    let hasher: TreeHasher
    private(set) var nodes: [String: Data] = [:]
    private(set) var frontier = Frontier()

    init(_ algorithm: HashAlgorithm) throws {
        hasher = try TreeHasher(algorithm)
    }

    mutating func append(_ entry: Data) {
        var stored = nodes
        frontier.append(entry: entry, using: hasher) { stored["\($0.level)/\($0.index)"] = $0.hash }
        nodes = stored
    }

    var tree: MerkleTree {
        let nodes = self.nodes
        return MerkleTree(hasher: hasher) { level, index in
            guard let hash = nodes["\(level)/\(index)"] else {
                throw LedgerError(.notFound, Reason("tree-node-missing", ["level": "\(level)", "index": "\(index)"]))
            }
            return hash
        }
    }
}
