/// A second connection to the store, for long reads: the full audit and the rebuild check.
///
/// It runs on a dispatch queue of its own, so while it reads for seconds the store's own connection goes on
/// serving short reads and writes (in WAL mode a reader never blocks a writer). It is opened read-only and
/// changes nothing in the database file.
actor ReadConnection {
    private nonisolated let executor: DispatchQueueExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private let database: Database
    /// A hasher of its own: a hasher reuses one digest context and is never shared between threads.
    private let hasher: TreeHasher

    /// What the connection owns, built on its own queue before the actor exists.
    private struct State {
        let database: Database
        let hasher: TreeHasher
    }

    private init(executor: DispatchQueueExecutor, state: sending State) {
        self.executor = executor
        self.database = state.database
        self.hasher = state.hasher
    }

    static func open(_ path: String, hashAlgorithm: HashAlgorithm) async throws -> ReadConnection {
        let executor = DispatchQueueExecutor(label: "PropertyLedger.ReadConnection")
        let state = try await executor.run {
            State(database: try Database(path: path, readOnly: true), hasher: try TreeHasher(hashAlgorithm))
        }
        return ReadConnection(executor: executor, state: state)
    }

    func audit(verifier: NoteVerifier, paths: StorePaths, midway: @escaping @Sendable () -> Void) throws -> AuditReport {
        try Auditor(database: database, hasher: hasher, verifier: verifier, paths: paths, midway: midway).audit()
    }

    func rebuildCheck(registry: ModuleRegistry, midway: @escaping @Sendable () -> Void) throws -> [Reason] {
        try RebuildCheck(database: database, registry: registry, midway: midway).differences()
    }
}
