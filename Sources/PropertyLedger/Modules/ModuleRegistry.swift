/// The modules a store serves: checked for clashes when the store opens, their migrations brought up to date,
/// and each entry type mapped to the module that owns it.
struct ModuleRegistry: Sendable {
    let modules: [any LedgerModule]
    private let owners: [String: Int]

    /// The entry types of the core: the log's description and every ``CustodyEvent``.
    static let coreTypes: Set<String> = [
        "log.created", "officer.added", "officer.retired", "location.added", "case.opened", "case.progressed", "case.solved",
        "case.closed", "item.registered", "dossier.registered", "chip.bound", "chip.replaced", "custody.checked-in",
        "custody.checked-out", "custody.checkout-extended", "custody.returned", "custody.moved", "custody.disposed", "correction",
        "stocktake.recorded", "key.enrolled", "key.revoked", "log.signatures-required", "custody.transferred", "custody.received",
    ]

    /// Checks that names and entry types are unique and clash with nothing of the core.
    init(_ modules: [any LedgerModule]) throws {
        var owners: [String: Int] = [:]
        var names: Set<String> = []
        for (position, module) in modules.enumerated() {
            guard !module.name.isEmpty, module.name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
            else { throw LedgerError(.invalidInput, .moduleNameInvalid(module.name)) }
            guard names.insert(module.name).inserted else {
                throw LedgerError(.invalidInput, .moduleNameTaken(module.name))
            }
            for type in module.entryTypes {
                guard !Self.coreTypes.contains(type) else {
                    throw LedgerError(.invalidInput, .moduleClaimsCoreType(module.name, type: type))
                }
                if let other = owners.updateValue(position, forKey: type) {
                    throw LedgerError(.invalidInput, .entryTypeClaimedTwice(type, modules: [modules[other].name, module.name]))
                }
            }
        }
        self.modules = modules
        self.owners = owners
    }

    /// The module that owns entries of `type`, if any.
    func owner(of type: String) -> (any LedgerModule)? {
        owners[type].map { modules[$0] }
    }

    /// The migrations of `module` not yet applied to the store, after checking that those applied are a prefix
    /// of the module's list (else the store was written by a version of the module this one does not know).
    func pendingMigrations(of module: any LedgerModule, in database: Database) throws -> ArraySlice<SchemaMigration> {
        let applied = try database.rows(
            "SELECT name FROM module_migrations WHERE module = ? ORDER BY position", [module.name]
        ) { $0.text(0) }
        let known = module.migrations.map(\.name)
        guard applied.count <= known.count, Array(known.prefix(applied.count)) == applied else {
            throw LedgerError(.storeUnusable, .moduleMigrationsUnknown(module.name, applied: applied))
        }
        return module.migrations[applied.count...]
    }

    /// Applies every pending migration of every module in one transaction. A module new to the store (none
    /// of its migrations applied yet) then catches up: the log so far is replayed through its
    /// ``LedgerModule/observe(_:at:to:)`` in the same transaction, so its tables are what they would be had it
    /// been there from the start.
    func migrate(_ database: Database) throws {
        guard try modules.contains(where: { !(try pendingMigrations(of: $0, in: database)).isEmpty }) else { return }
        try database.writeTransaction {
            // Checked again under the write lock: another process may have migrated meanwhile.
            var newcomers: [any LedgerModule] = []
            for module in modules {
                let pending = try pendingMigrations(of: module, in: database)
                if pending.startIndex == 0 && !pending.isEmpty { newcomers.append(module) }
                // A slice keeps the indices of the whole list: each is the migration's position.
                for position in pending.indices {
                    try database.executeScript(pending[position].sql("main"))
                    try database.execute(
                        "INSERT INTO module_migrations (module, position, name) VALUES (?, ?, ?)", module.name, position,
                        pending[position].name)
                }
            }
            if !newcomers.isEmpty { try Self.replayCore(database, into: newcomers) }
        }
    }

    /// Every core entry of the log, in order, through `modules`' ``LedgerModule/observe(_:at:to:)``. Entries
    /// of other modules cannot be there yet for a module that was never here: its own types are new too.
    private static func replayCore(_ database: Database, into modules: [any LedgerModule]) throws {
        let entries = try database.makeStatement("SELECT idx, bytes FROM main.log_entries WHERE idx > 0 ORDER BY idx")
        while try entries.step() {
            guard let entry = try? CustodyEntry.decode(entries.data(1)) else { continue }
            for module in modules {
                try module.observe(entry, at: entries.int64(0), to: ProjectionTables(database, schema: "main"))
            }
        }
    }
}
