public import Foundation

/// What a bulletin was computed from, so that it can be checked against the log later: the number of
/// entries it read and the signed checkpoint it names (its origin, size and root hash).
///
/// The two sizes are equal whenever the store could sign a checkpoint at the size it read (the usual case);
/// a read-only store or one without its private key here names its latest checkpoint, which is then older.
public struct BulletinSource: Sendable, Hashable {
    /// The number of log entries the bulletin reflects.
    public let logSize: Int64
    /// The log's name in its checkpoints (its origin line).
    public let checkpointOrigin: String
    /// The size of the signed checkpoint named.
    public let checkpointSize: Int64
    /// Its root hash, as the checkpoint's third line has it in base64 (``checkpointRootBase64``).
    public let checkpointRoot: Data

    public init(logSize: Int64, checkpointOrigin: String, checkpointSize: Int64, checkpointRoot: Data) {
        self.logSize = logSize
        self.checkpointOrigin = checkpointOrigin
        self.checkpointSize = checkpointSize
        self.checkpointRoot = checkpointRoot
    }

    /// Whether the checkpoint covers exactly the entries the bulletin read.
    public var isCheckpointAtLogSize: Bool { checkpointSize == logSize }

    /// The root hash as the signed checkpoint writes it.
    public var checkpointRootBase64: String { checkpointRoot.base64EncodedString() }

    /// The root hash in lower-case hex, as `ledger verify` and most tools print hashes.
    public var checkpointRootHex: String {
        checkpointRoot.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
