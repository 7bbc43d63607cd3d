public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension LedgerStore {
    /// Writes a backup of the store into the new directory `destination`: a consistent copy of the database
    /// (SQLite's online backup, so writers in other processes go on), its latest signed checkpoint and a
    /// ``BackupManifest``. The private keys are not copied.
    ///
    /// The log grown since the last checkpoint is signed first (when this store may write), so the copy's tip is
    /// covered by a signature. Another process may append between the signature and the copy's snapshot; then
    /// the tip is signed and copied again, up to ``backupAttempts`` times, after which the copy is kept with its
    /// newest entries beyond its checkpoint (the manifest's `checkpoint` says how far it reaches). The copy is
    /// audited like the store itself before the manifest is written, and the directory appears whole or not at
    /// all (written under a temporary name, then renamed).
    ///
    /// - Throws: ``LedgerError``: `alreadyExists` (`file-exists`) if `destination` exists; `verificationFailed`
    ///   (`backup-not-intact`) if the copy does not verify; `file-operation-failed` for the file system.
    public func backup(into destination: String, now: Date = Date()) throws -> BackupManifest {
        guard !FileManager.default.fileExists(atPath: destination) else { throw LedgerError(.alreadyExists, .fileExists(destination)) }
        let signs = writeBlockedReason == nil && !isReadOnly && FileManager.default.fileExists(atPath: paths.privateKey)
        let staging = destination + ".tmp-\(getpid())"
        var attempt = 1
        while true {
            if signs { _ = try checkpoint() }
            let manifest = try copy(into: staging, for: destination, now: now)
            if manifest.checkpoint == manifest.entries || !signs || attempt == Self.backupAttempts {
                do {
                    try DurableFile.rename(staging, over: destination)
                } catch {
                    try? FileManager.default.removeItem(atPath: staging)
                    throw error
                }
                return manifest
            }
            try? FileManager.default.removeItem(atPath: staging)
            attempt += 1
        }
    }

    /// How many times ``backup(into:now:)`` signs and copies when writers keep appending between the two.
    public static let backupAttempts = 3

    /// Copies the database into the new directory `staging` (to become `destination`) with its checkpoint and
    /// manifest; on failure, removes it.
    private func copy(into staging: String, for destination: String, now: Date) throws -> BackupManifest {
        try? FileManager.default.removeItem(atPath: staging)
        do {
            try FileManager.default.createDirectory(
                atPath: staging, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Self.fileError("create", destination, error)
        }
        do {
            let copy = staging + "/" + BackupManifest.databaseFile
            do {
                try Database(path: paths.database, readOnly: true).backup(to: copy)
            } catch let error as SQLiteError {
                throw LedgerError(.storeUnusable, .fileOperationFailed("back-up", path: paths.database, detail: error.message))
            }
            chmod(copy, 0o600)
            let manifest = try describeCopy(copy, now: now)
            try DurableFile.create(staging + "/" + BackupManifest.manifestFile, contents: try manifest.encoded(), mode: 0o600)
            return manifest
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    /// Publishes the copy's latest checkpoint beside it, audits the copy with it, and describes it.
    private func describeCopy(_ copy: String, now: Date) throws -> BackupManifest {
        let database = try Database(path: copy, readOnly: true)
        let tree = MerkleTree.stored(in: database, hasher: hasher)
        let (size, root, note) = try database.readTransaction {
            let size = try database.queryInt("SELECT coalesce(max(idx) + 1, 0) FROM log_entries") ?? 0
            let note = try database.firstRow("SELECT note FROM log_checkpoints ORDER BY size DESC LIMIT 1") { $0.text(0) }
            return (size, try tree.root(size: size), note)
        }
        let copyPaths = StorePaths(database: copy, privateKey: paths.privateKey)
        var checkpointSize: Int64 = 0
        if let note {
            checkpointSize = Int64(try SignedCheckpoint(parsing: note, verifier: verifier).checkpoint.size)
            try DurableFile.create(copyPaths.checkpoint, contents: Data(note.utf8), mode: 0o644)
        }
        let report = try Auditor(database: database, hasher: hasher, verifier: verifier, paths: copyPaths).audit()
        if let first = report.findings.first { throw LedgerError(.verificationFailed, .backupNotIntact(first.reason)) }
        let algorithm = identity.profile.hashAlgorithm
        let bytes = (try FileManager.default.attributesOfItem(atPath: copy)[.size] as? NSNumber)?.int64Value ?? 0
        return BackupManifest(
            origin: identity.origin, entries: size, root: root, checkpoint: checkpointSize, hash: algorithm, databaseBytes: bytes,
            databaseDigest: try algorithm.hash(contentsOf: copy), created: now)
    }

    /// A file system error from Foundation as a ledger error about `path`.
    static func fileError(_ operation: String, _ path: String, _ error: any Error) -> LedgerError {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        let detail = underlying.map { String(cString: strerror(Int32($0.code))) } ?? (error as NSError).localizedDescription
        let missing = underlying?.code == Int(ENOENT) || (error as NSError).code == NSFileNoSuchFileError
        return LedgerError(missing ? .notFound : .storeUnusable, .fileOperationFailed(operation, path: path, detail: detail))
    }
}
