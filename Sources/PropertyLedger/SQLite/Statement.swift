internal import CSQLite
import Foundation

/// A prepared statement, owned by one ``Database`` connection and cached by it.
///
/// Not thread-safe: it is only used on the thread that runs its connection.
final class Statement {
    let sql: String
    private let handle: OpaquePointer
    private let connection: OpaquePointer

    init(sql: String, connection: OpaquePointer) throws {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK else {
            sqlite3_finalize(handle)
            throw SQLiteError(connection: connection, code: code, sql: sql)
        }
        // Blank SQL prepares successfully into no statement at all.
        guard let handle else { throw SQLiteError(extendedCode: SQLITE_MISUSE, message: "empty statement", sql: sql) }
        self.sql = sql
        self.handle = handle
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Resets the statement and binds new arguments, 1-based, in order.
    func reset(binding arguments: [any SQLiteBindable]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        precondition(
            arguments.count == Int(sqlite3_bind_parameter_count(handle)),
            "wrong number of arguments for `\(sql)`")
        for (offset, argument) in arguments.enumerated() {
            let code = argument.bind(to: handle, at: Int32(offset + 1))
            guard code == SQLITE_OK else { throw SQLiteError(connection: connection, code: code, sql: sql) }
        }
    }

    /// Binds an integer to the 1-based parameter `index`: for the append path, which binds without building an
    /// argument list of existentials for every row.
    func bind(_ value: Int64, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    /// Binds bytes as a BLOB to the 1-based parameter `index` (SQLite copies them).
    func bind(_ bytes: Data, at index: Int32) throws {
        try check(bytes.bind(to: handle, at: index))
    }

    /// Binds borrowed bytes as a BLOB to the 1-based parameter `index` (SQLite copies them before returning).
    func bind(bytes: UnsafeRawBufferPointer, at index: Int32) throws {
        try check(bindBlob(bytes, to: handle, at: index))
    }

    /// Steps a statement that returns no rows to its end, then resets it for the next use; the bindings stay
    /// until they are bound again.
    func run() throws {
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw SQLiteError(connection: connection, code: code, sql: sql) }
    }

    /// Steps once; returns `true` when a row is available.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            throw SQLiteError(connection: connection, code: sqlite3_extended_errcode(connection), sql: sql)
                .withFallbackCode(code)
        }
    }

    /// Releases the read lock a finished query may hold without clearing its bindings.
    func finish() { sqlite3_reset(handle) }

    var columnCount: Int32 { sqlite3_column_count(handle) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func data(_ column: Int32) -> Data {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return Data() }
        return Data(bytes: bytes, count: count)
    }

    /// Calls `body` with the column's bytes without copying them; the buffer is valid only during the call.
    func withBytes<R>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let count = Int(sqlite3_column_bytes(handle, column))
        let base = sqlite3_column_blob(handle, column)
        return try body(UnsafeRawBufferPointer(start: count > 0 ? base : nil, count: count))
    }
}

@available(*, unavailable)
extension Statement: Sendable {}

extension SQLiteError {
    /// `sqlite3_extended_errcode` can report 0 when the step failed without setting an error on the connection.
    fileprivate func withFallbackCode(_ code: Int32) -> SQLiteError {
        extendedCode == SQLITE_OK ? SQLiteError(extendedCode: code, message: message, sql: sql) : self
    }
}
