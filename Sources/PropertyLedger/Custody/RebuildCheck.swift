/// Replays the whole log into empty projection tables — the custody core's and every module's — and compares
/// them with the live ones (``LedgerStore/rebuildCheck()``).
///
/// The replay goes into SQLite's `temp` schema of the connection it runs on, which even a read-only connection
/// may write; it runs inside one read transaction of the main database, whose rollback also drops the
/// replayed tables.
struct RebuildCheck {
    let database: Database
    let registry: ModuleRegistry

    /// The differences, described; empty when the projections are exactly what the log says.
    func differences() throws -> [String] {
        try database.readTransaction {
            try database.executeScript(Schema.currentProjectionTables(schema: "temp"))
            for module in registry.modules {
                for migration in module.migrations { try database.executeScript(migration.sql("temp")) }
            }
            let replay = Projections(database, schema: "temp")
            var differences: [String] = []
            let entries = try database.makeStatement("SELECT idx, bytes FROM main.log_entries ORDER BY idx")
            while try entries.step() {
                let index = entries.int64(0)
                let bytes = entries.data(1)
                if index == 0 { continue }  // the log's own description
                guard let envelope = try? LoggedEntry(decoding: bytes) else {
                    differences.append("entry \(index) is not a readable ledger entry")
                    continue
                }
                if let module = registry.owner(of: envelope.type) {
                    try module.apply(envelope, at: index, to: ProjectionTables(database, schema: "temp"))
                } else if let entry = try? CustodyEntry.decode(bytes) {
                    try replay.apply(entry, at: index)
                    for module in registry.modules {
                        try module.observe(entry, at: index, to: ProjectionTables(database, schema: "temp"))
                    }
                } else {
                    differences.append("entry \(index) of type \(envelope.type) is neither a readable custody entry nor of a module")
                }
            }
            let tables = Schema.projectionTableNames + registry.modules.flatMap(\.projectionTables)
            for table in tables {
                for (from, to) in [("main", "temp"), ("temp", "main")] {
                    let count =
                        try database.queryInt(
                            "SELECT count(*) FROM (SELECT * FROM \(from).\(table) EXCEPT SELECT * FROM \(to).\(table))") ?? 0
                    if count > 0 {
                        differences.append(
                            from == "main"
                                ? "\(table): \(count) row(s) in the live projection that the log does not produce"
                                : "\(table): \(count) row(s) the log produces that the live projection lacks")
                    }
                }
            }
            return differences
        }
    }
}
