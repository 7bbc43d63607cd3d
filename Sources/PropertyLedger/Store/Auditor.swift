import Foundation

/// The full audit of a store (``LedgerStore/audit()``), on a connection of its own.
struct Auditor {
    let database: Database
    let hasher: TreeHasher
    let verifier: NoteVerifier
    let paths: StorePaths
    /// Called inside the read transaction once the leaves are checked (a test holds the read here).
    var midway: @Sendable () -> Void = {}

    var tree: MerkleTree { MerkleTree.stored(in: database, hasher: hasher) }

    /// Recomputes everything the log promises from the stored bytes and reports the first place it breaks.
    ///
    /// - every entry's leaf hash from its exact stored bytes, against the stored leaf;
    /// - every stored tree node from its two children, level by level;
    /// - every signed checkpoint: signature, origin, and its root against the tree at its size;
    /// - every entry's signature, against the keys the log enrolled before it (``SignatureAudit``);
    /// - the checkpoint file beside the store, and the key file against the store's verifier key.
    ///
    /// It streams: each level is a merge of two sequential cursors, so memory does not grow with the log.
    /// It runs in one read transaction, so a concurrent writer cannot make it see a torn state.
    func audit() throws -> AuditReport {
        var report = AuditReport()
        // Before the snapshot, for the reason given in ``CheckpointGuard``: what the file holds was committed first.
        let published = Result { try DurableFile.readText(paths.checkpoint) }
        try database.readTransaction {
            report.size = try auditLeaves(&report)
            midway()
            try auditInteriorNodes(&report)
            try auditCheckpoints(&report)
            try auditCheckpointFile(published, &report)
        }
        auditPrivateKey(&report)
        report.findings.sort { ($0.index ?? .max, $0.subject.description) < ($1.index ?? .max, $1.subject.description) }
        return report
    }

    /// Level 0: entries against leaf hashes, merged by index. Returns the log size (last index + 1).
    private func auditLeaves(_ report: inout AuditReport) throws -> Int64 {
        let entries = try database.makeStatement("SELECT idx, bytes FROM log_entries ORDER BY idx")
        var leaves = try NodeCursor(database, level: 0)
        var signatures = SignatureAudit(origin: verifier.name, hashAlgorithm: hasher.algorithm)
        var expected: Int64 = 0
        while try entries.step() {
            let index = entries.int64(0)
            if index != expected {
                report.record(expected, .auditEntry(expected), Reason("entry-missing", ["next": String(index)]))
            }
            while let leaf = leaves.current, leaf.index < index {
                report.record(leaf.index, .auditLeaf(leaf.index), Reason("leaf-without-entry"))
                try leaves.advance()
            }
            if let leaf = leaves.current, leaf.index == index {
                let computed = entries.withBytes(1) { hasher.leafHash32($0) }
                if computed != leaf.hash {
                    report.record(index, .auditEntry(index), Reason("entry-bytes-mismatch"))
                } else {
                    report.nodesChecked += 1
                }
                try leaves.advance()
            } else {
                report.record(index, .auditEntry(index), Reason("entry-without-leaf"))
            }
            signatures.check(entries.data(1), at: index, into: &report)
            expected = index + 1
        }
        report.signaturesChecked = signatures.signaturesChecked
        report.unsignedEntries = signatures.unsignedEntries
        while let leaf = leaves.current {
            report.record(leaf.index, .auditLeaf(leaf.index), Reason("leaf-without-entry"))
            try leaves.advance()
        }
        return expected
    }

    /// Levels 1 and up: each stored node against the hash of its two stored children.
    ///
    /// A node whose child was already found bad is not reported again: its mismatch is a consequence.
    private func auditInteriorNodes(_ report: inout AuditReport) throws {
        let size = report.size
        var level = 1
        // Nodes of the level below that were missing or wrong; bounded by the number of findings kept.
        var suspect = Set<Int64>()
        while size >> level > 0 {
            var children = try NodeCursor(database, level: level - 1)
            var parents = try NodeCursor(database, level: level)
            let expectedCount = size >> level
            var suspectParents = Set<Int64>()
            for index in 0..<expectedCount {
                let first = index << level
                // Built only when something is recorded: the loop runs about once per entry.
                var place: Reason { .auditNode(level: level, index: index) }
                let left = try children.take(2 * index)
                let right = try children.take(2 * index + 1)
                guard let stored = try parents.take(index) else {
                    report.record(first, place, Reason("node-missing"))
                    suspectParents.insert(index)
                    continue
                }
                guard let left, let right, !suspect.contains(2 * index), !suspect.contains(2 * index + 1) else {
                    // Reported where it started, one level down.
                    suspectParents.insert(index)
                    continue
                }
                if hasher.nodeHash32(left, right) != stored {
                    report.record(
                        first, place, Reason("node-mismatch", ["first": String(first), "last": String(first + (1 << level) - 1)]))
                    suspectParents.insert(index)
                } else {
                    report.nodesChecked += 1
                }
            }
            while let extra = parents.current {
                if extra.index >= expectedCount { recordBeyondSize(&report, level: level, index: extra.index) }
                try parents.advance()
            }
            suspect = suspectParents.count <= AuditReport.maximumFindings ? suspectParents : []
            level += 1
        }
        if let stray = try database.firstRow(
            "SELECT level, idx FROM log_nodes WHERE level >= ? ORDER BY level, idx LIMIT 1", level,
            row: { ($0.int(0), $0.int64(1)) })
        {
            recordBeyondSize(&report, level: stray.0, index: stray.1)
        }
    }

