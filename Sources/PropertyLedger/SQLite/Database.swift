internal import CSQLite
import Foundation

/// One connection to a SQLite database file, set up for a durable single-writer log.
///
/// On open it refuses files that are not SQLite databases, switches to WAL and checks that WAL took effect,
/// sets `synchronous=FULL` so an acknowledged commit survives power loss, turns on foreign keys and defensive
/// mode, and sets a busy timeout so the CLI and a long-running hook can share the file.
///
/// A read-only connection changes nothing about the file: no switch to WAL, no new file. It is how a file is
/// looked at before it is known to be ours, and how a store on a read-only disk is read.
///
/// Not thread-safe: a connection is used from one thread at a time (``LedgerStore`` runs it on its own queue).
final class Database {
    /// How long a write waits for another connection's lock before failing with `SQLITE_BUSY`.
    static let busyTimeoutMilliseconds: Int32 = 10_000
    /// The busy handler's tries: ``busyTimeoutMilliseconds`` of sleeps of 2 ms on average.
    static let busyRetries: Int32 = busyTimeoutMilliseconds / 2

    let path: String
    let isReadOnly: Bool
    /// The raw handle, for the few SQLite calls outside this file (the online backup).
    let connection: OpaquePointer
    private var statements: [String: Statement] = [:]

    /// Opens the database at `path`.
    ///
    /// - Parameters:
    ///   - create: create the file if it is missing; otherwise a missing file is an error.
    ///   - readOnly: open for reading only, changing nothing (see the type's documentation).
    init(path: String, create: Bool = false, readOnly: Bool = false) throws {
        precondition(!(create && readOnly), "a read-only connection cannot create a database")
        var connection = try Self.connect(path, create: create, readOnly: readOnly, immutable: false)
        // A WAL database on a read-only disk whose -shm file is absent cannot be opened the usual way; with no
        // -shm there is no live writer, and none can appear on a read-only disk, so it is safe to read as is.
        if readOnly, connection == nil {
            connection = try Self.connect(path, create: false, readOnly: true, immutable: true)
        }
        guard let connection else { throw SQLiteError(extendedCode: SQLITE_CANTOPEN, message: "unable to open database file") }
        self.path = path
        self.isReadOnly = readOnly
        self.connection = connection
        do {
            try configure()
        } catch {
            statements.removeAll()
            sqlite3_close(connection)
            throw error
        }
    }

