internal import CSQLite

/// An error reported by SQLite.
///
/// It carries the extended result code, SQLite's own message and the SQL that failed, but never the bound
/// values: entries describe evidence and people, and error text ends up in terminals and log files.
struct SQLiteError: Error, CustomStringConvertible {
    /// The extended result code, e.g. 1811 for `SQLITE_CONSTRAINT_TRIGGER`.
    let extendedCode: Int32
    /// The message from `sqlite3_errmsg`, which keeps details such as the failing constraint.
    let message: String
    /// The statement that failed, if any.
    let sql: String?

    /// The primary result code (the low 8 bits of the extended code).
    var primaryCode: Int32 { extendedCode & 0xFF }

    var isConstraintViolation: Bool { primaryCode == SQLITE_CONSTRAINT }
    var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }
    /// The file is not a database, or its content is damaged.
    var isCorruption: Bool { primaryCode == SQLITE_NOTADB || primaryCode == SQLITE_CORRUPT }
    /// The disk failed or is full: `SQLITE_IOERR` (with its extended codes, `SQLITE_IOERR_WRITE`, `_FSYNC`, …) or
    /// `SQLITE_FULL`.
    var isWriteFailure: Bool { primaryCode == SQLITE_IOERR || primaryCode == SQLITE_FULL }

    var description: String {
        var text = "SQLite error \(extendedCode): \(message)"
        if let sql { text += " — while executing `\(sql)`" }
        return text
    }

    init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// Reads the last error of a connection.
    init(connection: OpaquePointer, code: Int32, sql: String? = nil) {
        let message = sqlite3_errmsg(connection).map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
        self.init(extendedCode: code, message: message, sql: sql)
    }
}