    /// A stored node that covers entries the log no longer has: the first missing entry is the log's size.
    private func recordBeyondSize(_ report: inout AuditReport, level: Int, index: Int64) {
        let end = (index + 1) << level
        report.record(
            report.size, .auditNode(level: level, index: index),
            Reason("node-beyond-log", ["last": String(end - 1), "size": String(report.size)]))
    }

    /// Every signed checkpoint, in order of size.
    private func auditCheckpoints(_ report: inout AuditReport) throws {
        let size = report.size
        let rows = try database.makeStatement("SELECT size, root, note FROM log_checkpoints ORDER BY size")
        var lastGood: Int64 = 0
        while try rows.step() {
            let signedSize = rows.int64(0)
            let place = Reason("audit-checkpoint", ["size": String(signedSize)])
            report.latestCheckpointSize = signedSize
            let signed: SignedCheckpoint
            do {
                signed = try SignedCheckpoint(parsing: rows.text(2), verifier: verifier)
            } catch {
                report.record(lastGood, place, Reason("checkpoint-note-unverifiable", ["detail": "\(error)"]))
                continue
            }
            guard Int64(signed.checkpoint.size) == signedSize, signed.checkpoint.rootHash == rows.data(1) else {
                report.record(lastGood, place, Reason("checkpoint-columns-mismatch"))
                continue
            }
            guard signedSize <= size else {
                report.record(
                    size, place,
                    Reason(
                        "checkpoint-entries-missing",
                        ["size": String(signedSize), "entries": String(size), "first": String(size), "last": String(signedSize - 1)]))
                continue
            }
            let root: Data
            do {
                root = try tree.root(size: signedSize)
            } catch {
                report.record(lastGood, place, Reason("checkpoint-tree-uncomputable", ["detail": "\(error)"]))
                continue
            }
            guard root == signed.checkpoint.rootHash else {
                // A rewrite that recomputed the tree is only visible here: some entry in [lastGood, signedSize) changed.
                report.record(
                    lastGood, place,
                    Reason("checkpoint-root-rewritten", ["first": String(lastGood), "last": String(signedSize - 1)]))
                continue
            }
            report.checkpointsChecked += 1
            lastGood = signedSize
        }
    }

    /// The checkpoint file beside the database, read before the snapshot: it must hold a checkpoint the store
    /// has. Its absence is not a fault of the log, but it disables the rollback check on open: a warning.
    private func auditCheckpointFile(_ published: Result<String?, any Error>, _ report: inout AuditReport) throws {
        let place = Reason("audit-checkpoint-file", ["path": paths.checkpoint])
        let text: String
        switch published {
        case .success(let read?): text = read
        case .success(nil):
            report.warn(place, Reason("checkpoint-file-missing"))
            return
        case .failure(let error):
            report.record(nil, place, Reason("audit-unreadable", ["detail": "\(error)"]))
            return
        }
        guard let signed = try? SignedCheckpoint(parsing: text, verifier: verifier) else {
            report.record(nil, place, Reason("checkpoint-file-foreign"))
            return
        }
        let fileSize = Int64(signed.checkpoint.size)
        let stored = try database.firstRow("SELECT root FROM log_checkpoints WHERE size = ?", fileSize) { $0.data(0) }
        if fileSize > report.size {
            report.record(
                report.size, place, Reason("checkpoint-file-beyond-log", ["size": String(fileSize), "entries": String(report.size)]))
        } else if stored == nil {
            report.record(fileSize, place, Reason("checkpoint-file-not-in-store", ["size": String(fileSize)]))
        } else if stored != signed.checkpoint.rootHash {
            report.record(fileSize, place, Reason("checkpoint-file-forked", ["size": String(fileSize)]))
        }
    }

    /// The private key: it must belong to this log. A missing or exposed key is a warning: the log still
    /// verifies, but this site cannot sign, or others could sign in its name.
    private func auditPrivateKey(_ report: inout AuditReport) {
        let place = Reason("audit-private-key", ["path": paths.privateKey])
        let text: String?
        do {
            text = try DurableFile.readText(paths.privateKey)
        } catch {
            report.record(nil, place, Reason("audit-unreadable", ["detail": "\(error)"]))
            return
        }
        guard let text else {
            report.warn(place, Reason("private-key-absent"))
            return
        }
        guard let signer = try? NoteSigner(text: text) else {
            report.record(nil, place, Reason("private-key-damaged"))
            return
        }
        guard (try? signer.verifier.key.subjectPublicKeyInfo) == verifier.key.subjectPublicKeyInfo else {
            report.record(nil, place, Reason("private-key-mismatch"))
            return
        }
        if let mode = try? DurableFile.mode(of: paths.privateKey), mode & 0o077 != 0 {
            report.warn(place, Reason("private-key-readable", ["mode": String(mode, radix: 8)]))
        }
    }
}

/// A forward-only cursor over one level of stored tree nodes.
private struct NodeCursor {
    let statement: Statement
    /// The current node; a stored hash that is not 32 bytes reads as the zero hash, which never matches.
    var current: (index: Int64, hash: Hash32)?

    init(_ database: Database, level: Int) throws {
        statement = try database.makeStatement("SELECT idx, hash FROM log_nodes WHERE level = ? ORDER BY idx", level)
        try advance()
    }

    mutating func advance() throws {
        current =
            try statement.step()
            ? (statement.int64(0), statement.hash32(1) ?? Hash32 { $0.initializeMemory(as: UInt8.self, repeating: 0) }) : nil
    }

    /// The hash at `index` if stored, moving past it; nodes before `index` are skipped.
    mutating func take(_ index: Int64) throws -> Hash32? {
        while let node = current, node.index < index { try advance() }
        guard let node = current, node.index == index else { return nil }
        try advance()
        return node.hash
    }
}
