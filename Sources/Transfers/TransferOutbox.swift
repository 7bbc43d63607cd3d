import Foundation
public import PropertyLedger

/// Creating a transfer at the sender: in one write transaction, a `transfer.out` for each object and then the
/// `transfer.manifest` that lists them all.
///
/// The objects are the case's items and dossiers in storage, or those named; each must be in storage now (not
/// checked out, not disposed of), belong to the case, and be in no other open transfer. The peer must be known
/// and not frozen.
public enum TransferOutbox {
    /// The most objects one transfer takes: a bundle stays a file one can mail.
    public static let maximumObjects = 5_000

    /// Records transfer `id` (32 random hex digits when nil) of `caseNumber`'s objects (or `objects`) to `peer`.
    ///
    /// - Throws: ``LedgerError``: `transfer-needs-actor`, `transfer-needs-clerk`, `peer-unknown`, `peer-frozen`,
    ///   `transfer-case-unknown`, `transfer-nothing-to-send`, `transfer-too-many-objects`,
    ///   `transfer-object-not-of-case`, `transfer-object-not-in-storage`, `object-in-transfer`, `object-not-found`.
    public static func create(
        id: String? = nil, to peerName: String, caseNumber: String, objects references: [String]?, mode: TransferMode,
        in transaction: inout LedgerTransaction
    ) throws -> (manifest: RecordedModuleEntry, objects: [RecordedModuleEntry]) {
        let id = try id ?? SecureRandom.bytes(16).map { String(format: "%02x", $0) }.joined()
        let (peer, chosen, from) = try transaction.read { context -> (Peer, [CustodyObject], String) in
            try context.actingOfficer(
                roles: [.clerk], none: .transferNeedsActor, lacking: { .transferNeedsClerk(badge: $0, role: $1) })
            guard let peer = try PeerTables.peer(named: peerName, in: context.tables) else {
                throw LedgerError(.notFound, .peerUnknown(peerName))
            }
            if let frozen = peer.frozenAt { throw LedgerError(.refused, .peerFrozen(peer.name, index: frozen)) }
            guard try context.custody.caseRecord(caseNumber) != nil else {
                throw LedgerError(.notFound, .transferCaseUnknown(caseNumber))
            }
            return (peer, try chosenObjects(references, of: caseNumber, in: context), context.origin)
        }
        var outs: [RecordedModuleEntry] = []
        for object in chosen {
            outs.append(
                try transaction.record { _ in TransferOut(transfer: id, object: object.id, to: peer.origin, mode: mode, record: object) })
        }
        let manifest = try transaction.record { _ in
            TransferManifest(
                transfer: id, peer: peer.name, to: peer.origin, from: from, case: caseNumber, mode: mode, objects: chosen.map(\.id),
                entries: outs.map(\.index))
        }
        return (manifest, outs)
    }

    /// The objects to send, by id ascending: those named, or every one of the case in storage.
    private static func chosenObjects(_ references: [String]?, of caseNumber: String, in context: borrowing RuleContext) throws
        -> [CustodyObject]
    {
        var chosen: [CustodyObject] = []
        if let references {
            for reference in references {
                let id = try context.custody.resolve(reference)
                guard let object = try context.custody.object(id) else {
                    throw LedgerError(.notFound, Reason("object-not-found", ["object": id]))
                }
                guard object.caseNumber == caseNumber else {
                    throw LedgerError(.refused, .transferObjectNotOfCase(object.id, case: caseNumber))
                }
                chosen.append(object)
            }
        } else {
            var filter = ObjectFilter()
            filter.caseNumber = caseNumber
            filter.status = .inStorage
            chosen = try context.custody.objects(matching: filter, now: context.date)
        }
        chosen = Dictionary(chosen.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }).values.sorted { $0.id < $1.id }
        guard !chosen.isEmpty else { throw LedgerError(.refused, .transferNothingToSend(caseNumber)) }
        guard chosen.count <= maximumObjects else {
            throw LedgerError(.refused, .transferTooManyObjects(chosen.count, most: maximumObjects))
        }
        for object in chosen {
            guard object.status == .inStorage else {
                throw LedgerError(.refused, .transferObjectNotInStorage(object.id))
            }
            if let open = try TransferTables.openTransfer(of: object.id, in: context.tables) {
                throw LedgerError(.refused, .objectInTransfer(object.id, transfer: open))
            }
        }
        return chosen
    }
}
