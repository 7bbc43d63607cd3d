import Glibc

/// Why a ``CabinetChannel`` could not deliver a line or a response.
public enum CabinetChannelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No response line arrived within the timeout. A response that arrives later is dropped, so the next
    /// exchange gets its own response.
    case timedOut(Duration)
    /// The peer closed its end (or the process exited): no more lines will come.
    case endOfStream
    /// This side closed the channel (``CabinetChannel/close()``, or the writing half with
    /// ``CabinetChannel/finishWriting()``).
    case closed
    /// A system call failed with `errno`.
    case system(call: String, errno: Int32)
    /// The process could not be started.
    case spawnFailed(executable: String, message: String)
    /// The socket path does not fit in `sockaddr_un` (107 bytes and a terminating NUL).
    case socketPathTooLong(String)

    public var description: String {
        switch self {
        case .timedOut(let timeout): "no response within \(timeout)"
        case .endOfStream: "the peer closed the connection"
        case .closed: "the channel is closed"
        case .system(let call, let errno): "\(call): \(String(cString: strerror(errno))) (errno \(errno))"
        case .spawnFailed(let executable, let message): "cannot start \(executable): \(message)"
        case .socketPathTooLong(let path): "socket path too long (\(path.utf8.count) bytes): \(path)"
        }
    }
}
