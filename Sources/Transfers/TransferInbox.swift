import Foundation
public import PropertyLedger

/// Receiving a transfer, and closing one with the receipt: everything a bundle or receipt claims is checked
/// against the other agency's key recorded here, in the write transaction that records the result, before
/// anything is written.
///
/// A bundle is taken only when it is for this log and not seen before; its checkpoint is signed by a known,
/// unfrozen peer and consistent with the newest one held of that peer (the witness takes it, in the same
/// transaction); every entry in it is proven against that one checkpoint; the first is the manifest of this very
/// transfer, for this log, listing its objects in strictly ascending order, and each of the others is that
/// object's `transfer.out`, at the index the manifest gives, in the manifest's order, with nothing missing or
/// extra. Then every object must be answered — confirmed, damaged (with a note) or missing — exactly once.
public enum TransferInbox {
    /// What an answer says of an object at the receiving desk.
    public struct Answers: Sendable, Equatable {
        public var confirmed: [String] = []
        public var missing: [String] = []
        /// Object and the note on its damage.
        public var damaged: [(object: String, note: String)] = []
        /// The chips read at the desk that no object of the transfer carries (canonical hex UIDs).
        public var extra: [String] = []

        public init(
            confirmed: [String] = [], missing: [String] = [], damaged: [(object: String, note: String)] = [], extra: [String] = []
        ) {
            self.confirmed = confirmed
            self.missing = missing
            self.damaged = damaged
            self.extra = extra
        }

        public static func == (a: Answers, b: Answers) -> Bool {
            a.confirmed == b.confirmed && a.missing == b.missing && a.damaged.map(\.object) == b.damaged.map(\.object)
                && a.damaged.map(\.note) == b.damaged.map(\.note) && a.extra == b.extra
        }
    }

    /// What receiving or closing came to.
    public enum Outcome: Sendable, Equatable {
        case recorded(RecordedModuleEntry)
        /// The checkpoint contradicted the one held: the evidence was written at `index`, the peer is frozen, and
        /// nothing else was recorded. The command reports a refusal.
        case peerFrozen(peer: String, index: Int64)
    }

    /// Checks `bundle` and records `transfer.received` with `answers`; then each object confirmed or damaged
    /// enters this agency's custody under its original id (`custody.received`), for the case `caseNumber` here
    /// (by default the sender's case number), to be checked in like any registered object.
    ///
    /// - Throws: ``LedgerError``, nothing written: `transfer-for-other`, `transfer-replayed`, the witness's
    ///   refusals, `transfer-proof-other-checkpoint`, `transfer-proof-invalid`, `transfer-manifest-mismatch`,
    ///   `transfer-answer-unknown-object`, `transfer-answer-twice`, `transfer-object-unanswered`,
    ///   `transfer-needs-actor`, `transfer-needs-clerk`.
    public static func receive(
        _ bundle: TransferBundle, answers: Answers, forCase caseNumber: String? = nil, in transaction: inout LedgerTransaction
    ) throws -> Outcome {
        let peer = try transaction.read { context -> Peer in
            try context.actingOfficer(roles: [.clerk], none: .transferNeedsActor, lacking: { .transferNeedsClerk(badge: $0, role: $1) })
            guard bundle.to == context.origin else { throw LedgerError(.refused, .transferForOther(bundle.to)) }
            if try TransferTables.transfer(bundle.transfer, direction: "in", in: context.tables) != nil {
                throw LedgerError(.refused, .transferReplayed(bundle.transfer))
            }
            return try knownPeer(bundle.from, in: context)
        }
        // The checkpoint first: a split view is evidence whatever else the bundle holds. Accepted, it is rolled
        // back with everything else if a later check refuses the bundle.
        switch try CheckpointWitness.add(bundle.witness, in: &transaction) {
        case .frozen(let name, let index, _): return .peerFrozen(peer: name, index: index)
        case .accepted, .unchanged: break
        }
        let checked = try transaction.read { context in try checkManifest(bundle, in: context) }
        let byObject = try answered(answers, objects: checked.manifest.objects)
        let results = try zip(checked.manifest.objects, checked.outs).map { object, out in
            let (result, note) = byObject[object]!
            return TransferReceived.Answer(
                object: object, result: result, note: try note.map { try FreeText.checked($0, field: "note") }, record: out.record)
        }
        let received = TransferReceived(
            transfer: bundle.transfer, peer: peer.name, from: bundle.from, case: checked.manifest.case, mode: checked.manifest.mode,
            seenSize: Int64(checked.checkpoint.size), seenRoot: checked.checkpoint.rootHash.base64EncodedString(),
            manifest: Int64(bundle.proofs[0].index), answers: results, extra: answers.extra.isEmpty ? nil : answers.extra)
        let recorded = try transaction.record { _ in received }
        let here = caseNumber ?? checked.manifest.case
        for answer in results where answer.result != .missing {
            var item = answer.record.item
            item?.case = here
            var dossier = answer.record.dossier
            dossier?.case = here
            try transaction.record(
                .receiveObject(
                    ObjectReceived(
                        object: answer.object, kind: answer.record.kind, case: here, from: bundle.from, transfer: bundle.transfer,
                        item: item,
                        dossier: dossier, chip: answer.record.chip, heldBy: checked.manifest.mode == .custody ? bundle.from : nil)))
        }
        return .recorded(recorded)
    }

