public import Foundation

/// What a backup directory says it holds (`backup.json`): the log's origin, size and root, the latest signed
/// checkpoint's size, and the database file's length and digest.
///
/// A backup is a directory of three files: the database (``databaseFile``), the latest signed checkpoint
/// (``checkpointFile``) and this manifest. The private keys are never in it: a backup travels and is stored
/// where a signing key must not be. A restore checks every field before it trusts the copy.
public struct BackupManifest: Codable, Sendable, Equatable {
    public static let formatName = "propertyledger-backup/1"
    public static let databaseFile = "ledger.db"
    public static let checkpointFile = "ledger.db.checkpoint"
    public static let manifestFile = "backup.json"

    public let format: String
    /// The log's origin, as in its checkpoints.
    public let origin: String
    /// The number of entries in the copy.
    public let entries: Int64
    /// The tree's root over all `entries`, base64.
    public let root: String
    /// The size of the latest signed checkpoint in the copy (at most `entries`).
    public let checkpoint: Int64
    /// The log's hash algorithm, which also hashes the database file (`sm3` or `sha256`).
    public let hash: String
    public let databaseBytes: Int64
    /// The database file's digest, lowercase hex.
    public let databaseDigest: String
    /// When the copy was taken, ISO 8601 UTC.
    public let created: String

    init(
        origin: String, entries: Int64, root: Data, checkpoint: Int64, hash: HashAlgorithm, databaseBytes: Int64,
        databaseDigest: Data, created: Date
    ) {
        self.format = Self.formatName
        self.origin = origin
        self.entries = entries
        self.root = root.base64EncodedString()
        self.checkpoint = checkpoint
        self.hash = hash.rawValue
        self.databaseBytes = databaseBytes
        self.databaseDigest = databaseDigest.map { String(format: "%02x", $0) }.joined()
        self.created = ISO8601DateFormatter().string(from: created)
    }

    /// Reads and checks the manifest at `path`: outside input, so every field is checked before use.
    ///
    /// - Throws: ``LedgerError`` `invalidInput`, `backup-manifest-invalid` (with what is wrong), or the file's
    ///   own reasons (`file-too-large`, `file-not-text`); `notFound` when it is missing.
    public init(reading path: String) throws {
        guard let text = try DurableFile.readText(path) else { throw LedgerError(.notFound, .fileUnreadable(path)) }
        try self.init(parsing: Data(text.utf8), path: path)
    }

    /// Reads and checks the manifest's bytes; `path` names the file in the reasons.
    public init(parsing data: Data, path: String) throws {
        func invalid(_ detail: String) -> LedgerError { LedgerError(.invalidInput, .backupManifestInvalid(path, detail: detail)) }
        let decoded: BackupManifest
        do {
            decoded = try JSONDecoder().decode(BackupManifest.self, from: data)
        } catch {
            throw invalid("not a backup manifest")
        }
        guard decoded.format == Self.formatName else { throw invalid("format \(decoded.format.prefix(64))") }
        guard HashAlgorithm(rawValue: decoded.hash) != nil else { throw invalid("hash \(decoded.hash.prefix(64))") }
        guard decoded.entries >= 1, decoded.checkpoint >= 0, decoded.checkpoint <= decoded.entries else { throw invalid("entries") }
        guard decoded.rootHash?.count == HashAlgorithm.digestSize else { throw invalid("root") }
        guard decoded.databaseBytes > 0 else { throw invalid("databaseBytes") }
        guard decoded.databaseDigest.count == 2 * HashAlgorithm.digestSize,
            decoded.databaseDigest.allSatisfy({ $0.isHexDigit && !$0.isUppercase })
        else { throw invalid("databaseDigest") }
        self = decoded
    }

    /// The root as bytes; nil if it is not base64.
    var rootHash: Data? { Data(base64Encoded: root) }

    /// The manifest as the file holds it: sorted keys, one field per line, so it reads and diffs well.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
