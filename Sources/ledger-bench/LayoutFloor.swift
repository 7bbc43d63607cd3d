import CSQLite
import Foundation
import PropertyLedger

/// Layouts between raw SQLite and the store, for (b): where the time of a batched append goes, and what any
/// layout of the hashes could at best reach.
///
/// Each is a separate database on the same disk with the store's durability settings, prepared statements and
/// no Swift layers beyond the loop, and each hashes with the store's own `TreeHasher`. From the bare inserts
/// up, one cost at a time is added: the tree's hashes computed (no rows), one row per tree node as the store
/// keeps them (no triggers), the store's append-only and density triggers, and — instead of node rows — one row
/// per full tile of 256 leaf hashes, the fewest rows a tiled layout (sumdb/tlog, Tessera) writes.
final class LayoutFloor {
    enum Layout: String, CaseIterable {
        case hashed = "raw inserts + the tree's hashes (no rows)"
        case nodeRows = "+ one row per tree node (no triggers)"
        case nodeRowsWithTriggers = "+ the version-1 triggers"
        case nodeRowsWithEntryTrigger = "+ only version 1's log_entries_dense"
        case nodeRowsWithExistsTriggers = "+ the store's triggers (schema 11)"
        case tiles = "hashes + one row per 256-leaf tile instead"
    }

    static let tileWidth = 256

    let layout: Layout
    private let connection: RawConnection
    private let begin: RawStatement
    private let commit: RawStatement
    private let insertEntry: RawStatement
    private let insertNode: RawStatement?
    private let insertTile: RawStatement?
    private let hasher: TreeHasher
    private var size: Int64 = 0
    /// The roots of the complete subtrees on the right edge, lowest level last (as ``Frontier`` keeps them).
    private var edge: [(level: Int, hash: Data)] = []
    private var tile = Data()

    init(path: String, layout: Layout, hashAlgorithm: HashAlgorithm) throws {
        self.layout = layout
        connection = try RawConnection(path: path)
        try connection.requirePragma("journal_mode = WAL", equals: "wal")
        try connection.requirePragma("synchronous = FULL", equals: nil)
        try connection.execute("CREATE TABLE log_entries (idx INTEGER PRIMARY KEY NOT NULL, bytes BLOB NOT NULL) STRICT")
        switch layout {
        case .hashed, .tiles: break
        case .nodeRows, .nodeRowsWithTriggers, .nodeRowsWithEntryTrigger, .nodeRowsWithExistsTriggers:
            try connection.execute(
                """
                CREATE TABLE log_nodes (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL,
                    PRIMARY KEY (level, idx)) STRICT, WITHOUT ROWID
                """)
        }
        if layout == .nodeRowsWithTriggers {
            // The store's own triggers on its two append-only tables (Schema.version1), verbatim in effect.
            try connection.execute(
                """
                CREATE TRIGGER log_entries_no_update BEFORE UPDATE ON log_entries BEGIN SELECT RAISE(ABORT, 'no'); END;
                CREATE TRIGGER log_entries_no_delete BEFORE DELETE ON log_entries BEGIN SELECT RAISE(ABORT, 'no'); END;
                CREATE TRIGGER log_entries_dense BEFORE INSERT ON log_entries
                WHEN NEW.idx IS NOT (SELECT coalesce(max(idx) + 1, 0) FROM log_entries) BEGIN SELECT RAISE(ABORT, 'no'); END;
                CREATE TRIGGER log_nodes_no_update BEFORE UPDATE ON log_nodes BEGIN SELECT RAISE(ABORT, 'no'); END;
                CREATE TRIGGER log_nodes_no_delete BEFORE DELETE ON log_nodes BEGIN SELECT RAISE(ABORT, 'no'); END;
                CREATE TRIGGER log_nodes_dense BEFORE INSERT ON log_nodes
                WHEN NEW.idx IS NOT (SELECT coalesce(max(idx) + 1, 0) FROM log_nodes WHERE level = NEW.level)
                BEGIN SELECT RAISE(ABORT, 'no'); END;
                """)
        }
        if layout == .nodeRowsWithEntryTrigger {
            // Version 1's density trigger of log_entries alone: what its max() subquery costs by itself.
            try connection.execute(
                """
                CREATE TRIGGER log_entries_dense BEFORE INSERT ON log_entries
                WHEN NEW.idx IS NOT (SELECT coalesce(max(idx) + 1, 0) FROM log_entries) BEGIN SELECT RAISE(ABORT, 'no'); END;
                """)
        }
        if layout == .nodeRowsWithExistsTriggers {
            // The store's triggers as schema 11 left them: append-only guards, density as point lookups.
            try connection.execute(
                """
                CREATE TRIGGER log_entries_no_update BEFORE UPDATE ON log_entries BEGIN SELECT RAISE(ABORT, 'no'); END;
                CREATE TRIGGER log_entries_no_delete BEFORE DELETE ON log_entries BEGIN SELECT RAISE(ABORT, 'no'); END;
                CREATE TRIGGER log_entries_dense BEFORE INSERT ON log_entries
                WHEN (NEW.idx > 0 AND NOT EXISTS (SELECT 1 FROM log_entries WHERE idx = NEW.idx - 1))
                    OR EXISTS (SELECT 1 FROM log_entries WHERE idx = NEW.idx)
                BEGIN SELECT RAISE(ABORT, 'no'); END;
                CREATE TRIGGER log_nodes_no_update BEFORE UPDATE ON log_nodes BEGIN SELECT RAISE(ABORT, 'no'); END;
                CREATE TRIGGER log_nodes_no_delete BEFORE DELETE ON log_nodes BEGIN SELECT RAISE(ABORT, 'no'); END;
                CREATE TRIGGER log_nodes_dense BEFORE INSERT ON log_nodes
                WHEN (NEW.idx > 0 AND NOT EXISTS (SELECT 1 FROM log_nodes WHERE level = NEW.level AND idx = NEW.idx - 1))
                    OR EXISTS (SELECT 1 FROM log_nodes WHERE level = NEW.level AND idx = NEW.idx)
                BEGIN SELECT RAISE(ABORT, 'no'); END;
                """)
        }
        if layout == .tiles {
            try connection.execute(
                "CREATE TABLE log_tiles (level INTEGER NOT NULL, idx INTEGER NOT NULL, hashes BLOB NOT NULL, PRIMARY KEY (level, idx)) STRICT, WITHOUT ROWID"
            )
        }
        begin = try RawStatement(connection, "BEGIN IMMEDIATE")
        commit = try RawStatement(connection, "COMMIT")
        insertEntry = try RawStatement(connection, "INSERT INTO log_entries (idx, bytes) VALUES (?, ?)")
        let nodes = layout != .hashed && layout != .tiles
        insertNode = nodes ? try RawStatement(connection, "INSERT INTO log_nodes (level, idx, hash) VALUES (?, ?, ?)") : nil
        insertTile = layout == .tiles ? try RawStatement(connection, "INSERT INTO log_tiles (level, idx, hashes) VALUES (?, ?, ?)") : nil
        hasher = try TreeHasher(hashAlgorithm)
    }

