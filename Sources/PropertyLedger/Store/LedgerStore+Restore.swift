public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What ``LedgerStore/restore(from:to:modules:peerCheckpoints:sharedEntryTypes:now:)`` did.
public struct RestoreReport: Sendable {
    public let manifest: BackupManifest
    /// Where the database that was replaced now is (with its `-wal` beside it); nil when there was none.
    public let replaced: String?
    /// Entries the replaced database held beyond the backup, kept only in the replaced file now; nil when it
    /// was absent or could not be read.
    public let entriesOnlyInReplaced: Int64?
    /// The store's private key is not at its path: the restored store reads and verifies, but cannot sign
    /// until the key is put back from where it is kept.
    public let privateKeyMissing: Bool
}

extension LedgerStore {
    /// Restores the backup directory `backup` (``backup(into:now:)``) as the store at `paths`.
    ///
    /// Nothing is trusted before it is checked: the manifest's fields, the database file's length and digest,
    /// the copy's log against the manifest and by a full audit. Then the restore is refused when it would roll
    /// the log back or fork it:
    /// - behind, or different from, the checkpoint in the store's own checkpoint file (published to peers and
    ///   kept outside the database for exactly this);
    /// - behind, or different from, a checkpoint of the log that a peer holds (`peerCheckpoints`, signed
    ///   notes with their file paths);
    /// - short of an entry of the store being replaced, if it can still be read, whose type is in
    ///   `sharedEntryTypes`: an entry sent to a peer (a transfer bundle, a receipt) went with a checkpoint that
    ///   covers it;
    /// - short of any entry of the store being replaced, if it can still be read, unless `discardingNewer`:
    ///   those entries were acknowledged, and a store that opens is not one to throw them away silently.
    /// The private key must be this log's key if it is there.
    ///
    /// The database being replaced is never deleted: it is renamed beside the store (`.replaced-<UTC time>`),
    /// and the copy put in its place by rename, so a failure at any point leaves the old store or the new one.
    /// Stop every process using the store (the cabinet service, the witness) before restoring.
    ///
    /// - Throws: ``LedgerError``, nothing changed: `backup-manifest-invalid`, `backup-database-mismatch`,
    ///   `backup-differs-from-manifest`, `backup-not-intact` (verification); `restore-behind-checkpoint`,
    ///   `restore-forked`, `restore-behind-peer`, `restore-loses-shared-entry`, `restore-loses-entries`, `restore-refused`,
    ///   `private-key-foreign` (refused); `restore-peer-checkpoint-invalid` (invalid input).
    public static func restore(
        from backup: String, to paths: StorePaths, modules: [any LedgerModule] = [], peerCheckpoints: [(path: String, text: String)] = [],
        sharedEntryTypes: Set<String> = [], discardingNewer: Bool = false, now: Date = Date()
    ) async throws -> RestoreReport {
        let executor = DispatchQueueExecutor(label: "PropertyLedger.restore")
        let manifest = try await executor.run { try BackupManifest(reading: backup + "/" + BackupManifest.manifestFile) }
        let staged = paths.database + ".restore-\(getpid())"
        do {
            try await executor.run { try stage(backup + "/" + BackupManifest.databaseFile, at: staged, manifest: manifest) }
            var stagedPaths = StorePaths(database: staged, privateKey: paths.privateKey)
            stagedPaths.checkpoint = paths.checkpoint
            stagedPaths.witnessKey = paths.witnessKey
            try await checkStaged(stagedPaths, against: manifest, modules: modules, peerCheckpoints: peerCheckpoints)
            let extra = try await checkReplaced(
                paths, by: manifest, modules: modules, sharedEntryTypes: sharedEntryTypes, discardingNewer: discardingNewer)
            let replaced = try await executor.run { try install(staged, over: paths.database, now: now) }
            let store = try await open(paths, modules: modules)
            try await store.publishLatestCheckpoint()
            return RestoreReport(
                manifest: manifest, replaced: replaced, entriesOnlyInReplaced: extra,
                privateKeyMissing: !FileManager.default.fileExists(atPath: paths.privateKey))
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(staged + suffix) }
            throw error
        }
    }

    /// Copies the backup's database to `staged` (next to the store, so the final rename stays on one file
    /// system), fsynced, and checks its length and digest against the manifest.
    private static func stage(_ source: String, at staged: String, manifest: BackupManifest) throws {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(staged + suffix) }
        do {
            try FileManager.default.copyItem(atPath: source, toPath: staged)
        } catch {
            throw fileError("copy", source, error)
        }
        chmod(staged, 0o600)
        let fd = Glibc.open(staged, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            defer { close(fd) }
            guard fsync(fd) == 0 else {
                throw LedgerError(.storeUnusable, .fileOperationFailed("sync", path: staged, detail: String(cString: strerror(errno))))
            }
        }
        let bytes = (try FileManager.default.attributesOfItem(atPath: staged)[.size] as? NSNumber)?.int64Value
        guard bytes == manifest.databaseBytes else {
            throw LedgerError(.verificationFailed, .backupDatabaseMismatch(source, what: "bytes"))
        }
        let algorithm = HashAlgorithm(rawValue: manifest.hash) ?? .sha256
        let digest = try algorithm.hash(contentsOf: staged).map { String(format: "%02x", $0) }.joined()
        guard digest == manifest.databaseDigest else {
            throw LedgerError(.verificationFailed, .backupDatabaseMismatch(source, what: "digest"))
        }
    }

    /// Opens the staged copy as the store would be opened — against the store's own checkpoint file and key —
    /// and checks it against the manifest, the audit and the peers' checkpoints.
    private static func checkStaged(
        _ paths: StorePaths, against manifest: BackupManifest, modules: [any LedgerModule], peerCheckpoints: [(path: String, text: String)]
    ) async throws {
        let store = try await open(paths, modules: modules)
        func differs(_ what: String) -> LedgerError { LedgerError(.verificationFailed, .backupDiffersFromManifest(what)) }
        guard store.identity.origin == manifest.origin else { throw differs("origin") }
        let size = try await store.size
        guard size == manifest.entries else { throw differs("entries") }
        guard try await store.root(size: size).base64EncodedString() == manifest.root else { throw differs("root") }
        if let blocked = await store.writeBlockedReason { throw refusal(blocked, entries: size, checkpointFile: paths.checkpoint) }
        if let key = try DurableFile.readText(paths.privateKey) {
            guard (try? NoteSigner(text: key).verifier.text) == store.identity.verifierKey else {
                throw LedgerError(.refused, .privateKeyForeign(paths.privateKey))
            }
        }
        let report = try await store.audit()
        if !report.isIntact, let first = report.findings.first {
            throw LedgerError(.verificationFailed, .backupNotIntact(first.reason))
        }
        for (path, text) in peerCheckpoints {
            guard let checkpoint = try? SignedCheckpoint(parsing: text, verifier: store.verifier).checkpoint,
                checkpoint.origin == store.identity.origin
            else { throw LedgerError(.invalidInput, .restorePeerCheckpointInvalid(path)) }
            let signedSize = Int64(checkpoint.size)
            guard signedSize <= size else {
                throw LedgerError(.refused, .restoreBehindPeer(entries: size, size: signedSize, path: path))
            }
            guard try await store.root(size: signedSize) == checkpoint.rootHash else {
                throw LedgerError(.refused, .restoreForked(size: signedSize, path: path))
            }
        }
    }

    /// Why a copy that disagrees with the checkpoints (``CheckpointGuard``) must not be restored.
    /// `entries` is the copy's size. A copy that has the size but lacks the checkpoint the file holds
    /// (`checkpoint-lost`) is not "behind": it is refused with that cause as it stands.
    private static func refusal(_ blocked: Reason, entries: Int64, checkpointFile: String) -> LedgerError {
        // Against its own checkpoints the copy is damaged; against the file it would roll back or fork the log.
        if blocked.arguments["source"] == "store" || blocked.id == "stored-checkpoint-unverifiable" {
            return LedgerError(.verificationFailed, .backupNotIntact(blocked))
        }
        let size = Int64(blocked.arguments["size"] ?? "") ?? 0
        switch blocked.id {
        case "entries-lost":
            return LedgerError(.refused, .restoreBehindCheckpoint(entries: entries, size: size, path: checkpointFile))
        case "tree-altered", "checkpoint-forked":
            return LedgerError(.refused, .restoreForked(size: size, path: checkpointFile))
        default:
            return LedgerError(.refused, .restoreRefused(blocked))
        }
    }

    /// If the store being replaced can still be read, refuses when it holds an entry beyond the backup that
    /// a peer has seen, or any entry beyond it unless `discardingNewer`; returns how many entries it holds beyond
    /// the backup (nil if absent or unreadable).
    private static func checkReplaced(
        _ paths: StorePaths, by manifest: BackupManifest, modules: [any LedgerModule], sharedEntryTypes: Set<String>,
        discardingNewer: Bool
    ) async throws -> Int64? {
        guard FileManager.default.fileExists(atPath: paths.database),
            let old = try? await open(paths, modules: modules), let size = try? await old.size
        else { return nil }
        var index = manifest.entries
        while index < size {
            let batch = try await old.entries(from: index, limit: 1000)
            guard !batch.isEmpty else { break }
            for (at, bytes) in batch {
                if let entry = try? LoggedEntry(decoding: bytes), sharedEntryTypes.contains(entry.type) {
                    throw LedgerError(.refused, .restoreLosesSharedEntry(index: at, type: entry.type, path: paths.database))
                }
            }
            index = batch[batch.count - 1].index + 1
        }
        if size > manifest.entries, !discardingNewer {
            throw LedgerError(.refused, .restoreLosesEntries(size - manifest.entries, entries: manifest.entries, path: paths.database))
        }
        return max(0, size - manifest.entries)
    }

    /// Moves the current database (and its WAL) aside and renames the staged copy into its place.
    private static func install(_ staged: String, over database: String, now: Date) throws -> String? {
        var replaced: String?
        if FileManager.default.fileExists(atPath: database) {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
            var aside = database + ".replaced-" + formatter.string(from: now)
            if FileManager.default.fileExists(atPath: aside) { aside += "-\(getpid())" }
            // The WAL holds committed transactions of the old database: it goes with it, under the matching name.
            try DurableFile.rename(database, over: aside)
            if FileManager.default.fileExists(atPath: database + "-wal") { try DurableFile.rename(database + "-wal", over: aside + "-wal") }
            unlink(database + "-shm")
            replaced = aside
        }
        // The staged copy was opened and closed: its WAL, if SQLite left one, belongs with it.
        if FileManager.default.fileExists(atPath: staged + "-wal") { try DurableFile.rename(staged + "-wal", over: database + "-wal") }
        unlink(staged + "-shm")
        try DurableFile.rename(staged, over: database)
        return replaced
    }
}
