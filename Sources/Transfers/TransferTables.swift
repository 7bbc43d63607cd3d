import PropertyLedger

/// The transfers' projection tables (migration `2-transfers`): `transfer_transfers`, one row per transfer sent
/// (its manifest) or received, and `transfer_objects`, the objects of each.
enum TransferTables {
    static let transfers = "transfer_transfers"
    static let objects = "transfer_objects"

    static let migration = SchemaMigration("2-transfers") { schema in
        """
        CREATE TABLE IF NOT EXISTS \(schema).\(transfers) (
            transfer TEXT PRIMARY KEY, direction TEXT NOT NULL, peer TEXT NOT NULL, origin TEXT NOT NULL,
            case_number TEXT NOT NULL, mode TEXT NOT NULL, manifest INTEGER NOT NULL, closed INTEGER, seen INTEGER
        ) STRICT;
        CREATE TABLE IF NOT EXISTS \(schema).\(objects) (
            transfer TEXT NOT NULL, object TEXT NOT NULL, entry INTEGER NOT NULL, result TEXT, note TEXT,
            PRIMARY KEY (transfer, object)
        ) STRICT;
        CREATE INDEX IF NOT EXISTS \(schema).transfer_objects_by_object ON \(objects) (object)
        """
    }

    static func apply(_ e: TransferOut, at index: Int64, to tables: borrowing ProjectionTables) throws {
        try tables.execute(
            "INSERT INTO \(tables.schema).\(objects) (transfer, object, entry) VALUES (?, ?, ?)", .text(e.transfer), .text(e.object),
            .integer(index))
    }

    static func apply(_ e: TransferManifest, at index: Int64, to tables: borrowing ProjectionTables) throws {
        try tables.execute(
            """
            INSERT INTO \(tables.schema).\(transfers) (transfer, direction, peer, origin, case_number, mode, manifest)
            VALUES (?, 'out', ?, ?, ?, ?, ?)
            """, .text(e.transfer), .text(e.peer), .text(e.to), .text(e.case), .text(e.mode.rawValue), .integer(index))
    }

    static func apply(_ e: TransferReceived, at index: Int64, to tables: borrowing ProjectionTables) throws {
        try tables.execute(
            """
            INSERT INTO \(tables.schema).\(transfers) (transfer, direction, peer, origin, case_number, mode, manifest, closed)
            VALUES (?, 'in', ?, ?, ?, ?, ?, ?)
            """, .text(e.transfer), .text(e.peer), .text(e.from), .text(e.case), .text(e.mode.rawValue), .integer(e.manifest),
            .integer(index))
        for answer in e.answers {
            try tables.execute(
                "INSERT INTO \(tables.schema).\(objects) (transfer, object, entry, result, note) VALUES (?, ?, ?, ?, ?)", .text(e.transfer),
                .text(answer.object), .integer(index), .text(answer.result.rawValue), answer.note.map(SQLValue.text) ?? .null)
        }
    }

    static func apply(_ e: TransferClosed, at index: Int64, to tables: borrowing ProjectionTables) throws {
        try tables.execute(
            "UPDATE \(tables.schema).\(transfers) SET closed = ?, seen = ? WHERE transfer = ? AND direction = 'out'", .integer(index),
            .integer(e.seenSize), .text(e.transfer))
        for answer in e.answers {
            try tables.execute(
                "UPDATE \(tables.schema).\(objects) SET result = ?, note = ? WHERE transfer = ? AND object = ?",
                .text(answer.result.rawValue),
                answer.note.map(SQLValue.text) ?? .null, .text(e.transfer), .text(answer.object))
        }
    }

    /// A transfer recorded here (sent or received).
    struct Row {
        let transfer, direction, peer, origin, caseNumber: String
        let mode: TransferMode
        let manifest: Int64
        let closed: Int64?
    }

    private static let rowColumns = "transfer, direction, peer, origin, case_number, mode, manifest, closed"

    private static func row(_ row: borrowing SQLRow) -> Row {
        Row(
            transfer: row.text(0), direction: row.text(1), peer: row.text(2), origin: row.text(3), caseNumber: row.text(4),
            mode: TransferMode(rawValue: row.text(5)) ?? .move, manifest: row.integer(6), closed: row.isNull(7) ? nil : row.integer(7))
    }

    static func transfer(_ id: String, direction: String, in tables: borrowing ProjectionTables) throws -> Row? {
        try tables.firstRow(
            "SELECT \(rowColumns) FROM \(tables.schema).\(transfers) WHERE transfer = ? AND direction = ?", .text(id), .text(direction),
            row: row)
    }

