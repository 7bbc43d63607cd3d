import Foundation
public import PropertyLedger

/// The entry `transfer.peer-witness-key`: a supervisor records, or replaces, the key a peer's witness cosigns
/// our checkpoints with (`ledger peer witness-key NAME --key FILE`). From then on a receipt from that peer must
/// carry its valid cosignature of our checkpoint.
public struct PeerWitnessKey: EntryPayload, Codable, Hashable {
    public static let type = "transfer.peer-witness-key"

    public let peer: String
    public let witnessKey: String

    /// - Throws: ``LedgerError``: `peer-needs-actor`, `peer-needs-supervisor`, `peer-unknown`, and
    ///   ``checked(_:origin:)``'s.
    public static func decide(peer name: String, keyText: String, in context: borrowing RuleContext) throws -> PeerWitnessKey {
        try context.actingOfficer(roles: [.supervisor], none: .peerNeedsActor, lacking: { .peerNeedsSupervisor(badge: $0, role: $1) })
        guard let peer = try PeerTables.peer(named: name, in: context.tables) else { throw LedgerError(.notFound, .peerUnknown(name)) }
        return PeerWitnessKey(peer: peer.name, witnessKey: try checked(keyText, origin: peer.origin))
    }

    /// The witness key text, trimmed, once it is a cosignature key named `<origin>/witness`, as the peer's
    /// ledger names its witness.
    ///
    /// - Throws: ``LedgerError``: `peer-witness-key-malformed` (invalid input), `peer-witness-key-foreign`.
    static func checked(_ text: String, origin: String) throws -> String {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let verifier: CosignatureVerifier
        do {
            verifier = try CosignatureVerifier(text: text)
        } catch {
            throw LedgerError(.invalidInput, .peerWitnessKeyMalformed)
        }
        guard verifier.name == origin + "/witness" else {
            throw LedgerError(.refused, .peerWitnessKeyForeign(verifier.name, origin: origin))
        }
        return text
    }
}
