import Foundation
public import PropertyLedger

/// The witness of the peers' logs (C2SP tlog-witness, `add-checkpoint`), inside one write transaction: the
/// check of a submitted checkpoint against the newest one held of that log and the compare-and-swap that
/// replaces it, together, so that two submissions cannot both pass against the same old checkpoint.
///
/// A checkpoint is accepted when it is signed by a known, unfrozen peer's key and the request's `old` is the
/// size held (0 for none: the first checkpoint of a peer is trusted on first use, as every witness does), with a
/// consistency proof from the held checkpoint to it. The same checkpoint again changes nothing. A checkpoint of
/// the held size with another root, or a proof that fails, is evidence: it is kept in a `transfer.peer-frozen`
/// entry, the peer is frozen, and the submission is refused.
public enum CheckpointWitness {
    /// What a submission came to.
    public enum Outcome: Sendable, Equatable {
        /// Held now: the peer's log grew from `from` (0: the first checkpoint) to `to`.
        case accepted(peer: String, from: Int64, to: Int64)
        /// The checkpoint held already.
        case unchanged(peer: String, size: Int64)
        /// Evidence of a split view, written at `index`; the peer is frozen. The command reports a refusal.
        case frozen(peer: String, index: Int64, kind: PeerFrozen.Kind)
    }

    /// Checks `request` and, when it holds, makes its checkpoint the newest held of its log.
    ///
    /// - Throws: ``LedgerError`` — nothing written: `peer-origin-unknown` (not found: no peer has the
    ///   checkpoint's origin), `peer-checkpoint-unsigned` (its signature does not verify with the peer's key),
    ///   `peer-frozen`, `add-checkpoint-old-beyond-size`, `add-checkpoint-conflict` (the `old` size is not the
    ///   one held, which the reason gives, as tlog-witness's 409), `add-checkpoint-malformed`.
    public static func add(_ request: AddCheckpointRequest, in transaction: inout LedgerTransaction) throws -> Outcome {
        let judged = try transaction.read { context in try judge(request, in: context) }
        switch judged {
        case .accept(let new, let old):
            try transaction.read { context in
                try PeerTables.replaceWitnessed(new, from: old, at: Timestamp.string(context.date), in: context.tables)
            }
            let peer = try transaction.read { context in try PeerTables.peer(origin: new.origin, in: context.tables)?.name ?? "" }
            return .accepted(peer: peer, from: old, to: new.size)
        case .unchanged(let peer, let size):
            return .unchanged(peer: peer, size: size)
        case .evidence(let frozen):
            let recorded = try transaction.record { _ in frozen }
            return .frozen(peer: frozen.peer, index: recorded.index, kind: frozen.kind)
        }
    }

    /// A submission as the witness answers it, in a file (`ledger witness add-checkpoint`) or over HTTP (`ledger
    /// witness serve`): checked and recorded in one write transaction by `actor`, then, when the checkpoint is held,
    /// cosigned with the ledger's witness key (``LedgerStore/witnessSigner()``).
    ///
    /// - Returns: what it came to, and for `accepted` and `unchanged` the cosignature line (`— <name> <base64>`,
    ///   without its newline).
    /// - Throws: ``add(_:in:)``'s refusals; the witness key's errors.
    public static func submit(
        _ request: AddCheckpointRequest, to store: LedgerStore, actor: String?, signer: (any EntrySigner)?
    ) async throws -> (outcome: Outcome, cosignature: String?) {
        let outcome = try await store.transaction(actor: actor, signer: signer) { transaction in try add(request, in: &transaction) }
        switch outcome {
        case .frozen: return (outcome, nil)
        case .accepted, .unchanged:
            // What the witness holds now is the submitted checkpoint, or one of its size and root: cosign it.
            let line = try store.witnessSigner().cosignatureLine(try SignedNote(parsing: request.checkpoint))
            return (outcome, String(line.dropLast()))
        }
    }

    private enum Judgement {
        case accept(WitnessedCheckpoint, from: Int64)
        case unchanged(peer: String, size: Int64)
        case evidence(PeerFrozen)
    }

    private static func judge(_ request: AddCheckpointRequest, in context: borrowing RuleContext) throws -> Judgement {
        // The origin names the peer; only its key may vouch for the rest.
        let note: SignedNote
        let claimed: Checkpoint
        do {
            note = try SignedNote(parsing: request.checkpoint)
            claimed = try Checkpoint(text: note.text)
        } catch {
            throw LedgerError(.invalidInput, .addCheckpointMalformed(line: 0))
        }
        guard let peer = try PeerTables.peer(origin: claimed.origin, in: context.tables) else {
            throw LedgerError(.notFound, .peerOriginUnknown(claimed.origin))
        }
        let signed: SignedCheckpoint
        do {
            signed = try SignedCheckpoint(parsing: request.checkpoint, verifier: try peer.verifier)
        } catch {
            throw LedgerError(.refused, .peerCheckpointUnsigned(peer.name))
        }
        if let frozen = peer.frozenAt { throw LedgerError(.refused, .peerFrozen(peer.name, index: frozen)) }
        let checkpoint = signed.checkpoint
        let size = Int64(checkpoint.size)
        let held = try PeerTables.witnessed(peer.origin, in: context.tables)
        let new = WitnessedCheckpoint(origin: peer.origin, size: size, root: checkpoint.rootHash, note: request.checkpoint)
        if let held, held.size == size {
            if held.root == checkpoint.rootHash { return .unchanged(peer: peer.name, size: size) }
            return .evidence(
                PeerFrozen(
                    peer: peer.name, origin: peer.origin, kind: .splitView, held: held.note, submitted: request.checkpoint, proof: nil))
        }
        guard request.oldSize <= size else { throw LedgerError(.refused, .addCheckpointOldBeyondSize(request.oldSize, size: size)) }
        let heldSize = held?.size ?? 0
        guard request.oldSize == heldSize else {
            throw LedgerError(.refused, .addCheckpointConflict(peer.name, given: request.oldSize, held: heldSize))
        }
        guard let held else {
            // Trusted on first use: there is nothing to be consistent with.
            guard request.proof.isEmpty else { throw LedgerError(.invalidInput, .addCheckpointMalformed(line: 2)) }
            return .accept(new, from: 0)
        }
        do {
            try ProofVerifier(try peer.hashAlgorithm).verifyConsistency(
                size1: UInt64(held.size), size2: checkpoint.size, proof: request.proof, root1: held.root, root2: checkpoint.rootHash)
        } catch is VerificationError {
            return .evidence(
                PeerFrozen(
                    peer: peer.name, origin: peer.origin, kind: .proofFailed, held: held.note, submitted: request.checkpoint,
                    proof: request.proof.map { $0.base64EncodedString() }))
        }
        return .accept(new, from: held.size)
    }
}