    /// Checks the receipt for one of this log's open transfers and records `transfer.closed`.
    ///
    /// - Throws: ``LedgerError``, nothing written: `transfer-for-other`, the witness's refusals, the proof
    ///   refusals, `transfer-receipt-unknown` (no open transfer of ours to that peer has this id),
    ///   `transfer-receipt-mismatch` (not the receiver's `transfer.received` of it, or it answers other objects
    ///   than the manifest listed, or it saw a checkpoint of ours that is not our log's),
    ///   `transfer-receipt-cosignature` (the peer's witness key is recorded, and the receipt does not carry its valid
    ///   cosignature of a checkpoint of our log, at or after the size the bundle was checked against).
    public static func close(_ receipt: TransferBundle, in transaction: inout LedgerTransaction) throws -> Outcome {
        let (peer, received, index, size, cosigned) = try transaction.read {
            context -> (Peer, TransferReceived, Int64, Int64, String?) in
            try context.actingOfficer(roles: [.clerk], none: .transferNeedsActor, lacking: { .transferNeedsClerk(badge: $0, role: $1) })
            guard receipt.to == context.origin else { throw LedgerError(.refused, .transferForOther(receipt.to)) }
            let peer = try knownPeer(receipt.from, in: context)
            let (checkpoint, entries) = try proven(receipt, by: peer)
            guard let open = try TransferTables.transfer(receipt.transfer, direction: "out", in: context.tables), open.closed == nil,
                open.origin == peer.origin
            else { throw LedgerError(.refused, .transferReceiptUnknown(receipt.transfer)) }
            guard entries[0].type == TransferReceived.type, let received = try? entries[0].payload(TransferReceived.self),
                received.transfer == receipt.transfer, received.from == context.origin
            else { throw LedgerError(.refused, .transferReceiptMismatch("entry")) }
            let sent = try TransferTables.objects(of: receipt.transfer, in: context.tables).map(\.object)
            guard received.answers.map(\.object) == sent else { throw LedgerError(.refused, .transferReceiptMismatch("objects")) }
            let cosigned = try checkedCosignature(receipt.cosigned, by: peer, seenSize: received.seenSize, in: context)
            return (peer, received, Int64(receipt.proofs[0].index), Int64(checkpoint.size), cosigned)
        }
        switch try CheckpointWitness.add(receipt.witness, in: &transaction) {
        case .frozen(let name, let index, _): return .peerFrozen(peer: name, index: index)
        case .accepted, .unchanged: break
        }
        // What the receiver says it checked our bundle against must be our own log at that size.
        let ours = try transaction.read { context in try context.logRoot(size: received.seenSize) }
        guard ours?.base64EncodedString() == received.seenRoot else { throw LedgerError(.refused, .transferReceiptMismatch("seen")) }
        let closed = TransferClosed(
            transfer: receipt.transfer, peer: peer.name, receipt: index, receiptSize: size, seenSize: received.seenSize,
            answers: received.answers.map { TransferClosed.Answer(object: $0.object, result: $0.result, note: $0.note) },
            cosigned: cosigned)
        let recorded = try transaction.record { _ in closed }
        // Only now does custody change: what the receiver confirmed or found damaged is its own.
        for answer in closed.answers where answer.result != .missing {
            try transaction.record(.transferOut(object: answer.object, to: peer.origin, transfer: receipt.transfer))
        }
        return .recorded(recorded)
    }

    // MARK: Checks

    /// The receipt's cosigned checkpoint of our log, checked, as it is to be kept; nil when no witness key of the
    /// peer is recorded to check it with (then whatever the receipt carries is not kept).
    private static func checkedCosignature(
        _ text: String?, by peer: Peer, seenSize: Int64, in context: borrowing RuleContext
    ) throws -> String? {
        guard let witness = try peer.witnessVerifier else { return nil }
        func refused(_ detail: String) -> LedgerError { LedgerError(.refused, .transferReceiptCosignature(detail)) }
        guard let text else { throw refused("missing") }
        guard let note = try? SignedNote(parsing: text), let checkpoint = try? Checkpoint(text: note.text) else {
            throw refused("malformed")
        }
        // Ours, at a size the receiver may hold: its root must be our log's root at that size.
        let size = Int64(checkpoint.size)
        guard checkpoint.origin == context.origin, size >= seenSize, size <= context.nextIndex,
            try context.logRoot(size: size) == checkpoint.rootHash
        else { throw refused("checkpoint") }
        do {
            _ = try witness.verify(note, now: context.date)
        } catch let error as VerificationError {
            throw refused(error.reason.id)
        }
        return note.formatted
    }

