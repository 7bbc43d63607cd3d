public import Foundation

/// A custody log in a SQLite file: append entries, read them back, prove them, sign checkpoints.
///
/// The store runs on a dispatch queue of its own (see ``DispatchQueueExecutor``), so the fsync of every
/// commit and any wait for another process's lock never block Swift's cooperative threads. One process may
/// write at a time; others wait up to the busy timeout. Every write is one `BEGIN IMMEDIATE` transaction.
///
/// On open the store compares itself with its last signed checkpoint, kept both in the database and in a
/// file beside it. If it is behind that checkpoint (a restored backup, lost writes) or disagrees with it
/// (tampering, a second writer with a copy), it still opens for reading and auditing but refuses to append:
/// ``writeBlockedReason`` says why (and writes are refused with `writes-blocked`, carrying it).
public actor LedgerStore {
    /// Entries are records, not files: a larger one is refused.
    public static let maximumEntrySize = 1 << 20

    public nonisolated let paths: StorePaths
    public nonisolated let identity: LogIdentity
    public nonisolated let verifier: NoteVerifier
    /// The modules the store serves (``LedgerModule``).
    nonisolated let registry: ModuleRegistry

    /// The names of the modules the store serves: those it was opened with, less any that a read-only store was
    /// never migrated for (their tables are not there, so their reports cannot run).
    public nonisolated var moduleNames: [String] { registry.modules.map(\.name) }

    private nonisolated let executor: DispatchQueueExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    let database: Database
    let hasher: TreeHasher
    /// The right edge of the tree as of our last read or write; checked against the file in every write.
    var frontier: Frontier
    /// Set when the store disagrees with its last signed checkpoint; appends are refused while it is set.
    public private(set) var writeBlockedReason: Reason?
    /// Whether the store's file or directory is not writable: it is read and verified, never written.
    public nonisolated let isReadOnly: Bool

    private init(paths: StorePaths, executor: DispatchQueueExecutor, state: sending OpenState) {
        self.paths = paths
        self.executor = executor
        self.identity = state.identity
        self.verifier = state.verifier
        self.database = state.database
        self.hasher = state.hasher
        self.frontier = state.frontier
        self.writeBlockedReason = state.writeBlockedReason
        self.isReadOnly = state.isReadOnly
        self.registry = state.registry
    }

    /// Opens an existing store, serving `modules` (their migrations are applied first).
    public static func open(_ paths: StorePaths, modules: [any LedgerModule] = []) async throws -> LedgerStore {
        let executor = DispatchQueueExecutor(label: "PropertyLedger.LedgerStore")
        let registry = try ModuleRegistry(modules)
        let state = try await executor.run { try OpenState(paths: paths, registry: registry) }
        return LedgerStore(paths: paths, executor: executor, state: state)
    }

    /// Creates a new store: a key pair (private key written mode 0600), the database with its schema, entry 0
    /// describing the log, and the first signed checkpoint.
    ///
    /// Refuses if the database or the key file already exists. If creation fails midway — the first checkpoint
    /// included — the files it made are removed, so that `ledger init` can simply be run again.
    ///
    /// - Parameter signatures: by default every entry after the first officer's must be signed (he enrols his
    ///   own key next); ``SignatureRequirement/optional`` for a training or test store, said in entry 0.
    public static func create(
        _ paths: StorePaths, agency: Agency, profile: CryptoProfile, signatures: SignatureRequirement = .required,
        modules: [any LedgerModule] = [], now: Date = Date()
    ) async throws -> LedgerStore {
        let executor = DispatchQueueExecutor(label: "PropertyLedger.LedgerStore")
        let checkpointFileExisted = FileManager.default.fileExists(atPath: paths.checkpoint)
        try await executor.run {
            try StoreCreation.createFiles(paths, agency: agency, profile: profile, signatures: signatures, now: now)
        }
        do {
            let store = try await open(paths, modules: modules)
            _ = try await store.checkpoint()
            return store
        } catch {
            // A store without its first signed checkpoint (a disk that failed or filled up while it was signed or
            // published) is not whole; nobody has used it yet, so it goes, as it would had `createFiles` failed.
            // The connection was closed when `store` went out of scope.
            StoreCreation.removeFiles(paths, checkpointFile: !checkpointFileExisted)
            throw error
        }
    }

    // MARK: Reading

    /// The number of entries in the file now (another process may have appended since we last looked).
    public var size: Int64 {
        get throws { try database.queryInt("SELECT coalesce(max(idx) + 1, 0) FROM log_entries") ?? 0 }
    }

    /// The exact bytes of entry `index`.
    public func entry(at index: Int64) throws -> Data {
        guard let bytes = try database.firstRow("SELECT bytes FROM log_entries WHERE idx = ?", index, row: { $0.data(0) })
        else { throw LedgerError(.notFound, .entryBeyondLog(index, size: try size)) }
        return bytes
    }

    // MARK: Appending

    /// Appends one entry and returns its index once it is durable.
    @discardableResult
    public func append(_ entry: Data) throws -> Int64 {
        try append(contentsOf: [entry]).lowerBound
    }

    /// Appends entries in one transaction: all of them become durable together, or none does.
    @discardableResult
    public func append(contentsOf entries: [Data]) throws -> Range<Int64> {
        try write { writer in
            for entry in entries { try writer.append(entry) }
        }
        .range
    }

    /// Runs `body` in one write transaction with a ``LogWriter``; commits if it returns, writes nothing if it
    /// throws.
    ///
    /// Other tables (projections of the log) may be written through the writer in the same transaction.
    public func write<T>(_ body: (inout LogWriter) throws -> T) throws -> (result: T, range: Range<Int64>) {
        if let writeBlockedReason { throw LedgerError(.storeUnusable, .writesBlocked(by: writeBlockedReason)) }
        let start = try database.writeTransaction { () throws -> (T, Frontier) in
            // Another process may have appended since we loaded our frontier; the write lock is ours now.
            let sizeInFile = try size
            if sizeInFile != frontier.size { frontier = try loadFrontier(size: sizeInFile) }
            var writer = try LogWriter(database: database, hasher: hasher, frontier: frontier)
            let result = try body(&writer)
            return (result, writer.frontier)
        }
        // Only a committed transaction moves the in-memory frontier.
        let range = frontier.size..<start.1.size
        frontier = start.1
        return (start.0, range)
    }

    // MARK: The tree

    var tree: MerkleTree { MerkleTree.stored(in: database, hasher: hasher) }

    func loadFrontier(size: Int64) throws -> Frontier {
        try Frontier(size: size) { level, index in try tree.subtreeHash(level, index) }
    }

    /// The root hash of the log's first `size` entries.
    public func root(size: Int64) throws -> Data {
        try database.readTransaction {
            try requireSize(size)
            return try tree.root(size: size)
        }
    }

    /// The inclusion proof of entry `index` in the tree of `size` entries.
    public func inclusionProof(index: Int64, size: Int64) throws -> [Data] {
        try database.readTransaction {
            try requireSize(size)
            guard index >= 0, index < size else {
                throw LedgerError(.invalidInput, .indexOutsideTree(index, size: size))
            }
            return try tree.inclusionProof(index: index, size: size)
        }
    }

    /// The proof that the tree of `newSize` entries extends the tree of `oldSize` entries.
    public func consistencyProof(from oldSize: Int64, to newSize: Int64) throws -> [Data] {
        try database.readTransaction {
            try requireSize(newSize)
            guard oldSize > 0, oldSize <= newSize else {
                throw LedgerError(.invalidInput, .noConsistencyProof(from: oldSize, to: newSize))
            }
            return try tree.consistencyProof(from: oldSize, to: newSize)
        }
    }

    private func requireSize(_ requested: Int64) throws {
        let current = try size
        guard requested >= 0, requested <= current else {
            throw LedgerError(.invalidInput, .sizeBeyondLog(requested, size: current))
        }
    }

    // MARK: Modules

    /// Runs `body` in one write transaction in which custody commands and module entries are recorded: all
    /// are written together when it returns, none when it throws.
    ///
    /// - Parameters:
    ///   - actor: the officer's badge, for every entry.
    ///   - device: the device that causes them (a cabinet, the scheduler), named in every entry beside the actor.
    ///   - signer: signs every entry: the actor's key, or the device's when a device is named. Needed once
    ///     that holder has an enrolled key (``EntrySealing``).
    public func transaction<T>(
        actor: String?, device: Device? = nil, at date: Date = Date(), signer: (any EntrySigner)? = nil,
        _ body: (inout LedgerTransaction) throws -> T
    ) throws -> T {
        try write { writer in
            var transaction = LedgerTransaction(
                writer: try LogWriter(database: database, hasher: hasher, frontier: writer.frontier), database: database,
                registry: registry,
                identity: identity, actor: actor, device: device, date: date, signer: signer)
            let result = try body(&transaction)
            // What the transaction appended moves the outer writer's edge, which `write` commits.
            writer.frontier = transaction.writer.frontier
            return result
        }.result
    }

    /// Decides, writes and applies one module entry in a transaction of its own.
    @discardableResult
    public func record<Payload: EntryPayload>(
        actor: String?, device: Device? = nil, at date: Date = Date(), signer: (any EntrySigner)? = nil,
        _ decide: (borrowing RuleContext) throws -> Payload
    ) throws -> RecordedModuleEntry {
        try transaction(actor: actor, device: device, at: date, signer: signer) { try $0.record(decide) }
    }

    // MARK: Long reads

    /// Opened on first use: most commands never need it.
    private var readConnection: ReadConnection?
    /// Runs on the second connection in the middle of each long read, inside its read transaction: a test
    /// holds a long read open here for as long as it likes.
    var longReadMidway: @Sendable () -> Void = {}

    func setLongReadMidway(_ midway: @escaping @Sendable () -> Void) {
        longReadMidway = midway
    }

    private func longReads() async throws -> ReadConnection {
        if let readConnection { return readConnection }
        let opened = try await ReadConnection.open(paths.database, hashAlgorithm: identity.profile.hashAlgorithm)
        // Another call may have opened one while this one waited; keep the first.
        if let readConnection { return readConnection }
        readConnection = opened
        return opened
    }

    /// Recomputes everything the log promises from the stored bytes and reports the first place it breaks.
    ///
    /// - every entry's leaf hash from its exact stored bytes, against the stored leaf;
    /// - every stored tree node from its two children, level by level;
    /// - every signed checkpoint: signature, origin, and its root against the tree at its size;
    /// - the checkpoint file beside the store, and the key file against the store's verifier key.
    ///
    /// It streams, so memory does not grow with the log, and runs in one read transaction, so a concurrent
    /// writer cannot make it see a torn state. It reads on a second connection: the store goes on serving
    /// other calls meanwhile.
    public func audit() async throws -> AuditReport {
        try await longReads().audit(verifier: verifier, paths: paths, midway: longReadMidway)
    }

    /// Replays the whole log into empty projection tables and compares them with the live ones, on the second
    /// connection like ``audit()``.
    ///
    /// - Returns: the differences, as reasons (`rebuild-extra-rows`, `rebuild-missing-rows`, …); empty when the
    ///   projections are exactly what the log says.
    public func rebuildCheck() async throws -> [Reason] {
        try await longReads().rebuildCheck(registry: registry, midway: longReadMidway)
    }

    /// Replays the whole log like ``rebuildCheck()`` and, where the projections differ, replaces them with the
    /// replay, in one write transaction on the store's own connection: the log itself is not touched, and
    /// writers wait for the lock as for any write. Refused while writes are blocked or the store is read-only.
    public func rebuildRepair() throws -> RebuildRepair {
        if let writeBlockedReason { throw LedgerError(.storeUnusable, .writesBlocked(by: writeBlockedReason)) }
        return try database.writeTransaction { try RebuildCheck(database: database, registry: registry).repair() }
    }

    /// Blocks appends from now on (used when a check finds the store in conflict with what was signed).
    func blockWrites(_ reason: Reason) {
        writeBlockedReason = reason
    }
}

