import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything ``LedgerStore/open(_:)`` reads before the actor exists: built on the store's own queue.
struct OpenState {
    let identity: LogIdentity
    let verifier: NoteVerifier
    let database: Database
    let hasher: TreeHasher
    let frontier: Frontier
    let writeBlockedReason: Reason?
    let isReadOnly: Bool
    let registry: ModuleRegistry

    init(paths: StorePaths, registry: ModuleRegistry) throws {
        guard FileManager.default.fileExists(atPath: paths.database) else {
            throw LedgerError(.notFound, .storeMissing(paths.database))
        }
        // Read the checkpoint file before the database. A checkpoint reaches the file only after it was committed
        // to the database (see `LedgerStore.checkpoint`), so the snapshot read below, which starts later, holds
        // it — unless entries or checkpoints were really lost. Read in the other order, a checkpoint signed in
        // between would look like a rollback.
        let published = Result { try DurableFile.readText(paths.checkpoint) }
        let readOnlyReason = Self.readOnlyReason(paths.database)
        let database: Database
        var served = registry
        do {
            // Look before touching: a file that is not ours is refused before SQLite switches it to WAL or turns
            // an empty file into a database.
            let probe = try Database(path: paths.database, readOnly: true)
            let version = try Self.checkIdentity(probe, path: paths.database)
            if let readOnlyReason {
                guard version == Schema.currentVersion else {
                    throw LedgerError(.storeUnusable, .upgradeBlockedReadOnly(paths.database, readOnlyReason))
                }
                // A module the store was never migrated for cannot be served from a file we may not write; the
                // store refuses writes anyway, so it opens without that module (its own reports then fail on
                // their missing tables, saying so) rather than not at all.
                served = try ModuleRegistry(registry.modules.filter { try registry.pendingMigrations(of: $0, in: probe).isEmpty })
                database = probe
            } else {
                database = try Database(path: paths.database)
                try Self.migrate(database, from: version)
                try registry.migrate(database)
            }
        } catch let error as SQLiteError {
            throw Self.describe(error, path: paths.database)
        }
        let identity = try Self.readIdentity(database, path: paths.database)
        let verifier: NoteVerifier
        do {
            verifier = try NoteVerifier(text: identity.verifierKey)
        } catch {
            throw LedgerError(.storeUnusable, .verifierKeyUnreadable(detail: "\(error)"))
        }
        let hasher = try TreeHasher(identity.profile.hashAlgorithm)

        // Load the tree's right edge. A damaged tree still opens (so `verify` can say where), but blocks writes.
        var blocked: Reason?
        var frontier = Frontier()
        do {
            try database.readTransaction {
                let size = try database.queryInt("SELECT coalesce(max(idx) + 1, 0) FROM log_entries") ?? 0
                let tree = MerkleTree.stored(in: database, hasher: hasher)
                frontier = try Frontier(size: size) { level, index in try tree.subtreeHash(level, index) }
                blocked = try CheckpointGuard(database: database, tree: tree, verifier: verifier, paths: paths, size: size)
                    .conflict(published: published.get())
            }
        } catch let error as LedgerError {
            blocked = error.reason
        } catch let error as SQLiteError where error.isCorruption {
            throw Self.describe(error, path: paths.database)
        }
        if blocked == nil, let readOnlyReason {
            blocked = .storeReadOnly(paths.database, readOnlyReason)
        }

        self.identity = identity
        self.verifier = verifier
        self.database = database
        self.hasher = hasher
        self.frontier = frontier
        self.writeBlockedReason = blocked
        self.isReadOnly = readOnlyReason != nil
        self.registry = served
    }

    /// Why the store cannot be written, when its file or directory is not writable (a read-only disk, a copy
    /// handed over for inspection): the path that is not writable and the system's words; nil when it can be.
    private static func readOnlyReason(_ path: String) -> (target: String, detail: String)? {
        let directory = directoryPath(of: path)
        for target in [path, directory.isEmpty ? "." : directory] where access(target, W_OK) != 0 {
            return (target, String(cString: strerror(errno)))
        }
        return nil
    }

    /// Checks that the file is a PropertyLedger store this tool can read, and returns its schema version.
    private static func checkIdentity(_ database: Database, path: String) throws -> Int {
        let applicationID = try database.queryInt("PRAGMA application_id") ?? 0
        let version = try database.userVersion
        guard applicationID == Schema.applicationID else {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
            if size == 0 { throw LedgerError(.storeUnusable, .storeEmptyFile(path)) }
            throw LedgerError(.storeUnusable, .storeForeign(path))
        }
        guard version <= Schema.currentVersion else {
            throw LedgerError(.storeUnusable, .storeTooNew(path, version: version, known: Schema.currentVersion))
        }
        return version
    }

    private static func migrate(_ database: Database, from version: Int) throws {
        guard version < Schema.currentVersion else { return }
        try database.writeTransaction {
            // Another process may have migrated it meanwhile; the write lock is ours now.
            let current = try database.userVersion
            guard current < Schema.currentVersion else { return }
            for migration in Schema.migrations[current...] { try database.executeScript(migration) }
            try database.setUserVersion(Schema.currentVersion)
        }
    }

