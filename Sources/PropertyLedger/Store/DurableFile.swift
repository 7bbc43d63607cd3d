import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small files written durably next to the database: the private key and the last signed checkpoint.
enum DurableFile {
    /// Files we read are small; a larger one is refused rather than read into memory.
    static let maximumSize = 1 << 20

    /// Creates `path` with `contents` and `mode`, failing if it exists; the data and the directory entry are
    /// fsynced before returning. When it fails, nothing is left at `path`: a file whose directory entry could not be
    /// synced is removed too, so that the caller, told it failed, can simply try again (a key file left behind would
    /// refuse a second `ledger init` or `officer enroll` with "already exists").
    static func create(_ path: String, contents: Data, mode: mode_t) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            if errno == EEXIST { throw LedgerError(.alreadyExists, .fileExists(path)) }
            throw posixError("create", path)
        }
        do {
            // The umask may have narrowed the mode; a key file must be exactly 0600.
            guard fchmod(fd, mode) == 0 else { throw posixError("set-mode", path) }
            try writeAll(fd, contents, path: path)
            guard fsync(fd) == 0 else { throw posixError("sync", path) }
            close(fd)
        } catch {
            close(fd)
            unlink(path)
            throw error
        }
        do {
            try syncDirectory(of: path)
        } catch {
            unlink(path)
            throw error
        }
    }

    /// Replaces `path` atomically: a temporary file is written and fsynced, renamed over `path`, and the
    /// directory fsynced, so a crash leaves either the old or the new contents, never a mix.
    static func replace(_ path: String, contents: Data, mode: mode_t) throws {
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)
        try create(temporary, contents: contents, mode: mode)
        guard Glibc.rename(temporary, path) == 0 else {
            let error = posixError("replace", path)
            unlink(temporary)
            throw error
        }
        try syncDirectory(of: path)
    }

    /// Creates `path` whole or not at all: written and fsynced under a temporary name, then linked to `path`,
    /// which fails if `path` exists; so a reader never sees it half written, and of two processes creating it
    /// at once exactly one wins (``LedgerError`` `alreadyExists` for the other). As with ``create(_:contents:mode:)``,
    /// a failure leaves nothing at `path`, the directory sync after the link included.
    static func createWhole(_ path: String, contents: Data, mode: mode_t) throws {
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)
        try create(temporary, contents: contents, mode: mode)
        defer { unlink(temporary) }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { throw LedgerError(.alreadyExists, .fileExists(path)) }
            throw posixError("create", path)
        }
        do {
            try syncDirectory(of: path)
        } catch {
            unlink(path)
            throw error
        }
    }

    /// Renames `source` over `path` atomically and fsyncs the directory.
    static func rename(_ source: String, over path: String) throws {
        guard Glibc.rename(source, path) == 0 else { throw posixError("replace", path) }
        try syncDirectory(of: path)
    }

    /// Removes the temporary files that ``replace(_:contents:mode:)`` leaves behind when a process is killed
    /// between writing and renaming one. Call it only while no other process can be replacing `path`.
    static func removeTemporaries(of path: String) {
        let directory = directoryPath(of: path)
        let prefix = String(path.split(separator: "/").last ?? Substring(path)) + ".tmp-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        for name in names where name.hasPrefix(prefix) && name.dropFirst(prefix.count).allSatisfy(\.isNumber) {
            unlink(directory.isEmpty ? name : directory + "/" + name)
        }
    }

    /// Reads a small text file, or returns nil if it does not exist.
    static func readText(_ path: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LedgerError(.invalidInput, .fileUnreadable(path))
        }
        defer { try? handle.close() }
        let data = try handle.read(upToCount: maximumSize + 1) ?? Data()
        guard data.count <= maximumSize else { throw LedgerError(.invalidInput, .fileTooLarge(path)) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LedgerError(.invalidInput, .fileNotText(path))
        }
        return text
    }

    /// The permission bits of `path`.
    static func mode(of path: String) throws -> mode_t {
        var info = stat()
        guard stat(path, &info) == 0 else { throw posixError("stat", path) }
        return info.st_mode & 0o7777
    }

    private static func writeAll(_ fd: Int32, _ data: Data, path: String) throws {
        try data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw posixError("write", path)
                }
                offset += written
            }
        }
    }

    private static func syncDirectory(of path: String) throws {
        let directory = directoryPath(of: path)
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw posixError("open-directory", path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw posixError("sync-directory", path) }
    }

    /// The error for a failed system call doing `operation` on `path`, with the system's words for errno.
    private static func posixError(_ operation: String, _ path: String) -> LedgerError {
        let detail = String(cString: strerror(errno))
        let code: LedgerError.Code = errno == ENOENT ? .notFound : .storeUnusable
        return LedgerError(code, .fileOperationFailed(operation, path: path, detail: detail))
    }
}
