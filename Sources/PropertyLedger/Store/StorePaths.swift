/// Where a ledger keeps its files.
///
/// The database holds the log; the private key and a copy of the last signed checkpoint live outside it,
/// so that a restored backup or an edited database cannot also roll back what was signed.
public struct StorePaths: Sendable, Equatable {
    /// The SQLite database.
    public var database: String
    /// The site's private signing key, mode 0600. Default: the database path with `.key` appended.
    public var privateKey: String
    /// The last signed checkpoint, rewritten atomically after each signature: the database path with
    /// `.checkpoint` appended.
    public var checkpoint: String
    /// The ledger's witness key, which cosigns the checkpoints of other agencies' logs it verified (mode 0600,
    /// created on first use): the database path with `.witness.key` appended. Never the log's own key: a
    /// cosignature does not name its signer, so each role has a key of its own.
    public var witnessKey: String

    public init(database: String, privateKey: String? = nil) {
        self.database = database
        self.privateKey = privateKey ?? database + ".key"
        self.checkpoint = database + ".checkpoint"
        self.witnessKey = database + ".witness.key"
    }
}
