/// Reasons about the store itself: opening it, its files, its checkpoints and keys, its modules.
///
/// `path` is a file's path, `detail` the words of SQLite, the system or a nested error (not ours to translate);
/// `operation` names a failed file operation (`create`, `set-mode`, `sync`, `replace`, `stat`, `write`,
/// `open-directory`, `sync-directory`); `source` is `store` or `file` (the checkpoint file at `path`).
extension Reason {
    // MARK: Opening

    static func storeMissing(_ path: String) -> Reason { Reason("store-missing", ["path": path]) }
    static func storeExists(_ path: String) -> Reason { Reason("store-exists", ["path": path]) }
    static func storeEmptyFile(_ path: String) -> Reason { Reason("store-empty-file", ["path": path]) }
    static func storeForeign(_ path: String) -> Reason { Reason("store-foreign", ["path": path]) }
    static func storeTooNew(_ path: String, version: Int, known: Int) -> Reason {
        Reason("store-too-new", ["path": path, "version": String(version), "known": String(known)])
    }
    static func storeIdentityMissing(_ path: String) -> Reason { Reason("store-identity-missing", ["path": path]) }
    static func storeDamaged(_ path: String, detail: String) -> Reason { Reason("store-damaged", ["path": path, "detail": detail]) }
    static func storeLocked(_ path: String, detail: String) -> Reason { Reason("store-locked", ["path": path, "detail": detail]) }
    static func storeCannotOpen(_ path: String, detail: String) -> Reason {
        Reason("store-cannot-open", ["path": path, "detail": detail])
    }
    /// A write transaction failed on the disk (an I/O error, a full disk) and was rolled back.
    static func storeWriteFailed(_ path: String, detail: String) -> Reason {
        Reason("store-write-failed", ["path": path, "detail": detail])
    }
    /// `unwritable` is the file or directory that cannot be written, and why.
    static func storeReadOnly(_ path: String, _ unwritable: (target: String, detail: String)) -> Reason {
        Reason("store-read-only", ["path": path, "target": unwritable.target, "detail": unwritable.detail])
    }
    static func upgradeBlockedReadOnly(_ path: String, _ unwritable: (target: String, detail: String)) -> Reason {
        Reason("upgrade-blocked-read-only", ["path": path, "target": unwritable.target, "detail": unwritable.detail])
    }
    static func verifierKeyUnreadable(detail: String) -> Reason { Reason("verifier-key-unreadable", ["detail": detail]) }

    /// Appends refused because the store conflicts with what it signed, or is read-only: `cause` is the id of
    /// that reason, and its arguments come along beside it.
    static func writesBlocked(by cause: Reason) -> Reason {
        Reason("writes-blocked", cause.arguments.merging(["cause": cause.id]) { _, new in new })
    }

    // MARK: Entries and proofs

    static func entryBeyondLog(_ index: Int64, size: Int64) -> Reason {
        Reason("entry-beyond-log", ["index": String(index), "size": String(size)])
    }
    static func indexOutsideTree(_ index: Int64, size: Int64) -> Reason {
        Reason("index-outside-tree", ["index": String(index), "size": String(size)])
    }
    static func noConsistencyProof(from oldSize: Int64, to newSize: Int64) -> Reason {
        Reason("no-consistency-proof", ["from": String(oldSize), "to": String(newSize)])
    }
    static func sizeBeyondLog(_ requested: Int64, size: Int64) -> Reason {
        Reason("size-beyond-log", ["requested": String(requested), "size": String(size)])
    }
    static func entryTooLarge(bytes: Int) -> Reason { Reason("entry-too-large", ["bytes": String(bytes)]) }
    static let entryWouldBeTooLarge = Reason("entry-would-be-too-large")
    static func treeNodeMissing(level: Int, index: Int64) -> Reason {
        Reason("tree-node-missing", ["level": String(level), "index": String(index)])
    }
    /// A stored node whose hash is not 32 bytes: written around the schema's check.
    static func treeNodeMalformed(level: Int, index: Int64, bytes: Int) -> Reason {
        Reason("tree-node-malformed", ["level": String(level), "index": String(index), "bytes": String(bytes)])
    }
    static let notAnEntry = Reason("not-an-entry")
    static func entryVersionUnknown(_ version: Int) -> Reason { Reason("entry-version-unknown", ["version": String(version)]) }

