import Foundation

extension LedgerStore {
    /// The latest signed checkpoint; if the log has grown since, a new one is signed first.
    ///
    /// Before signing, the new tree is checked against the last signed one with a consistency proof, so the
    /// store never signs two roots for one size or a head that does not extend the previous one. The signed
    /// note is committed to the database first and only then published to the checkpoint file (see
    /// ``publishLatestCheckpoint()``): the file never holds a checkpoint the database lacks.
    public func checkpoint(signingIfGrown: Bool = true) throws -> SignedCheckpoint {
        guard signingIfGrown else {
            guard let latest = try latestCheckpoint() else {
                throw LedgerError(.notFound, .noCheckpointYet)
            }
            return latest
        }
        if let writeBlockedReason {
            // A read-only store can still hand out the checkpoint it has, when that covers the whole log.
            if isReadOnly, let latest = try latestCheckpoint(), Int64(latest.checkpoint.size) == (try size) { return latest }
            throw LedgerError(.storeUnusable, .writesBlocked(by: writeBlockedReason))
        }
        let signer = try loadSigner()
        let signed: SignedCheckpoint = try database.writeTransaction {
            let size = try self.size
            let root = try tree.root(size: size)
            if let latest = try latestCheckpoint() {
                let last = latest.checkpoint
                if Int64(last.size) == size {
                    guard last.rootHash == root else {
                        throw LedgerError(.verificationFailed, .treeDiffersFromCheckpoint(size: size))
                    }
                    return latest
                }
                guard Int64(last.size) < size else {
                    throw LedgerError(.storeUnusable, .storeBehindCheckpoint(entries: size, checkpointSize: Int64(last.size)))
                }
                if last.size > 0 {
                    let proof = try tree.consistencyProof(from: Int64(last.size), to: size)
                    do {
                        try ProofVerifier(hasher: hasher).verifyConsistency(
                            size1: last.size, size2: UInt64(size), proof: proof, root1: last.rootHash, root2: root)
                    } catch {
                        throw LedgerError(
                            .verificationFailed,
                            .checkpointNotExtended(size: size, checkpointSize: Int64(last.size), detail: "\(error)"))
                    }
                }
            }
            let checkpoint = Checkpoint(origin: identity.origin, size: UInt64(size), rootHash: root)
            let note = try SignedNote.sign(checkpoint.text, with: signer)
            try database.execute(
                "INSERT INTO log_checkpoints (size, root, note) VALUES (?, ?, ?)", size, root, note.formatted)
            return SignedCheckpoint(checkpoint: checkpoint, note: note)
        }
        if try DurableFile.readText(paths.checkpoint) != signed.note.formatted {
            try publishLatestCheckpoint()
        }
        return signed
    }

    /// Writes the database's latest checkpoint to the checkpoint file, unless the file already holds it or a
    /// later one.
    ///
    /// It runs under the database's write lock, so publishers take turns: the file only ever moves forward,
    /// and what it holds is always committed. Temporary files left by publishers that were killed are removed
    /// here too, since no other publisher can be writing one now.
    func publishLatestCheckpoint() throws {
        try database.writeTransaction {
            guard let latest = try latestCheckpoint() else { return }
            let text = latest.note.formatted
            let current = try DurableFile.readText(paths.checkpoint)
            if let current, current != text {
                guard let published = try? SignedCheckpoint(parsing: current, verifier: verifier) else {
                    throw LedgerError(.storeUnusable, .checkpointFileUnverifiable(paths.checkpoint))
                }
                // With the write lock held the table's latest is the newest committed checkpoint: a file at or
                // beyond it that differs was not published from this database.
                guard published.checkpoint.size < latest.checkpoint.size else {
                    throw LedgerError(
                        .storeUnusable,
                        .checkpointFileAhead(
                            paths.checkpoint, size: Int64(published.checkpoint.size), latest: Int64(latest.checkpoint.size)))
                }
            }
            if current != text { try DurableFile.replace(paths.checkpoint, contents: Data(text.utf8), mode: 0o644) }
            DurableFile.removeTemporaries(of: paths.checkpoint)
        }
    }

    /// The checkpoint signed at `size`, or the latest (signed now if the log has grown) when `size` is nil.
    ///
    /// - Throws: ``LedgerError`` (`notFound`, `no-checkpoint-at-size`) when none was signed at `size`.
    public func checkpoint(at size: Int64?) throws -> SignedCheckpoint {
        guard let size else { return try checkpoint() }
        guard let found = try signedCheckpoint(size: size) else {
            throw LedgerError(.notFound, .noCheckpointAtSize(size, signed: try checkpointSizes()))
        }
        return found
    }

    /// The checkpoint signed at exactly `size`, if there is one.
    public func signedCheckpoint(size: Int64) throws -> SignedCheckpoint? {
        try database.firstRow("SELECT note FROM log_checkpoints WHERE size = ?", size) { $0.text(0) }
            .map { try SignedCheckpoint(parsing: $0, verifier: verifier) }
    }

    /// The sizes at which checkpoints were signed, in order.
    public func checkpointSizes() throws -> [Int64] {
        try database.rows("SELECT size FROM log_checkpoints ORDER BY size") { $0.int64(0) }
    }

    /// A c2sp.org/tlog-proof@v1 receipt for entry `index` against the checkpoint signed at `size`, or against
    /// the latest checkpoint (signed now if the log has grown) when `size` is nil.
    public func receipt(index: Int64, size: Int64? = nil) throws -> Receipt {
        let signed = try checkpoint(at: size)
        let treeSize = Int64(signed.checkpoint.size)
        guard index >= 0, index < treeSize else {
            throw LedgerError(.notFound, .entryOutsideCheckpoint(index, size: treeSize))
        }
        let proof = try inclusionProof(index: index, size: treeSize)
        return Receipt(index: UInt64(index), proof: proof, checkpoint: signed.note.formatted)
    }

    private func latestCheckpoint() throws -> SignedCheckpoint? {
        guard
            let note = try database.firstRow(
                "SELECT note FROM log_checkpoints ORDER BY size DESC LIMIT 1", row: { $0.text(0) })
        else { return nil }
        do {
            return try SignedCheckpoint(parsing: note, verifier: verifier)
        } catch {
            throw LedgerError(.verificationFailed, .storedCheckpointUnverifiable(detail: "\(error)"))
        }
    }

    /// Reads the private key and checks that it is private and belongs to this log.
    private func loadSigner() throws -> NoteSigner {
        guard let text = try DurableFile.readText(paths.privateKey) else {
            throw LedgerError(.notFound, .privateKeyMissing(paths.privateKey))
        }
        let mode = try DurableFile.mode(of: paths.privateKey)
        guard mode & 0o077 == 0 else {
            throw LedgerError(.storeUnusable, .privateKeyExposed(paths.privateKey, mode: String(mode, radix: 8)))
        }
        let signer: NoteSigner
        do {
            signer = try NoteSigner(text: text)
        } catch {
            throw LedgerError(.invalidInput, .privateKeyUnreadable(paths.privateKey, detail: "\(error)"))
        }
        guard signer.name == verifier.name, signer.keyID == verifier.keyID,
            (try? signer.verifier.key.subjectPublicKeyInfo) == verifier.key.subjectPublicKeyInfo
        else { throw LedgerError(.invalidInput, .privateKeyForeign(paths.privateKey)) }
        return signer
    }
}
