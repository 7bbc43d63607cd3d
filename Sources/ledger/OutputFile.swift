import Foundation
import PropertyLedger

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file a command writes for people (`bulletin --out`): written whole or not at all. The text goes to a
/// temporary file beside it, is synced, and is renamed over the path, so a reader — or a crash — never sees half
/// a file; an earlier file at the path (the same day's bulletin, computed again) is replaced.
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// `bytes` to `path`, whole or not at all (a label's PNG).
    static func write(_ bytes: Data, to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("create", path) }
        do {
            try bytes.withUnsafeBytes { buffer in
                guard var next = buffer.baseAddress else { return }
                var left = buffer.count
                while left > 0 {
                    let written = Glibc.write(fd, next, left)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw failure("write", path)
                    }
                    next += written
                    left -= written
                }
            }
            guard fsync(fd) == 0 else { throw failure("sync", path) }
            close(fd)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = failure("replace", path)
            unlink(temporary)
            throw error
        }
        // The new name is durable once the directory is.
        let directory = directoryPath(of: path)
        let dirfd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
    }

    /// Why `operation` on `path` failed: a missing directory is "not found"; a path that cannot be written (a
    /// directory without write permission, a path that is a directory) invalid input; the disk failing or full under
    /// it (ENOSPC, EIO, EDQUOT, …) ``ExitStatus/outputFailed``, for the path was right and nothing the command recorded
    /// is undone.
    private static func failure(_ operation: String, _ path: String) -> any Error {
        let code = errno
        let reason = Reason("file-operation-failed", ["operation": operation, "path": path, "detail": String(cString: strerror(code))])
        switch code {
        case ENOENT: return LedgerError(.notFound, reason)
        case EACCES, EPERM, EISDIR, ENOTDIR, EROFS, ENAMETOOLONG, ELOOP, EEXIST, EINVAL, ETXTBSY: return LedgerError(.invalidInput, reason)
        default: return CommandFailure(status: .outputFailed, reason: reason)
        }
    }
}