    // MARK: Checkpoints and keys

    static let noCheckpointYet = Reason("no-checkpoint-yet")
    static func noCheckpointAtSize(_ size: Int64, signed: [Int64]) -> Reason {
        Reason("no-checkpoint-at-size", ["size": String(size), "signed": signed.map(String.init).joined(separator: ", ")])
    }
    static func entryOutsideCheckpoint(_ index: Int64, size: Int64) -> Reason {
        Reason("entry-outside-checkpoint", ["index": String(index), "size": String(size)])
    }
    static func treeDiffersFromCheckpoint(size: Int64) -> Reason { Reason("tree-differs-from-checkpoint", ["size": String(size)]) }
    static func storeBehindCheckpoint(entries: Int64, checkpointSize: Int64) -> Reason {
        Reason("store-behind-checkpoint", ["entries": String(entries), "checkpointSize": String(checkpointSize)])
    }
    static func checkpointNotExtended(size: Int64, checkpointSize: Int64, detail: String) -> Reason {
        Reason(
            "checkpoint-not-extended", ["size": String(size), "checkpointSize": String(checkpointSize), "detail": detail])
    }
    static func storedCheckpointUnverifiable(detail: String) -> Reason {
        Reason("stored-checkpoint-unverifiable", ["detail": detail])
    }
    static func checkpointFileUnverifiable(_ path: String) -> Reason { Reason("checkpoint-file-unverifiable", ["path": path]) }
    static func checkpointFileAhead(_ path: String, size: Int64, latest: Int64) -> Reason {
        Reason("checkpoint-file-ahead", ["path": path, "size": String(size), "latest": String(latest)])
    }
    static func checkpointLost(size: Int64, file path: String) -> Reason {
        Reason("checkpoint-lost", ["size": String(size), "path": path])
    }
    static func checkpointForked(size: Int64, file path: String) -> Reason {
        Reason("checkpoint-forked", ["size": String(size), "path": path])
    }
    static func entriesLost(entries: Int64, size: Int64, source: String, file path: String) -> Reason {
        Reason("entries-lost", ["entries": String(entries), "size": String(size), "source": source, "path": path])
    }
    static func treeAltered(size: Int64, source: String, file path: String) -> Reason {
        Reason("tree-altered", ["size": String(size), "source": source, "path": path])
    }
    static func privateKeyMissing(_ path: String) -> Reason { Reason("private-key-missing", ["path": path]) }
    static func privateKeyExposed(_ path: String, mode: String) -> Reason {
        Reason("private-key-exposed", ["path": path, "mode": mode])
    }
    static func privateKeyUnreadable(_ path: String, detail: String) -> Reason {
        Reason("private-key-unreadable", ["path": path, "detail": detail])
    }
    static func privateKeyForeign(_ path: String) -> Reason { Reason("private-key-foreign", ["path": path]) }

    // MARK: Files

    public static func fileExists(_ path: String) -> Reason { Reason("file-exists", ["path": path]) }
    static func fileUnreadable(_ path: String) -> Reason { Reason("file-unreadable", ["path": path]) }
    static func fileTooLarge(_ path: String) -> Reason { Reason("file-too-large", ["path": path]) }
    static func fileNotText(_ path: String) -> Reason { Reason("file-not-text", ["path": path]) }
    static func fileOperationFailed(_ operation: String, path: String, detail: String) -> Reason {
        Reason("file-operation-failed", ["operation": operation, "path": path, "detail": detail])
    }

    // MARK: Backups

