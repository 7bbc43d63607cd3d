internal import CSQLite
import Foundation

/// A value that can be bound to a statement parameter.
///
/// Binding is typed: integers bind as INTEGER, strings as TEXT, bytes as BLOB. There is deliberately no
/// conformance for `Double`: the custody log stores no floating-point values.
protocol SQLiteBindable {
    /// Binds the value to the 1-based parameter `index`; returns the SQLite result code.
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32
}

extension Int64: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self)
    }
}

extension Int: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, Int64(self))
    }
}

extension String: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        // SQLITE_TRANSIENT: SQLite copies the bytes, so the Swift buffer may go away after the call.
        var copy = self
        return copy.withUTF8 { utf8 in
            sqlite3_bind_text(statement, index, utf8.baseAddress, Int32(utf8.count), csqlite_transient())
        }
    }
}

extension Data: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        withUnsafeBytes { bindBlob($0, to: statement, at: index) }
    }
}

/// Binds `bytes` as a BLOB to the 1-based parameter `index`; SQLite copies them before it returns.
func bindBlob(_ bytes: UnsafeRawBufferPointer, to statement: OpaquePointer, at index: Int32) -> Int32 {
    // A zero-length blob must still bind as a blob, not as NULL: pass a non-nil pointer.
    sqlite3_bind_blob(
        statement, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), csqlite_transient())
}

extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch self {
        case .none: sqlite3_bind_null(statement, index)
        case .some(let value): value.bind(to: statement, at: index)
        }
    }
}
