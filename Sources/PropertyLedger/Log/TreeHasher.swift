public import Foundation

/// The RFC 6962 / RFC 9162 tree hashes over one hash algorithm.
///
/// Leaves and interior nodes are domain-separated (`0x00` and `0x01` prefixes), which is what makes a
/// second-preimage attack on the tree impossible.
///
/// Not thread-safe: it reuses one digest context.
public final class TreeHasher {
    public let algorithm: HashAlgorithm
    let digester: Digester

    public init(_ algorithm: HashAlgorithm) throws {
        self.algorithm = algorithm
        self.digester = try Digester(algorithm)
    }

    /// The root of the empty tree: the hash of the empty string.
    public var emptyRoot: Data { digester.hash(Data()) }

    /// `H(0x00 ‖ entry)`.
    public func leafHash(_ entry: Data) -> Data {
        entry.withUnsafeBytes { digester.hash(prefix: 0x00, $0) }
    }

    /// `H(0x00 ‖ entry)` for bytes that are only borrowed, such as a column SQLite still owns.
    func leafHash(_ entry: UnsafeRawBufferPointer) -> Data {
        digester.hash(prefix: 0x00, entry)
    }

    /// `H(0x01 ‖ left ‖ right)`.
    public func nodeHash(_ left: Data, _ right: Data) -> Data {
        left.withUnsafeBytes { l in right.withUnsafeBytes { r in digester.hash(prefix: 0x01, l, r) } }
    }

    /// The plain digest of `data`, without a domain prefix.
    func hash(_ data: Data) -> Data { digester.hash(data) }
}

@available(*, unavailable)
extension TreeHasher: Sendable {}
