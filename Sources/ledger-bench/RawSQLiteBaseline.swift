import CSQLite
import Foundation

/// The floor the store is measured against: the same bytes in a plain table of a separate database file on the
/// same disk, with the store's durability settings (WAL, `synchronous=FULL`, `BEGIN IMMEDIATE`) and prepared
/// statements, but no Merkle tree, no triggers and no Swift layers.
///
/// Whatever the store costs beyond this is the price of its tree and its code; the fsync per commit is paid
/// by both.
final class RawSQLiteBaseline {
    private let connection: RawConnection
    private let begin: RawStatement
    private let commit: RawStatement
    private let insert: RawStatement
    private var nextIndex: Int64 = 0

    init(path: String) throws {
        connection = try RawConnection(path: path)
        try connection.requirePragma("journal_mode = WAL", equals: "wal")
        try connection.requirePragma("synchronous = FULL", equals: nil)
        try connection.requirePragma("synchronous", equals: "2")
        try connection.execute("CREATE TABLE IF NOT EXISTS entries (idx INTEGER PRIMARY KEY, bytes BLOB)")
        begin = try RawStatement(connection, "BEGIN IMMEDIATE")
        commit = try RawStatement(connection, "COMMIT")
        insert = try RawStatement(connection, "INSERT INTO entries (idx, bytes) VALUES (?, ?)")
    }

    /// Inserts one entry in a transaction of its own; it is durable when this returns.
    func insert(_ entry: Data) throws {
        try transaction { try insertRow(entry) }
    }

    /// Inserts `entries` in one transaction.
    func insert(contentsOf entries: [Data]) throws {
        try transaction {
            for entry in entries { try insertRow(entry) }
        }
    }

    private func transaction(_ body: () throws -> Void) throws {
        try begin.run()
        do {
            try body()
            try commit.run()
        } catch {
            connection.rollBackIfOpen()
            throw error
        }
    }

    private func insertRow(_ entry: Data) throws {
        // SQLITE_TRANSIENT, as the store binds: SQLite copies the bytes on both sides.
        try insert.run { statement in
            let indexCode = sqlite3_bind_int64(statement, 1, nextIndex)
            let bytesCode = entry.withUnsafeBytes { bytes in
                sqlite3_bind_blob(statement, 2, bytes.baseAddress, Int32(bytes.count), csqlite_transient())
            }
            return indexCode == SQLITE_OK ? bytesCode : indexCode
        }
        nextIndex += 1
    }
}

/// One SQLite connection, closed when the last statement using it is gone (`sqlite3_close_v2`).
final class RawConnection {
    let handle: OpaquePointer

    init(path: String) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            sqlite3_close_v2(handle)
            throw BenchError("raw SQLite: cannot open \(path): \(String(cString: sqlite3_errstr(code)))")
        }
        self.handle = handle
    }

    deinit { sqlite3_close_v2(handle) }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw BenchError("raw SQLite: \(sql): \(lastError)")
        }
    }

    /// Runs `PRAGMA <assignment>` and checks the value it reports, so the baseline cannot silently run with
    /// weaker durability than the store (a WAL switch can fail, for instance on some network file systems).
    func requirePragma(_ assignment: String, equals expected: String?) throws {
        let statement = try RawStatement(self, "PRAGMA \(assignment)")
        let value = try statement.firstText()
        if let expected, value?.lowercased() != expected {
            throw BenchError("raw SQLite: PRAGMA \(assignment) gave \(value ?? "nothing"), expected \(expected)")
        }
    }

    func rollBackIfOpen() {
        if sqlite3_get_autocommit(handle) == 0 { _ = sqlite3_exec(handle, "ROLLBACK", nil, nil, nil) }
    }
}

/// A prepared statement, reused for every row so the baseline pays no parsing per insert.
final class RawStatement {
    private let connection: RawConnection
    private let handle: OpaquePointer
    private let sql: String

    init(_ connection: RawConnection, _ sql: String) throws {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            sqlite3_finalize(handle)
            throw BenchError("raw SQLite: cannot prepare \(sql): \(connection.lastError)")
        }
        self.connection = connection
        self.handle = handle
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds with `bind` (which returns a SQLite result code), steps to completion and resets.
    func run(binding bind: (OpaquePointer) -> Int32 = { _ in SQLITE_OK }) throws {
        defer { sqlite3_reset(handle) }
        guard bind(handle) == SQLITE_OK else { throw BenchError("raw SQLite: binding \(sql): \(connection.lastError)") }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw BenchError("raw SQLite: \(sql): \(connection.lastError)")
        }
    }

    /// The first column of the first row as text, or nil when there is no row.
    func firstText() throws -> String? {
        defer { sqlite3_reset(handle) }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return sqlite3_column_text(handle, 0).map { String(cString: $0) }
        case SQLITE_DONE: return nil
        default: throw BenchError("raw SQLite: \(sql): \(connection.lastError)")
        }
    }
}
