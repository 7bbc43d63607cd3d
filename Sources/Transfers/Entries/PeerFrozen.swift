public import PropertyLedger

/// The entry `transfer.peer-frozen`: the witness saw the peer's log contradict itself, and keeps the evidence in
/// the entry itself — the checkpoint it held, the one submitted and, when the two sizes differ, the proof that
/// failed. Nothing from the peer is accepted until a supervisor unfreezes it (`transfer.peer-unfrozen`).
///
/// `kind` `split-view`: two roots for one size, each signed by the peer's key — the two notes prove it on their
/// own, to anyone with the peer's verifier key. `kind` `proof-failed`: a larger checkpoint the consistency proof
/// from the held one does not lead to (the peer rolled back and grew again differently, or sent a bad proof).
public struct PeerFrozen: EntryPayload, Codable, Hashable {
    public static let type = "transfer.peer-frozen"

    public enum Kind: String, Codable, Sendable {
        case splitView = "split-view"
        case proofFailed = "proof-failed"
    }

    public let peer: String
    public let origin: String
    public let kind: Kind
    /// The signed checkpoint the witness held.
    public let held: String
    /// The signed checkpoint submitted.
    public let submitted: String
    /// The consistency proof submitted (base64 lines), for `proof-failed`.
    public let proof: [String]?
}

/// The entry `transfer.peer-unfrozen`: a supervisor, having looked into the evidence, lets the peer's
/// checkpoints be accepted again (the witness goes on from the checkpoint it held).
public struct PeerUnfrozen: EntryPayload, Codable, Hashable {
    public static let type = "transfer.peer-unfrozen"

    public let peer: String
    public let reason: String

    /// - Throws: ``LedgerError``: `peer-needs-actor`, `peer-needs-supervisor`, `peer-unknown`, `peer-not-frozen`;
    ///   the free-text checks of the reason.
    public static func decide(peer name: String, reason: String, in context: borrowing RuleContext) throws -> PeerUnfrozen {
        try context.actingOfficer(roles: [.supervisor], none: .peerNeedsActor, lacking: { .peerNeedsSupervisor(badge: $0, role: $1) })
        guard let peer = try PeerTables.peer(named: name, in: context.tables) else { throw LedgerError(.notFound, .peerUnknown(name)) }
        guard peer.isFrozen else { throw LedgerError(.refused, .peerNotFrozen(name)) }
        return PeerUnfrozen(peer: peer.name, reason: try FreeText.checked(reason, field: "reason"))
    }
}
