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
        try database.readTransaction { try replayAndCompare() }
    }

    /// Replays and compares like ``differences()``, inside the caller's write transaction, and where they differ
    /// replaces every projection table's rows with the replayed ones. The log is read, never written; the
    /// replayed tables are dropped before the caller commits. A log with an entry the replay cannot read is
    /// not repaired: the projections may hold what that entry said, and the replay would lose it.
    func repair() throws -> RebuildRepair {
        let differences = try replayAndCompare()
        let isRepairable = !differences.contains { $0.id == "rebuild-entry-unreadable" || $0.id == "rebuild-entry-unknown" }
        if isRepairable && !differences.isEmpty {
            // Rows of one projection may refer to another's: check references when the transaction commits.
            try database.execute("PRAGMA defer_foreign_keys = ON")
            for table in tables {
                try database.execute("DELETE FROM main.\(table)")
                try database.execute("INSERT INTO main.\(table) SELECT * FROM temp.\(table)")
            }
        }
        for table in tables { try database.execute("DROP TABLE temp.\(table)") }
        return RebuildRepair(differences: differences, isRepaired: isRepairable && !differences.isEmpty)
    }

    private var tables: [String] { Schema.projectionTableNames + registry.modules.flatMap(\.projectionTables) }

    /// Replays the log into the `temp` schema and compares; runs inside a transaction the caller holds.
    private func replayAndCompare() throws -> [Reason] {
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

/// What ``LedgerStore/rebuildRepair()`` found and did.
public struct RebuildRepair: Sendable {
    /// The differences between the live projections and the replay, before the repair.
    public let differences: [Reason]
    /// Whether the projections were replaced by the replay: false when they were already identical, or when an
    /// entry could not be read (then nothing was changed).
    public let isRepaired: Bool
}
