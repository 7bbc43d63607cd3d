import Foundation
import PropertyLedger

/// When each object now checked out was checked out (`vault_checkouts`): the start of its `checkout-due`
/// deadline, which the core's projection does not keep.
struct CheckoutClock: VaultPart {
    /// A store that served an earlier DossierVault (without this table) is not replayed again: the table is
    /// filled from the log for the objects checked out now, the start of their last check-out. Only in `main`:
    /// a rebuild check replays into an empty `temp` table.
    static let table = SchemaMigration("4-checkouts") { schema in
        """
        CREATE TABLE \(schema).vault_checkouts (
            object TEXT PRIMARY KEY NOT NULL,
            idx INTEGER NOT NULL,
            at TEXT NOT NULL
        ) STRICT;
        """
            + (schema == "main"
                ? """

                INSERT INTO main.vault_checkouts (object, idx, at)
                SELECT o.id, e.idx, json_extract(CAST(e.bytes AS TEXT), '$.at')
                FROM main.objects o JOIN main.log_entries e ON e.idx = (
                    SELECT max(oe.idx) FROM main.object_entries oe JOIN main.log_entries le ON le.idx = oe.idx
                    WHERE oe.object = o.id AND json_extract(CAST(le.bytes AS TEXT), '$.type') = 'custody.checked-out')
                WHERE o.status = 'checked-out';
                """ : "")
    }

    var projectionTables: [String] { ["vault_checkouts"] }

    func observe(_ entry: CustodyEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {
        switch entry.event {
        case .checkedOut(let checkout):
            try tables.execute(
                "INSERT OR REPLACE INTO \(tables.schema).vault_checkouts (object, idx, at) VALUES (?, ?, ?)", .text(checkout.object),
                .integer(index), .text(entry.at))
        case .returned(let returned):
            try tables.execute("DELETE FROM \(tables.schema).vault_checkouts WHERE object = ?", .text(returned.object))
        default:
            break
        }
    }

    /// When `object`'s current check-out was recorded.
    static func start(of object: String, in tables: borrowing ProjectionTables) throws -> Date? {
        try tables.firstRow("SELECT at FROM main.vault_checkouts WHERE object = ?", .text(object)) { StoredTime.date($0.text(0)) } ?? nil
    }

    /// The start of every current check-out, by object.
    static func starts(in tables: borrowing ProjectionTables) throws -> [String: Date] {
        var starts: [String: Date] = [:]
        for (object, at) in try tables.rows("SELECT object, at FROM main.vault_checkouts", row: { ($0.text(0), $0.text(1)) }) {
            starts[object] = StoredTime.date(at)
        }
        return starts
    }
}
