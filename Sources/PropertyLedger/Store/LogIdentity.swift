/// What a log is: fixed when it is created and recorded in the store and in its first entry.
public struct LogIdentity: Sendable, Equatable {
    /// The checkpoint origin and key name, unique to this log: `<agency code>.propertyledger/<profile>/<random>`.
    /// A reset log gets a new random part, so an origin is never reused.
    public var origin: String
    public var profile: CryptoProfile
    public var agency: Agency
    /// The verifier key text other agencies use to check our checkpoints.
    public var verifierKey: String
    /// When the log was created (ISO 8601, UTC). A claim, like every timestamp: order comes from indices.
    public var createdAt: String
    /// Whether every entry after the first officer's must be signed (entry 0's `log.signatures`).
    public var signatures: SignatureRequirement = .optional
}