    static func rows(in tables: borrowing ProjectionTables) throws -> [Row] {
        try tables.rows("SELECT \(rowColumns) FROM \(tables.schema).\(transfers) ORDER BY manifest DESC, transfer", row: row)
    }

    /// The largest size of this log `peer`'s witness is known to hold: what its receipts said it checked our
    /// bundles against; 0 before the first.
    static func sizeWitnessed(by peer: String, in tables: borrowing ProjectionTables) throws -> Int64 {
        try tables.firstRow(
            "SELECT coalesce(max(seen), 0) FROM \(tables.schema).\(transfers) WHERE direction = 'out' AND peer = ?", .text(peer)
        ) { $0.integer(0) } ?? 0
    }

    /// The objects of a transfer, by id, with the result once known.
    static func objects(of transfer: String, in tables: borrowing ProjectionTables) throws -> [(object: String, result: ObjectResult?)] {
        try tables.rows("SELECT object, result FROM \(tables.schema).\(objects) WHERE transfer = ? ORDER BY object", .text(transfer)) {
            ($0.text(0), $0.optionalText(1).flatMap(ObjectResult.init(rawValue:)))
        }
    }

    /// The transfer out that took the object out of this agency's custody for good (closed, confirmed or damaged).
    static func transferredAway(_ object: String, in tables: borrowing ProjectionTables) throws -> String? {
        try tables.firstRow(
            """
            SELECT o.transfer FROM \(tables.schema).\(objects) o JOIN \(tables.schema).\(transfers) t ON t.transfer = o.transfer
            WHERE o.object = ? AND t.direction = 'out' AND t.closed IS NOT NULL AND o.result IN ('confirmed', 'damaged')
            """, .text(object)
        ) { $0.text(0) }
    }

    /// The open transfer out the object is in, if any.
    static func openTransfer(of object: String, in tables: borrowing ProjectionTables) throws -> String? {
        try tables.firstRow(
            """
            SELECT o.transfer FROM \(tables.schema).\(objects) o JOIN \(tables.schema).\(transfers) t ON t.transfer = o.transfer
            WHERE o.object = ? AND t.direction = 'out' AND t.closed IS NULL
            """, .text(object)
        ) { $0.text(0) }
    }

    /// The transfers sent and not closed yet, the oldest first.
    static func openOut(in tables: borrowing ProjectionTables) throws -> [Row] {
        try tables.rows(
            "SELECT \(rowColumns) FROM \(tables.schema).\(transfers) WHERE direction = 'out' AND closed IS NULL ORDER BY manifest",
            row: row)
    }

    /// An object a receiver answered missing or damaged, on either side.
    struct Discrepancy {
        let transfer: Row
        let object: String
        let result: ObjectResult
        let note: String?
    }

    /// Every object answered missing or damaged, in the order the answers were recorded.
    static func discrepancies(in tables: borrowing ProjectionTables) throws -> [Discrepancy] {
        try tables.rows(
            """
            SELECT t.transfer, t.direction, t.peer, t.origin, t.case_number, t.mode, t.manifest, t.closed, o.object, o.result, o.note
            FROM \(tables.schema).\(transfers) t JOIN \(tables.schema).\(objects) o ON o.transfer = t.transfer
            WHERE t.closed IS NOT NULL AND o.result IN ('missing', 'damaged') ORDER BY t.closed, o.object
            """
        ) {
            Discrepancy(
                transfer: row($0), object: $0.text(8), result: ObjectResult(rawValue: $0.text(9)) ?? .missing, note: $0.optionalText(10))
        }
    }

    /// Whether the object went out again in a transfer whose manifest is after `index`.
    static func sentAgain(_ object: String, after index: Int64, in tables: borrowing ProjectionTables) throws -> Bool {
        try tables.firstRow(
            """
            SELECT 1 FROM \(tables.schema).\(objects) o JOIN \(tables.schema).\(transfers) t ON t.transfer = o.transfer
            WHERE o.object = ? AND t.direction = 'out' AND t.manifest > ?
            """, .text(object), .integer(index)
        ) { _ in true } ?? false
    }

    /// The latest closed transfer out whose receipt answered the object missing, and its manifest's index.
    static func reportedMissing(_ object: String, in tables: borrowing ProjectionTables) throws -> (transfer: String, manifest: Int64)? {
        try tables.firstRow(
            """
            SELECT o.transfer, t.manifest FROM \(tables.schema).\(objects) o JOIN \(tables.schema).\(transfers) t ON t.transfer = o.transfer
            WHERE o.object = ? AND t.direction = 'out' AND t.closed IS NOT NULL AND o.result = 'missing' ORDER BY t.manifest DESC
            """, .text(object)
        ) { ($0.text(0), $0.integer(1)) }
    }
}