    static func backupManifestInvalid(_ path: String, detail: String) -> Reason {
        Reason("backup-manifest-invalid", ["path": path, "detail": detail])
    }
    /// The backup's database file does not have the manifest's `what` (`bytes` or `digest`).
    static func backupDatabaseMismatch(_ path: String, what: String) -> Reason {
        Reason("backup-database-mismatch", ["path": path, "what": what])
    }
    /// The backup's log does not have the manifest's `what` (`origin`, `entries` or `root`).
    static func backupDiffersFromManifest(_ what: String) -> Reason { Reason("backup-differs-from-manifest", ["what": what]) }
    /// The backup's log does not verify; `cause` is the audit's first finding, its arguments beside it.
    static func backupNotIntact(_ cause: Reason) -> Reason {
        Reason("backup-not-intact", cause.arguments.merging(["cause": cause.id]) { _, new in new })
    }
    /// Restoring would roll the log back behind the checkpoint file at `path`, signed at `size`.
    static func restoreBehindCheckpoint(entries: Int64, size: Int64, path: String) -> Reason {
        Reason("restore-behind-checkpoint", ["entries": String(entries), "size": String(size), "path": path])
    }
    /// The backup's tree at `size` is not the one the checkpoint at `path` signed.
    static func restoreForked(size: Int64, path: String) -> Reason {
        Reason("restore-forked", ["size": String(size), "path": path])
    }
    /// Restoring would roll the log back behind a checkpoint a peer holds (the file at `path`).
    static func restoreBehindPeer(entries: Int64, size: Int64, path: String) -> Reason {
        Reason("restore-behind-peer", ["entries": String(entries), "size": String(size), "path": path])
    }
    /// The store being replaced holds entry `index` of `type`, beyond the backup, which a peer has seen.
    static func restoreLosesSharedEntry(index: Int64, type: String, path: String) -> Reason {
        Reason("restore-loses-shared-entry", ["index": String(index), "type": type, "path": path])
    }
    /// The store being replaced opens and holds `count` entries beyond the backup's `entries`.
    static func restoreLosesEntries(_ count: Int64, entries: Int64, path: String) -> Reason {
        Reason("restore-loses-entries", ["count": String(count), "entries": String(entries), "path": path])
    }
    static func restorePeerCheckpointInvalid(_ path: String) -> Reason { Reason("restore-peer-checkpoint-invalid", ["path": path]) }
    /// Any other conflict of the backup with the store's checkpoint file; `cause` says which.
    static func restoreRefused(_ cause: Reason) -> Reason {
        Reason("restore-refused", cause.arguments.merging(["cause": cause.id]) { _, new in new })
    }

    // MARK: Modules

    static func moduleNameInvalid(_ name: String) -> Reason { Reason("module-name-invalid", ["module": name]) }
    static func moduleNameTaken(_ name: String) -> Reason { Reason("module-name-taken", ["module": name]) }
    static func moduleClaimsCoreType(_ name: String, type: String) -> Reason {
        Reason("module-claims-core-type", ["module": name, "type": type])
    }
    static func entryTypeClaimedTwice(_ type: String, modules: [String]) -> Reason {
        Reason("entry-type-claimed-twice", ["type": type, "modules": modules.joined(separator: ", ")])
    }
    static func moduleMigrationsUnknown(_ name: String, applied: [String]) -> Reason {
        Reason("module-migrations-unknown", ["module": name, "applied": applied.joined(separator: ", ")])
    }
    static func entryTypeUnowned(_ type: String) -> Reason { Reason("entry-type-unowned", ["type": type]) }
    static func payloadUsesEnvelope(_ type: String) -> Reason { Reason("payload-uses-envelope", ["type": type]) }