    /// Appends `entries` in one transaction, durable when it returns.
    func insert(contentsOf entries: [Data]) throws {
        try begin.run()
        do {
            for entry in entries { try append(entry) }
            try commit.run()
        } catch {
            connection.rollBackIfOpen()
            throw error
        }
    }

    private func append(_ entry: Data) throws {
        let index = size
        try insertEntry.run { statement in
            let code = sqlite3_bind_int64(statement, 1, index)
            let bytes = entry.withUnsafeBytes { sqlite3_bind_blob(statement, 2, $0.baseAddress, Int32($0.count), csqlite_transient()) }
            return code == SQLITE_OK ? bytes : code
        }
        var node = (level: 0, index: index, hash: hasher.leafHash(entry))
        try stored(node)
        if layout == .tiles {
            tile.append(node.hash)
            if tile.count == Self.tileWidth * HashAlgorithm.digestSize {
                try insertTile?.run { statement in
                    let level = sqlite3_bind_int64(statement, 1, 0)
                    let position = sqlite3_bind_int64(statement, 2, index / Int64(Self.tileWidth))
                    let blob = self.tile.withUnsafeBytes {
                        sqlite3_bind_blob(statement, 3, $0.baseAddress, Int32($0.count), csqlite_transient())
                    }
                    return level == SQLITE_OK && position == SQLITE_OK ? blob : SQLITE_ERROR
                }
                tile.removeAll(keepingCapacity: true)
            }
        }
        // Merge with the right edge while the new subtree has a left sibling of its own size.
        while let last = edge.last, last.level == node.level {
            edge.removeLast()
            node = (node.level + 1, node.index / 2, hasher.nodeHash(last.hash, node.hash))
            try stored(node)
        }
        edge.append((node.level, node.hash))
        size += 1
    }

    private func stored(_ node: (level: Int, index: Int64, hash: Data)) throws {
        try insertNode?.run { statement in
            let level = sqlite3_bind_int64(statement, 1, Int64(node.level))
            let index = sqlite3_bind_int64(statement, 2, node.index)
            let hash = node.hash.withUnsafeBytes {
                sqlite3_bind_blob(statement, 3, $0.baseAddress, Int32($0.count), csqlite_transient())
            }
            return level == SQLITE_OK && index == SQLITE_OK ? hash : SQLITE_ERROR
        }
    }
}