    private struct CheckedBundle {
        let checkpoint: Checkpoint
        let manifest: TransferManifest
        let outs: [TransferOut]
    }

    private static func knownPeer(_ origin: String, in context: borrowing RuleContext) throws -> Peer {
        guard let peer = try PeerTables.peer(origin: origin, in: context.tables) else {
            throw LedgerError(.notFound, .peerOriginUnknown(origin))
        }
        if let frozen = peer.frozenAt { throw LedgerError(.refused, .peerFrozen(peer.name, index: frozen)) }
        return peer
    }

    /// The entries of `file`, each proven against its witness section's checkpoint, signed by `peer`.
    private static func proven(_ file: TransferBundle, by peer: Peer) throws -> (Checkpoint, [LoggedEntry]) {
        let signed: SignedCheckpoint
        do {
            signed = try SignedCheckpoint(parsing: file.witness.checkpoint, verifier: try peer.verifier)
        } catch {
            throw LedgerError(.refused, .peerCheckpointUnsigned(peer.name))
        }
        let verifier = try ProofVerifier(try peer.hashAlgorithm)
        var entries: [LoggedEntry] = []
        for (position, receipt) in file.proofs.enumerated() {
            guard receipt.checkpoint == file.witness.checkpoint else {
                throw LedgerError(.refused, .transferProofOtherCheckpoint(position))
            }
            guard let bytes = receipt.extra else { throw LedgerError(.refused, .transferProofInvalid(position)) }
            do {
                try verifier.verifyInclusion(
                    leafHash: verifier.hasher.leafHash(bytes), index: receipt.index, size: signed.checkpoint.size, proof: receipt.proof,
                    root: signed.checkpoint.rootHash)
            } catch is VerificationError {
                throw LedgerError(.refused, .transferProofInvalid(position))
            }
            guard let entry = try? LoggedEntry(decoding: bytes) else { throw LedgerError(.refused, .transferProofInvalid(position)) }
            entries.append(entry)
        }
        return (signed.checkpoint, entries)
    }

    private static func checkManifest(_ bundle: TransferBundle, in context: borrowing RuleContext) throws -> CheckedBundle {
        let peer = try knownPeer(bundle.from, in: context)
        let (checkpoint, entries) = try proven(bundle, by: peer)
        func mismatch(_ what: String) -> LedgerError { LedgerError(.refused, .transferManifestMismatch(what)) }
        guard entries[0].type == TransferManifest.type, let manifest = try? entries[0].payload(TransferManifest.self) else {
            throw mismatch("manifest")
        }
        guard manifest.transfer == bundle.transfer, manifest.from == bundle.from, manifest.to == context.origin else {
            throw mismatch("addressed")
        }
        guard manifest.objects.count == manifest.entries.count, manifest.objects.count == entries.count - 1 else {
            throw mismatch("count")
        }
        guard zip(manifest.objects, manifest.objects.dropFirst()).allSatisfy({ $0 < $1 }) else { throw mismatch("order") }
        var outs: [TransferOut] = []
        for (position, (object, index)) in zip(manifest.objects, manifest.entries).enumerated() {
            let entry = entries[position + 1]
            guard bundle.proofs[position + 1].index == UInt64(index), index < Int64(bundle.proofs[0].index),
                entry.type == TransferOut.type, let out = try? entry.payload(TransferOut.self), out.transfer == manifest.transfer,
                out.object == object, out.record.id == object, out.to == context.origin, out.mode == manifest.mode
            else { throw mismatch("object \(object)") }
            outs.append(out)
        }
        return CheckedBundle(checkpoint: checkpoint, manifest: manifest, outs: outs)
    }

    /// Each object's answer: every one of `objects` exactly once, nothing else.
    private static func answered(_ answers: Answers, objects: [String]) throws -> [String: (ObjectResult, String?)] {
        var byObject: [String: (ObjectResult, String?)] = [:]
        let listed = Set(objects)
        let given =
            answers.confirmed.map { ($0, ObjectResult.confirmed, String?.none) } + answers.missing.map { ($0, .missing, nil) }
            + answers.damaged.map { ($0.object, .damaged, $0.note) }
        for (object, result, note) in given {
            guard listed.contains(object) else { throw LedgerError(.refused, .transferAnswerUnknownObject(object)) }
            guard byObject[object] == nil else { throw LedgerError(.refused, .transferAnswerTwice(object)) }
            byObject[object] = (result, note)
        }
        if let unanswered = objects.first(where: { byObject[$0] == nil }) {
            throw LedgerError(.refused, .transferObjectUnanswered(unanswered))
        }
        return byObject
    }
}
