import Foundation
import PropertyLedger

/// The objects received from another agency (`vault_received`): when each arrived, and whether its goods stayed
/// with the sender. The intake rule counts from the arrival, not the seizure — the sender's clock ran out long
/// ago — and does not apply to goods that stayed put (custody mode), which are never checked in here.
struct ReceivedObjects: VaultPart {
    static let table = SchemaMigration("6-received") { schema in
        """
        CREATE TABLE IF NOT EXISTS \(schema).vault_received (
            object TEXT PRIMARY KEY NOT NULL, at TEXT NOT NULL, held_elsewhere INTEGER NOT NULL
        ) STRICT
        """
    }

    var projectionTables: [String] { ["vault_received"] }

    func observe(_ entry: CustodyEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {
        switch entry.event {
        case .objectReceived(let received):
            try tables.execute(
                "INSERT OR REPLACE INTO \(tables.schema).vault_received (object, at, held_elsewhere) VALUES (?, ?, ?)",
                .text(received.object), .text(entry.at), .integer(received.heldBy == nil ? 0 : 1))
        case .transferredOut(let out):
            try tables.execute("DELETE FROM \(tables.schema).vault_received WHERE object = ?", .text(out.object))
        default:
            break
        }
    }

    /// One object's arrival, if it was received from another agency.
    static func arrival(of object: String, in tables: borrowing ProjectionTables) throws -> (at: Date, heldElsewhere: Bool)? {
        try tables.firstRow("SELECT at, held_elsewhere FROM main.vault_received WHERE object = ?", .text(object)) { row in
            StoredTime.date(row.text(0)).map { ($0, row.integer(1) != 0) }
        } ?? nil
    }

    /// Each received object's arrival, and whether its goods stayed with the sender.
    static func arrivals(in tables: borrowing ProjectionTables) throws -> [String: (at: Date, heldElsewhere: Bool)] {
        var arrivals: [String: (at: Date, heldElsewhere: Bool)] = [:]
        for (object, at, elsewhere) in try tables.rows(
            "SELECT object, at, held_elsewhere FROM main.vault_received", row: { ($0.text(0), $0.text(1), $0.integer(2) != 0) })
        {
            if let date = StoredTime.date(at) { arrivals[object] = (date, elsewhere) }
        }
        return arrivals
    }
}
