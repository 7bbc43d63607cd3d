import Foundation
public import PropertyLedger

/// The entry `transfer.peer-added`: a supervisor records another agency's log — its origin and checkpoint
/// verifier key — under a local name (`ledger peer add NAME --key FILE`).
public struct PeerAdded: EntryPayload, Codable, Hashable {
    public static let type = "transfer.peer-added"

    public let peer: String
    public let origin: String
    public let verifierKey: String
    /// The key the peer's witness cosigns our checkpoints with (`ledger witness key` prints it there); absent
    /// until recorded, here or by `transfer.peer-witness-key`.
    public let witnessKey: String?

    /// The peer `name` with the verifier key `keyText` (and the witness key `witnessKeyText`), recorded by
    /// `context`'s actor, or the refusal.
    ///
    /// - Throws: ``LedgerError``: `peer-needs-actor`, `peer-needs-supervisor`, `peer-name-malformed` (invalid
    ///   input), `peer-key-malformed` (invalid input), `peer-is-this-log`, `peer-name-taken`, `peer-origin-taken`,
    ///   and ``PeerWitnessKey/checked(_:origin:)``'s.
    public static func decide(
        name: String, keyText: String, witnessKeyText: String? = nil, in context: borrowing RuleContext
    ) throws -> PeerAdded {
        try context.actingOfficer(roles: [.supervisor], none: .peerNeedsActor, lacking: { .peerNeedsSupervisor(badge: $0, role: $1) })
        let name = name.trimmingCharacters(in: .whitespaces)
        guard Self.isValidName(name) else { throw LedgerError(.invalidInput, .peerNameMalformed(name)) }
        let keyText = keyText.trimmingCharacters(in: .whitespacesAndNewlines)
        let verifier: NoteVerifier
        do {
            verifier = try NoteVerifier(text: keyText)
        } catch {
            throw LedgerError(.invalidInput, .peerKeyMalformed)
        }
        guard verifier.name != context.origin else { throw LedgerError(.refused, .peerIsThisLog(verifier.name)) }
        if let taken = try PeerTables.peer(named: name, in: context.tables) {
            throw LedgerError(.refused, .peerNameTaken(name, origin: taken.origin))
        }
        if let taken = try PeerTables.peer(origin: verifier.name, in: context.tables) {
            throw LedgerError(.refused, .peerOriginTaken(verifier.name, peer: taken.name))
        }
        let witnessKey = try witnessKeyText.map { try PeerWitnessKey.checked($0, origin: verifier.name) }
        return PeerAdded(peer: name, origin: verifier.name, verifierKey: keyText, witnessKey: witnessKey)
    }

    /// 1 to 32 of `a`–`z`, `0`–`9` and `-`, starting with a letter: typed by people, shown in tables.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.unicodeScalars.count <= 32 else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
