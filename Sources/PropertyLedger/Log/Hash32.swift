/// A 32-byte hash held inline, for the audit's inner loops: comparing and combining millions of hashes
/// without a heap allocation each.
struct Hash32: Equatable, Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    static func == (lhs: Hash32, rhs: Hash32) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    /// The hash in `bytes`, or nil when they are not exactly 32.
    init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 32, let base = bytes.baseAddress else { return nil }
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base, count: 32)) }
    }

    /// Fills a hash through `body`, which writes 32 bytes.
    init(writing body: (UnsafeMutableRawBufferPointer) -> Void) {
        withUnsafeMutableBytes(of: &words, body)
    }

    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(of: words, body)
    }
}

extension Digester {
    /// Like ``hash(prefix:_:_:)`` but into an inline ``Hash32``: no allocation.
    func hash32(prefix: UInt8, _ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer? = nil) -> Hash32 {
        Hash32 { out in digest(prefix: prefix, first, second, into: out) }
    }
}

extension TreeHasher {
    func leafHash32(_ entry: UnsafeRawBufferPointer) -> Hash32 {
        digester.hash32(prefix: 0x00, entry)
    }

    func nodeHash32(_ left: Hash32, _ right: Hash32) -> Hash32 {
        left.withBytes { l in right.withBytes { r in digester.hash32(prefix: 0x01, l, r) } }
    }
}

extension Statement {
    /// Binds the hash as a 32-byte BLOB to the 1-based parameter `index` (SQLite copies it).
    func bind(_ hash: Hash32, at index: Int32) throws {
        try hash.withBytes { try bind(bytes: $0, at: index) }
    }

    /// The column as a ``Hash32``, or nil when it is not a 32-byte blob.
    func hash32(_ column: Int32) -> Hash32? {
        withBytes(column) { Hash32($0) }
    }
}
