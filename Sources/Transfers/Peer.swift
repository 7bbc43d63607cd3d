public import Foundation
public import PropertyLedger

/// Another agency's log this ledger exchanges with: a local name, the log's origin (its identity, for good)
/// and its checkpoint verifier key.
public struct Peer: Sendable, Equatable {
    /// The local short name people type (`procuratorate`, `court-zibo`).
    public let name: String
    public let origin: String
    /// The verifier key text (`<origin>+<key id>+<base64>`), as `ledger key` prints it at the peer.
    public let verifierKey: String
    /// The entry that added it.
    public let addedAt: Int64
    /// The witness key the peer cosigns our checkpoints with, once recorded.
    public let witnessKey: String?
    /// The entry that froze it on evidence of a split view, while it is frozen.
    public let frozenAt: Int64?

    public var isFrozen: Bool { frozenAt != nil }

    /// The peer's verifier, parsed from ``verifierKey``.
    public var verifier: NoteVerifier { get throws { try NoteVerifier(text: verifierKey) } }

    /// The peer's witness, parsed from ``witnessKey``; nil before one is recorded.
    public var witnessVerifier: CosignatureVerifier? { get throws { try witnessKey.map(CosignatureVerifier.init(text:)) } }

    /// The hash of the peer's log tree: SM3 for an SM2 key (the gm profile), SHA-256 for Ed25519.
    public var hashAlgorithm: HashAlgorithm {
        get throws { CryptoProfile(signatureAlgorithm: try verifier.key.algorithm).hashAlgorithm }
    }
}

/// The newest checkpoint of a peer's log the witness accepted: only ever replaced by a larger one that a
/// consistency proof showed extends it.
public struct WitnessedCheckpoint: Sendable, Equatable {
    public let origin: String
    public let size: Int64
    public let root: Data
    /// The signed note as the peer signed it: with the peer's key it proves what the peer claimed.
    public let note: String
}
