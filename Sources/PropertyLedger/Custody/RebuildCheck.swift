/// Replays the whole log into empty projection tables — the custody core's and every module's — and compares
/// them with the live ones (``LedgerStore/rebuildCheck()``).
///
/// The replay goes into SQLite's `temp` schema of the connection it runs on, which even a read-only connection
/// may write; it runs inside one read transaction of the main database, whose rollback also drops the
/// replayed tables.
struct RebuildCheck {
    let database: Database
    let registry: ModuleRegistry
    /// Called inside the read transaction once the replay is done (a test holds the read here).
    var midway: @Sendable () -> Void = {}

    /// The differences, described; empty when the projections are exactly what the log says.
    func differences() throws -> [Reason] {
        try database.readTransaction {
            try database.executeScript(Schema.currentProjectionTables(schema: "temp"))
            for module in registry.modules {
                for migration in module.migrations { try database.executeScript(migration.sql("temp")) }
            }
            let replay = Projections(database, schema: "temp")
            var differences: [Reason] = []
            let entries = try database.makeStatement("SELECT idx, bytes FROM main.log_entries ORDER BY idx")
            while try entries.step() {
                let index = entries.int64(0)
                let bytes = entries.data(1)
                if index == 0 { continue }  // the log's own description
                guard let envelope = try? LoggedEntry(decoding: bytes) else {
                    differences.append(.rebuildEntryUnreadable(index))
                    continue
                }
                if let module = registry.owner(of: envelope.type) {
                    try module.apply(envelope, at: index, to: ProjectionTables(database, schema: "temp"))
                    try replay.recordApproval(envelope.carriedApproval, at: index)
                } else if let entry = try? CustodyEntry.decode(bytes) {
                    try replay.apply(entry, at: index)
                    for module in registry.modules {
                        try module.observe(entry, at: index, to: ProjectionTables(database, schema: "temp"))
                    }
                } else {
                    differences.append(.rebuildEntryUnknown(index, type: envelope.type))
                }
            }
            midway()
            let tables = Schema.projectionTableNames + registry.modules.flatMap(\.projectionTables)
            for table in tables {
                for (from, to) in [("main", "temp"), ("temp", "main")] {
                    let count =
                        try database.queryInt(
                            "SELECT count(*) FROM (SELECT * FROM \(from).\(table) EXCEPT SELECT * FROM \(to).\(table))") ?? 0
                    if count > 0 {
                        differences.append(
                            from == "main" ? .rebuildExtraRows(table, count: Int(count)) : .rebuildMissingRows(table, count: Int(count)))
                    }
                }
            }
            return differences
        }
    }
}