/// Appends entries inside a ``LedgerStore/write(_:)`` transaction.
public struct LogWriter: ~Copyable {
    let database: Database
    let hasher: TreeHasher
    var frontier: Frontier
    // Held for the transaction and bound argument by argument: a batch of 1,000 entries runs them about 3,000
    // times, and looking each up by its SQL text with an argument list of existentials (and a `Data` for every
    // hash) kept batched appends at 0.85-0.89x of their layout's floor; 0.98-1.01x now (ledger-bench (b)).
    private let insertEntry: Statement
    private let insertNode: Statement

    init(database: Database, hasher: TreeHasher, frontier: Frontier) throws {
        let insertEntry = try database.statement("INSERT INTO log_entries (idx, bytes) VALUES (?, ?)")
        let insertNode = try database.statement("INSERT INTO log_nodes (level, idx, hash) VALUES (?, ?, ?)")
        self.database = database
        self.hasher = hasher
        self.frontier = frontier
        self.insertEntry = insertEntry
        self.insertNode = insertNode
    }

    /// The index the next appended entry will take.
    public var nextIndex: Int64 { frontier.size }

    /// Appends `entry`: its bytes at the next index, its leaf hash, and every subtree it completes.
    @discardableResult
    public mutating func append(_ entry: Data) throws -> Int64 {
        guard entry.count <= LedgerStore.maximumEntrySize else {
            throw LedgerError(.invalidInput, .entryTooLarge(bytes: entry.count))
        }
        let index = frontier.size
        let (database, insertNode) = (database, insertNode)
        try Self.run(insertEntry, of: database) { statement in
            try statement.bind(index, at: 1)
            try statement.bind(entry, at: 2)
        }
        try frontier.append(entry: entry, using: hasher) { node in
            try Self.run(insertNode, of: database) { statement in
                try statement.bind(Int64(node.level), at: 1)
                try statement.bind(node.index, at: 2)
                try statement.bind(node.hash32, at: 3)
            }
        }
        return index
    }

    private static func run(_ statement: Statement, of database: Database, binding bind: (Statement) throws -> Void) throws {
        do {
            try bind(statement)
            try statement.run()
        } catch {
            database.discard(statement)
            throw error
        }
    }
}
