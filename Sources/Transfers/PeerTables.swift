import PropertyLedger

/// The module's tables: `transfer_peers`, a projection of the peer entries, and `transfer_witness`, the
/// witness's compare-and-swap record of the newest checkpoint accepted per peer origin (not a projection).
enum PeerTables {
    static let peers = "transfer_peers"
    static let witness = "transfer_witness"

    static let migration = SchemaMigration("1-peers") { schema in
        """
        CREATE TABLE IF NOT EXISTS \(schema).\(peers) (
            name TEXT PRIMARY KEY, origin TEXT NOT NULL UNIQUE, verifier_key TEXT NOT NULL, added INTEGER NOT NULL,
            frozen INTEGER
        ) STRICT;
        CREATE TABLE IF NOT EXISTS \(schema).\(witness) (
            origin TEXT PRIMARY KEY, size INTEGER NOT NULL, root BLOB NOT NULL, note TEXT NOT NULL, accepted TEXT NOT NULL
        ) STRICT
        """
    }

    /// The peers' witness keys (`transfer.peer-witness-key`, and `witnessKey` on `transfer.peer-added`).
    static let witnessKeys = SchemaMigration("3-witness-keys") { schema in
        "ALTER TABLE \(schema).\(peers) ADD COLUMN witness_key TEXT"
    }

    static func apply(_ e: PeerAdded, at index: Int64, to tables: borrowing ProjectionTables) throws {
        try tables.execute(
            "INSERT INTO \(tables.schema).\(peers) (name, origin, verifier_key, added, witness_key) VALUES (?, ?, ?, ?, ?)", .text(e.peer),
            .text(e.origin), .text(e.verifierKey), .integer(index), e.witnessKey.map(SQLValue.text) ?? .null)
    }

    static func apply(_ e: PeerWitnessKey, to tables: borrowing ProjectionTables) throws {
        try tables.execute("UPDATE \(tables.schema).\(peers) SET witness_key = ? WHERE name = ?", .text(e.witnessKey), .text(e.peer))
    }

    static func apply(_ e: PeerFrozen, at index: Int64, to tables: borrowing ProjectionTables) throws {
        try tables.execute("UPDATE \(tables.schema).\(peers) SET frozen = ? WHERE name = ?", .integer(index), .text(e.peer))
    }

    static func apply(_ e: PeerUnfrozen, to tables: borrowing ProjectionTables) throws {
        try tables.execute("UPDATE \(tables.schema).\(peers) SET frozen = NULL WHERE name = ?", .text(e.peer))
    }

    private static let columns = "name, origin, verifier_key, added, frozen, witness_key"

    private static func peer(_ row: borrowing SQLRow) -> Peer {
        Peer(
            name: row.text(0), origin: row.text(1), verifierKey: row.text(2), addedAt: row.integer(3), witnessKey: row.optionalText(5),
            frozenAt: row.isNull(4) ? nil : row.integer(4))
    }

    static func peers(in tables: borrowing ProjectionTables) throws -> [Peer] {
        try tables.rows("SELECT \(columns) FROM \(tables.schema).\(peers) ORDER BY name", row: peer)
    }

    static func peer(named name: String, in tables: borrowing ProjectionTables) throws -> Peer? {
        try tables.firstRow("SELECT \(columns) FROM \(tables.schema).\(peers) WHERE name = ?", .text(name), row: peer)
    }

    static func peer(origin: String, in tables: borrowing ProjectionTables) throws -> Peer? {
        try tables.firstRow("SELECT \(columns) FROM \(tables.schema).\(peers) WHERE origin = ?", .text(origin), row: peer)
    }

    static func witnessed(_ origin: String, in tables: borrowing ProjectionTables) throws -> WitnessedCheckpoint? {
        try tables.firstRow(
            "SELECT origin, size, root, note FROM \(tables.schema).\(witness) WHERE origin = ?", .text(origin)
        ) { WitnessedCheckpoint(origin: $0.text(0), size: $0.integer(1), root: $0.blob(2), note: $0.text(3)) }
    }

    /// Replaces the peer's record, which must still be at `oldSize` (0: none yet).
    static func replaceWitnessed(_ new: WitnessedCheckpoint, from oldSize: Int64, at time: String, in tables: borrowing ProjectionTables)
        throws
    {
        if oldSize == 0 {
            try tables.execute(
                "INSERT INTO \(tables.schema).\(witness) (origin, size, root, note, accepted) VALUES (?, ?, ?, ?, ?)", .text(new.origin),
                .integer(new.size), .blob(new.root), .text(new.note), .text(time))
        } else {
            try tables.execute(
                "UPDATE \(tables.schema).\(witness) SET size = ?, root = ?, note = ?, accepted = ? WHERE origin = ? AND size = ?",
                .integer(new.size), .blob(new.root), .text(new.note), .text(time), .text(new.origin), .integer(oldSize))
        }
    }
}