    /// What a rebuild check found: rows of `table` the live projection has and a replay of the log does not
    /// (`extra`), or the other way round (`missing`); an entry it could not replay.
    static func rebuildExtraRows(_ table: String, count: Int) -> Reason {
        Reason("rebuild-extra-rows", ["table": table, "count": String(count)])
    }
    static func rebuildMissingRows(_ table: String, count: Int) -> Reason {
        Reason("rebuild-missing-rows", ["table": table, "count": String(count)])
    }
    static func rebuildEntryUnreadable(_ index: Int64) -> Reason { Reason("rebuild-entry-unreadable", ["index": String(index)]) }
    static func rebuildEntryUnknown(_ index: Int64, type: String) -> Reason {
        Reason("rebuild-entry-unknown", ["index": String(index), "type": type])
    }

    /// The store's reasons. `writes-blocked` carries its cause's arguments beside `cause`.
    public static let storeReasons: [ReasonSpec] = [
        .init("store-missing", "path"), .init("store-exists", "path"), .init("store-empty-file", "path"),
        .init("store-foreign", "path"), .init("store-too-new", "path", "version", "known"),
        .init("store-identity-missing", "path"), .init("store-damaged", "path", "detail"), .init("store-locked", "path", "detail"),
        .init("store-cannot-open", "path", "detail"), .init("store-write-failed", "path", "detail"),
        .init("store-read-only", "path", "target", "detail"),
        .init("upgrade-blocked-read-only", "path", "target", "detail"), .init("verifier-key-unreadable", "detail"),
        .init("writes-blocked", "cause"), .init("rebuild-extra-rows", "table", "count"), .init("rebuild-missing-rows", "table", "count"),
        .init("rebuild-entry-unreadable", "index"), .init("rebuild-entry-unknown", "index", "type"),
        .init("entry-beyond-log", "index", "size"), .init("index-outside-tree", "index", "size"),
        .init("no-consistency-proof", "from", "to"), .init("size-beyond-log", "requested", "size"),
        .init("entry-too-large", "bytes"), .init("entry-would-be-too-large"), .init("tree-node-missing", "level", "index"),
        .init("tree-node-malformed", "level", "index", "bytes"),
        .init("not-an-entry"), .init("entry-version-unknown", "version"),
        .init("no-checkpoint-yet"), .init("no-checkpoint-at-size", "size", "signed"),
        .init("entry-outside-checkpoint", "index", "size"), .init("tree-differs-from-checkpoint", "size"),
        .init("store-behind-checkpoint", "entries", "checkpointSize"),
        .init("checkpoint-not-extended", "size", "checkpointSize", "detail"), .init("stored-checkpoint-unverifiable", "detail"),
        .init("checkpoint-file-unverifiable", "path"), .init("checkpoint-file-ahead", "path", "size", "latest"),
        .init("checkpoint-lost", "size", "path"), .init("checkpoint-forked", "size", "path"),
        .init("entries-lost", "entries", "size", "source", "path"), .init("tree-altered", "size", "source", "path"),
        .init("private-key-missing", "path"), .init("private-key-exposed", "path", "mode"),
        .init("private-key-unreadable", "path", "detail"), .init("private-key-foreign", "path"),
        .init("file-exists", "path"), .init("file-unreadable", "path"), .init("file-too-large", "path"),
        .init("file-not-text", "path"), .init("file-operation-failed", "operation", "path", "detail"),
        .init("module-name-invalid", "module"), .init("module-name-taken", "module"),
        .init("module-claims-core-type", "module", "type"), .init("entry-type-claimed-twice", "type", "modules"),
        .init("module-migrations-unknown", "module", "applied"), .init("entry-type-unowned", "type"),
        .init("payload-uses-envelope", "type"),
        .init("backup-manifest-invalid", "path", "detail"), .init("backup-database-mismatch", "path", "what"),
        .init("backup-differs-from-manifest", "what"), .init("backup-not-intact", "cause"),
        .init("restore-behind-checkpoint", "entries", "size", "path"), .init("restore-forked", "size", "path"),
        .init("restore-behind-peer", "entries", "size", "path"), .init("restore-loses-shared-entry", "index", "type", "path"),
        .init("restore-loses-entries", "count", "entries", "path"),
        .init("restore-peer-checkpoint-invalid", "path"), .init("restore-refused", "cause"),
    ]
}
