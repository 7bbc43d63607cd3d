public import Foundation
public import PropertyLedger

/// The core entries the daily bulletin reports by day — corrections and stocktakes — indexed by the time
/// they were recorded, so a day's are found without reading the whole log.
struct NotableEntries: VaultPart {
    static let types: Set<String> = ["correction", "stocktake.recorded"]

    static let table = SchemaMigration("1-notable-entries") { schema in
        """
        CREATE TABLE \(schema).vault_notable_entries (
            idx INTEGER PRIMARY KEY NOT NULL,
            type TEXT NOT NULL,
            at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX \(schema).vault_notable_entries_by_time ON vault_notable_entries (at);
        """
    }

    var projectionTables: [String] { ["vault_notable_entries"] }

    func observe(_ entry: CustodyEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {
        guard Self.types.contains(entry.event.type) else { return }
        try tables.execute(
            "INSERT INTO \(tables.schema).vault_notable_entries (idx, type, at) VALUES (?, ?, ?)", .integer(index),
            .text(entry.event.type), .text(entry.at))
    }
}

extension DossierVault {
    /// The corrections and stocktakes recorded in `interval` (from its start, up to but not including its end),
    /// in log order.
    public static func notableEntries(in interval: DateInterval, of snapshot: borrowing StoreSnapshot) throws -> [(
        index: Int64, entry: CustodyEntry
    )] {
        let indices = try snapshot.tables.rows(
            "SELECT idx FROM main.vault_notable_entries WHERE at >= ? AND at < ? ORDER BY idx", .text(Timestamp.string(interval.start)),
            .text(Timestamp.string(interval.end))
        ) { $0.integer(0) }
        return try snapshot.custodyEntries(indices)
    }
}