    /// A new connection, or nil when a read-only open could not even read the file (`SQLITE_CANTOPEN`).
    private static func connect(_ path: String, create: Bool, readOnly: Bool, immutable: Bool) throws -> OpaquePointer? {
        var connection: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        flags |= readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0)
        // `file://` + an absolute path leaves the authority empty, so a path starting with `//` stays a path.
        let uri =
            (path.hasPrefix("/") ? "file://" : "file:") + Self.uriEscaped(path)
            + (readOnly ? "?mode=ro" + (immutable ? "&immutable=1" : "") : "")
        let code = sqlite3_open_v2(uri, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error =
                connection.map { SQLiteError(connection: $0, code: code) }
                ?? SQLiteError(extendedCode: code, message: String(cString: sqlite3_errstr(code)))
            // A failed open still allocates a handle that must be closed.
            sqlite3_close(connection)
            if readOnly && !immutable && error.extendedCode & 0xFF == SQLITE_CANTOPEN { return nil }
            throw error
        }
        if readOnly && !immutable {
            // Opening succeeds lazily; the first read is what fails when the -shm file cannot be made.
            let probe = sqlite3_exec(connection, "SELECT count(*) FROM sqlite_master", nil, nil, nil)
            if probe & 0xFF == SQLITE_CANTOPEN {
                sqlite3_close(connection)
                return nil
            }
        }
        return connection
    }

    /// `path` as the path part of a SQLite URI: `%`, `?` and `#` would otherwise end or alter it.
    private static func uriEscaped(_ path: String) -> String {
        var escaped = ""
        for character in path {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    deinit {
        statements.removeAll()
        sqlite3_close(connection)
    }

    private func configure() throws {
        sqlite3_extended_result_codes(connection, 1)
        // Not sqlite3_busy_timeout: its sleeps grow to 100 ms, and under load (the load test's 30 writing
        // processes) a waiter that looks every 100 ms can find the lock taken 50 times running and fail after
        // 5 s while others write. Short jittered sleeps give every waiter its turn.
        sqlite3_busy_handler(
            connection,
            { _, tries in
                guard tries < Database.busyRetries else { return 0 }
                usleep(UInt32.random(in: 1_000...3_000))
                return 1
            }, nil)
        // Read the schema now: a file that is not a database fails here with SQLITE_NOTADB rather than later.
        try execute("SELECT count(*) FROM sqlite_master")
        guard !isReadOnly else {
            try execute("PRAGMA foreign_keys = ON")
            // A rebuild check replays the log into temp tables on this connection: keep them in memory, as the
            // attached in-memory schema it replaced did, not in temporary files.
            try execute("PRAGMA temp_store = MEMORY")
            return
        }
        let journalMode = try queryText("PRAGMA journal_mode = WAL")
        guard journalMode?.lowercased() == "wal" else {
            throw SQLiteError(extendedCode: SQLITE_ERROR, message: "could not switch to WAL (journal_mode is \(journalMode ?? "unknown"))")
        }
        try execute("PRAGMA synchronous = FULL")
        try execute("PRAGMA foreign_keys = ON")
        // Defensive mode forbids writable_schema and other ways to corrupt the file through SQL.
        var result: Int32 = 0
        _ = csqlite_db_config_int(connection, SQLITE_DBCONFIG_DEFENSIVE, 1, &result)
    }

    /// A cached prepared statement for `sql`.
    func statement(_ sql: String) throws -> Statement {
        if let statement = statements[sql] { return statement }
        let statement = try Statement(sql: sql, connection: connection)
        statements[sql] = statement
        return statement
    }

    /// Drops `statement` from the cache: one whose step failed is not trusted for reuse.
    func discard(_ statement: Statement) {
        if statements[statement.sql] === statement { statements[statement.sql] = nil }
    }

    /// A statement of its own, not cached: for cursors that must stay open beside other queries on the
    /// same SQL text.
    func makeStatement(_ sql: String, _ arguments: any SQLiteBindable...) throws -> Statement {
        let statement = try Statement(sql: sql, connection: connection)
        try statement.reset(binding: arguments)
        return statement
    }

    /// Runs `sql` to completion, discarding any rows.
    func execute(_ sql: String, _ arguments: any SQLiteBindable...) throws {
        try execute(sql, arguments)
    }

    /// Runs `sql` to completion with an argument list built at run time.
    func execute(_ sql: String, _ arguments: [any SQLiteBindable]) throws {
        try withStatement(sql, arguments) { statement in
            while try statement.step() {}
        }
    }

    /// Runs one or more statements separated by semicolons, without arguments (schema scripts).
    func executeScript(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(connection, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            throw SQLiteError(extendedCode: sqlite3_extended_errcode(connection), message: text, sql: sql)
        }
    }

    /// Calls `body` for every row of the query, streaming: rows are not collected.
    func forEachRow(_ sql: String, _ arguments: any SQLiteBindable..., body: (Statement) throws -> Void) throws {
        try withStatement(sql, arguments) { statement in
            while try statement.step() { try body(statement) }
        }
    }

    /// The rows of the query, each mapped by `row`.
    func rows<T>(_ sql: String, _ arguments: any SQLiteBindable..., row: (Statement) throws -> T) throws -> [T] {
        try rows(sql, arguments, row: row)
    }

    /// The rows of the query with an argument list built at run time.
    func rows<T>(_ sql: String, _ arguments: [any SQLiteBindable], row: (Statement) throws -> T) throws -> [T] {
        try withStatement(sql, arguments) { statement in
            var result: [T] = []
            while try statement.step() { result.append(try row(statement)) }
            return result
        }
    }

    /// The first row of the query mapped by `row`, or nil when there is none.
    func firstRow<T>(_ sql: String, _ arguments: any SQLiteBindable..., row: (Statement) throws -> T) throws -> T? {
        try firstRow(sql, arguments, row: row)
    }

    /// The first row of the query with an argument list built at run time.
    func firstRow<T>(_ sql: String, _ arguments: [any SQLiteBindable], row: (Statement) throws -> T) throws -> T? {
        try withStatement(sql, arguments) { statement in
            try statement.step() ? try row(statement) : nil
        }
    }

    /// The first column of the first row as an integer, or nil when there is no row or the value is NULL.
    func queryInt(_ sql: String, _ arguments: any SQLiteBindable...) throws -> Int64? {
        try withStatement(sql, arguments) { statement in
            try statement.step() && !statement.isNull(0) ? statement.int64(0) : nil
        }
    }

    private func queryText(_ sql: String) throws -> String? {
        try withStatement(sql, []) { statement in try statement.step() ? statement.text(0) : nil }
    }

    private func withStatement<T>(_ sql: String, _ arguments: [any SQLiteBindable], _ body: (Statement) throws -> T)
        throws -> T
    {
        let statement = try statement(sql)
        do {
            try statement.reset(binding: arguments)
            let result = try body(statement)
            statement.finish()
            return result
        } catch {
            // A statement whose step failed cannot be trusted for reuse.
            statements[sql] = nil
            throw error
        }
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back if it throws.
    ///
    /// Writes take the write lock up front: a deferred transaction that later upgrades to a write can fail
    /// with `SQLITE_BUSY` in a way no busy timeout can avoid.
    ///
    /// A write lock another process holds past the busy timeout is `store-locked`. A disk that fails or fills up
    /// under the transaction (EIO or ENOSPC from a write or an fsync of the WAL or
    /// the database) is reported as `store-write-failed`, a reason of the store's with SQLite's words as its detail:
    /// the transaction was rolled back and nothing of it is in the store (the fault-injection tests check this for
    /// every write command; a WAL frame written before a failed sync is never part of the log, because the WAL's
    /// index only ever counts frames up to the last commit that was synced).
    func writeTransaction<T>(_ body: () throws -> T) throws -> T {
        do {
            try execute("BEGIN IMMEDIATE")
            do {
                let result = try body()
                try execute("COMMIT")
                return result
            } catch {
                // Roll back only if a transaction is still open (a failed COMMIT may already have ended it);
                // rethrow the first error, not one from the rollback.
                if sqlite3_get_autocommit(connection) == 0 { try? execute("ROLLBACK") }
                throw error
            }
        } catch let error as SQLiteError where error.isBusy {
            // Another process held the write lock for the whole busy timeout: the store's state, not a bug here.
            throw LedgerError(.storeUnusable, .storeLocked(path, detail: error.message))
        } catch let error as SQLiteError where error.isWriteFailure {
            throw LedgerError(.storeUnusable, .storeWriteFailed(path, detail: error.message))
        }
    }

    /// Runs `body` inside a read transaction, so that every query sees one snapshot of the file.
    func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN DEFERRED")
        defer { if sqlite3_get_autocommit(connection) == 0 { try? execute("ROLLBACK") } }
        return try body()
    }

    /// `PRAGMA user_version`, used as the schema version.
    var userVersion: Int {
        get throws { Int(try queryInt("PRAGMA user_version") ?? 0) }
    }

    func setUserVersion(_ version: Int) throws {
        try executeScript("PRAGMA user_version = \(version)")
    }
}

@available(*, unavailable)
extension Database: Sendable {}
