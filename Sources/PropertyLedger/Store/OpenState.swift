import Foundation

/// Everything ``LedgerStore/open(_:)`` reads before the actor exists: built on the store's own queue.
struct OpenState {
    let identity: LogIdentity
    let verifier: NoteVerifier
    let database: Database
    let hasher: TreeHasher
    let frontier: Frontier
    let writeBlockedReason: String?

    init(paths: StorePaths) throws {
        guard FileManager.default.fileExists(atPath: paths.database) else {
            throw LedgerError(.notFound, "there is no ledger store at \(paths.database); create one with `ledger init`")
        }
        let database: Database
        do {
            database = try Database(path: paths.database, create: false)
            try Self.checkSchema(database, path: paths.database)
        } catch let error as SQLiteError {
            throw Self.describe(error, path: paths.database)
        }
        let identity = try Self.readIdentity(database, path: paths.database)
        let verifier: NoteVerifier
        do {
            verifier = try NoteVerifier(text: identity.verifierKey)
        } catch {
            throw LedgerError(.storeUnusable, "the store's verifier key is unreadable (\(error)); run `ledger verify`")
        }
        let hasher = try TreeHasher(identity.profile.hashAlgorithm)

        // Load the tree's right edge. A damaged tree still opens (so `verify` can say where), but blocks writes.
        var blocked: String?
        var frontier = Frontier()
        do {
            let size = try database.queryInt("SELECT coalesce(max(idx) + 1, 0) FROM log_entries") ?? 0
            let tree = MerkleTree.stored(in: database, hasher: hasher)
            frontier = try Frontier(size: size) { level, index in try tree.subtreeHash(level, index) }
            blocked = try CheckpointGuard(database: database, tree: tree, verifier: verifier, paths: paths, size: size)
                .conflict()
        } catch let error as LedgerError {
            blocked = "\(error.message); appends are refused until this is resolved (run `ledger verify`)"
        } catch let error as SQLiteError where error.isCorruption {
            throw Self.describe(error, path: paths.database)
        }

        self.identity = identity
        self.verifier = verifier
        self.database = database
        self.hasher = hasher
        self.frontier = frontier
        self.writeBlockedReason = blocked
    }

    private static func checkSchema(_ database: Database, path: String) throws {
        let applicationID = try database.queryInt("PRAGMA application_id") ?? 0
        let version = try database.userVersion
        guard applicationID == Schema.applicationID else {
            throw LedgerError(.storeUnusable, "\(path) is a SQLite database but not a PropertyLedger store")
        }
        guard version <= Schema.currentVersion else {
            throw LedgerError(
                .storeUnusable, "\(path) has schema version \(version); this ledger knows up to \(Schema.currentVersion): upgrade the tool")
        }
        if version < Schema.currentVersion {
            try database.writeTransaction {
                for migration in Schema.migrations[version...] { try database.executeScript(migration) }
                try database.setUserVersion(Schema.currentVersion)
            }
        }
    }

    private static func readIdentity(_ database: Database, path: String) throws -> LogIdentity {
        let meta = Dictionary(
            try database.rows("SELECT key, value FROM log_meta") { ($0.text(0), $0.text(1)) }, uniquingKeysWith: { a, _ in a })
        guard let origin = meta["origin"], let profile = meta["profile"].flatMap(CryptoProfile.init(rawValue:)),
            let verifierKey = meta["verifier"], let code = meta["agency.code"], let name = meta["agency.name"],
            let kind = meta["agency.kind"].flatMap(Agency.Kind.init(rawValue:)), let createdAt = meta["created"]
        else { throw LedgerError(.storeUnusable, "\(path) is missing its log identity (log_meta is incomplete)") }
        return LogIdentity(
            origin: origin, profile: profile, agency: try Agency(code: code, name: name, kind: kind),
            verifierKey: verifierKey, createdAt: createdAt)
    }

    /// Turns SQLite's view of a bad file into a sentence about the store.
    static func describe(_ error: SQLiteError, path: String) -> LedgerError {
        if error.isCorruption {
            return LedgerError(.storeUnusable, "\(path) is not a ledger store or is damaged (\(error.message))")
        }
        if error.isBusy {
            return LedgerError(.storeUnusable, "\(path) is locked by another process (\(error.message)); try again")
        }
        return LedgerError(.storeUnusable, "cannot open \(path): \(error.message)")
    }
}

@available(*, unavailable)
extension OpenState: Sendable {}

/// Creating a store's files, before any actor exists.
enum StoreCreation {
    static func createFiles(_ paths: StorePaths, agency: Agency, profile: CryptoProfile, now: Date) throws {
        guard !FileManager.default.fileExists(atPath: paths.database) else {
            throw LedgerError(.alreadyExists, "a store already exists at \(paths.database); refusing to overwrite it")
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
                    "created": createdAt,
                ]
                for (key, value) in meta.sorted(by: { $0.key < $1.key }) {
                    try database.execute("INSERT INTO log_meta (key, value) VALUES (?, ?)", key, value)
                }
                let genesis = LogCreatedEntry(
                    at: createdAt, agency: agency, log: .init(origin: origin, profile: profile, verifier: verifierKey))
                var writer = LogWriter(database: database, hasher: hasher, frontier: Frontier())
                try writer.append(try genesis.encoded())
            }
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: paths.database + suffix) }
            try? FileManager.default.removeItem(atPath: paths.privateKey)
            if let error = error as? SQLiteError { throw OpenState.describe(error, path: paths.database) }
            throw error
        }
    }
}