    private static func readIdentity(_ database: Database, path: String) throws -> LogIdentity {
        let meta = Dictionary(
            try database.rows("SELECT key, value FROM log_meta") { ($0.text(0), $0.text(1)) }, uniquingKeysWith: { a, _ in a })
        guard let origin = meta["origin"], let profile = meta["profile"].flatMap(CryptoProfile.init(rawValue:)),
            let verifierKey = meta["verifier"], let code = meta["agency.code"], let name = meta["agency.name"],
            let kind = meta["agency.kind"].flatMap(Agency.Kind.init(rawValue:)), let createdAt = meta["created"]
        else { throw LedgerError(.storeUnusable, .storeIdentityMissing(path)) }
        return LogIdentity(
            origin: origin, profile: profile,
            agency: try Agency(
                code: code, name: name, kind: kind, zone: meta["agency.zone"], defaultLanguage: meta[StoreCreation.defaultLanguageKey]),
            verifierKey: verifierKey, createdAt: createdAt,
            signatures: meta[StoreCreation.signaturesKey].flatMap(SignatureRequirement.init(rawValue:)) ?? .optional)
    }

    /// Turns SQLite's view of a bad file into a reason about the store.
    static func describe(_ error: SQLiteError, path: String) -> LedgerError {
        if error.isCorruption {
            return LedgerError(.storeUnusable, .storeDamaged(path, detail: error.message))
        }
        if error.isBusy {
            return LedgerError(.storeUnusable, .storeLocked(path, detail: error.message))
        }
        return LedgerError(.storeUnusable, .storeCannotOpen(path, detail: error.message))
    }
}

@available(*, unavailable)
extension OpenState: Sendable {}

/// Creating a store's files, before any actor exists.
enum StoreCreation {
    /// The log_meta key of ``Agency/defaultLanguage``, present only when the agency chose one.
    static let defaultLanguageKey = "agency.defaultLanguage"
    /// The log_meta key of ``LogIdentity/signatures``, absent in stores made before keys.
    static let signaturesKey = "signatures"

    static func createFiles(
        _ paths: StorePaths, agency: Agency, profile: CryptoProfile, signatures: SignatureRequirement, now: Date
    ) throws {
        // A new log records its zone in entry 0, so that every time it shows can be explained from the log.
        var agency = agency
        agency.zone = agency.zone ?? Agency.defaultZone
        guard !FileManager.default.fileExists(atPath: paths.database) else {
            throw LedgerError(.alreadyExists, .storeExists(paths.database))
        }
        let key = try SigningKey.generate(profile.signatureAlgorithm)
        let hasher = try TreeHasher(profile.hashAlgorithm)
        // A fresh random part: a log that is reset and created again never reuses an origin.
        let random = (0..<4).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        let origin = "\(agency.code).propertyledger/\(profile.rawValue)/\(random)"
        let signer = try NoteSigner(name: origin, key: key)
        let verifierKey = try signer.verifier.text
        let createdAt = ISO8601DateFormatter().string(from: now)

        try DurableFile.create(paths.privateKey, contents: Data((try signer.text + "\n").utf8), mode: 0o600)
        do {
            let database = try Database(path: paths.database, create: true)
            try database.writeTransaction {
                try database.executeScript("PRAGMA application_id = \(Schema.applicationID)")
                for migration in Schema.migrations { try database.executeScript(migration) }
                try database.setUserVersion(Schema.currentVersion)
                let meta = [
                    "format": "propertyledger-log/1", "origin": origin, "profile": profile.rawValue, "verifier": verifierKey,
                    "agency.code": agency.code, "agency.name": agency.name, "agency.kind": agency.kind.rawValue,
                    "agency.zone": agency.zone ?? Agency.defaultZone,
                    "created": createdAt, Self.signaturesKey: signatures.rawValue,
                ].merging(agency.defaultLanguage.map { [Self.defaultLanguageKey: $0] } ?? [:]) { a, _ in a }
                for (key, value) in meta.sorted(by: { $0.key < $1.key }) {
                    try database.execute("INSERT INTO log_meta (key, value) VALUES (?, ?)", key, value)
                }
                let genesis = LogCreatedEntry(
                    at: createdAt, agency: agency,
                    log: .init(origin: origin, profile: profile, signatures: signatures, verifier: verifierKey))
                var writer = try LogWriter(database: database, hasher: hasher, frontier: Frontier())
                try writer.append(try genesis.encoded())
            }
        } catch {
            removeFiles(paths, checkpointFile: false)
            if let error = error as? SQLiteError { throw OpenState.describe(error, path: paths.database) }
            throw error
        }
    }

    /// Removes what a creation that failed made: the database with its WAL and index, the private key, and — when
    /// it was made by this creation (`checkpointFile`), not left there before — the checkpoint file, with its
    /// temporary files.
    static func removeFiles(_ paths: StorePaths, checkpointFile: Bool) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: paths.database + suffix) }
        try? FileManager.default.removeItem(atPath: paths.privateKey)
        if checkpointFile { try? FileManager.default.removeItem(atPath: paths.checkpoint) }
        DurableFile.removeTemporaries(of: paths.checkpoint)
    }
}
