import Foundation
import PropertyLedger

/// The items marked unrelated to their case (``ItemUnrelated``), in `vault_unrelated`; a disposal of the item
/// (observed) ends the mark's deadline, whatever the method: once the item has left custody there is nothing
/// left to release.
struct UnrelatedProperty: VaultPart {
    static let table = SchemaMigration("3-unrelated") { schema in
        """
        CREATE TABLE \(schema).vault_unrelated (
            object TEXT PRIMARY KEY NOT NULL,
            idx INTEGER NOT NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            reason TEXT NOT NULL,
            ended INTEGER
        ) STRICT;
        CREATE INDEX \(schema).vault_unrelated_open ON vault_unrelated (ended);
        """
    }

    var entryTypes: Set<String> { [ItemUnrelated.type] }
    var projectionTables: [String] { ["vault_unrelated"] }

    func apply(_ entry: LoggedEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {
        let mark = try entry.payload(ItemUnrelated.self)
        try tables.execute(
            "INSERT INTO \(tables.schema).vault_unrelated (object, idx, at, actor, reason, ended) VALUES (?, ?, ?, ?, ?, NULL)",
            .text(mark.object), .integer(index), .text(entry.at), .text(entry.actor ?? ""), .text(mark.reason))
    }

    func observe(_ entry: CustodyEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {
        guard case .disposed(let disposal) = entry.event else { return }
        try tables.execute(
            "UPDATE \(tables.schema).vault_unrelated SET ended = ? WHERE object = ? AND ended IS NULL", .integer(index),
            .text(disposal.object))
    }

    private static let columns = "object, idx, actor, at, reason, ended"

    private static func mark(_ row: borrowing SQLRow) -> UnrelatedMark {
        UnrelatedMark(
            object: row.text(0), index: row.integer(1), actor: row.text(2), at: StoredTime.date(row.text(3)) ?? .distantPast,
            reason: row.text(4), endedBy: row.isNull(5) ? nil : row.integer(5))
    }

    /// The mark of `object`, if it was ever marked.
    static func mark(of object: String, in tables: borrowing ProjectionTables) throws -> UnrelatedMark? {
        try tables.firstRow("SELECT \(columns) FROM main.vault_unrelated WHERE object = ?", .text(object), row: mark)
    }

    /// The marks whose item is still in custody, by object.
    static func openMarks(in tables: borrowing ProjectionTables) throws -> [UnrelatedMark] {
        try tables.rows("SELECT \(columns) FROM main.vault_unrelated WHERE ended IS NULL ORDER BY object", row: mark)
    }
}
