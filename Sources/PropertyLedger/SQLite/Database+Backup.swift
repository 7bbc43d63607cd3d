internal import CSQLite
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension Database {
    /// Copies this database, as one consistent snapshot, to a new file at `destination` with SQLite's online
    /// backup, and leaves the copy in rollback-journal mode: a single self-contained file that can be read
    /// read-only without creating `-wal` or `-shm` files beside it.
    ///
    /// The whole copy is one `sqlite3_backup_step(-1)`: one read transaction, so writers in other processes go
    /// on (WAL) and the copy is exactly one committed state. Stepping in pages would restart whenever another
    /// process commits, and under steady writes might never finish.
    func backup(to destination: String) throws {
        var target: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let opened = sqlite3_open_v2(destination, &target, flags, nil)
        guard opened == SQLITE_OK, let target else {
            let error = SQLiteError(extendedCode: opened, message: String(cString: sqlite3_errstr(opened)))
            sqlite3_close(target)
            throw error
        }
        defer { sqlite3_close(target) }
        sqlite3_extended_result_codes(target, 1)
        guard let backup = sqlite3_backup_init(target, "main", connection, "main") else {
            throw SQLiteError(connection: target, code: sqlite3_errcode(target))
        }
        var step = sqlite3_backup_step(backup, -1)
        // The source's busy timeout does not cover the backup's own read lock: wait for it here, briefly.
        var waited = 0
        while step == SQLITE_BUSY || step == SQLITE_LOCKED, waited < Int(Self.busyTimeoutMilliseconds) {
            usleep(10_000)
            waited += 10
            step = sqlite3_backup_step(backup, -1)
        }
        let finished = sqlite3_backup_finish(backup)
        guard step == SQLITE_DONE, finished == SQLITE_OK else {
            throw SQLiteError(connection: target, code: step == SQLITE_DONE ? finished : step)
        }
        // The copy keeps the source's WAL flag; a backup is a file at rest, read by others, so make it one file.
        guard sqlite3_exec(target, "PRAGMA journal_mode = DELETE", nil, nil, nil) == SQLITE_OK else {
            throw SQLiteError(connection: target, code: sqlite3_errcode(target))
        }
    }
}
