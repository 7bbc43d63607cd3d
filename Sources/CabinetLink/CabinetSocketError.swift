import Glibc

/// Why ``CabinetSocketServer/start()`` could not bring the socket up. Each case carries the socket's path and
/// has a stable reason id; system failures carry their errno.
public enum CabinetSocketError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path does not fit in a Unix socket address (`socket-path-too-long {path, bytes, limit}`).
    case pathTooLong(path: String)
    /// A server is listening at the path: a connection to it succeeded (`socket-in-use {path}`).
    case inUse(path: String)
    /// Something other than a socket is at the path; it is left alone (`socket-path-not-a-socket {path}`).
    case notASocket(path: String)
    /// The path could not be examined (`socket-path-inspect-failed {path, errno}`).
    case inspectFailed(path: String, code: Int32)
    /// Connecting to the socket found at the path failed other than by refusal, so whether it is stale is
    /// unknown (`socket-probe-failed {path, errno}`): `EACCES` when it belongs to someone else.
    case probeFailed(path: String, code: Int32)
    /// A stale socket at the path could not be removed (`socket-stale-remove-failed {path, errno}`).
    case staleRemovalFailed(path: String, code: Int32)
    /// `socket` or `pipe` failed (`socket-create-failed {path, errno}`).
    case createFailed(path: String, code: Int32)
    /// `bind` failed (`socket-bind-failed {path, errno}`).
    case bindFailed(path: String, code: Int32)
    /// The socket could not be given its mode (`socket-chmod-failed {path, errno}`).
    case chmodFailed(path: String, code: Int32)
    /// The socket could not be given to the group (`socket-chown-failed {path, group, errno}`): `EPERM` when
    /// the server is not root and not a member of the group.
    case chownFailed(path: String, group: UInt32, code: Int32)
    /// `listen` failed (`socket-listen-failed {path, errno}`).
    case listenFailed(path: String, code: Int32)

    /// The stable reason id.
    public var reason: String {
        switch self {
        case .pathTooLong: "socket-path-too-long"
        case .inUse: "socket-in-use"
        case .notASocket: "socket-path-not-a-socket"
        case .inspectFailed: "socket-path-inspect-failed"
        case .probeFailed: "socket-probe-failed"
        case .staleRemovalFailed: "socket-stale-remove-failed"
        case .createFailed: "socket-create-failed"
        case .bindFailed: "socket-bind-failed"
        case .chmodFailed: "socket-chmod-failed"
        case .chownFailed: "socket-chown-failed"
        case .listenFailed: "socket-listen-failed"
        }
    }

    /// The socket's path.
    public var path: String {
        switch self {
        case .pathTooLong(let path), .inUse(let path), .notASocket(let path), .inspectFailed(let path, _),
            .probeFailed(let path, _), .staleRemovalFailed(let path, _), .createFailed(let path, _), .bindFailed(let path, _),
            .chmodFailed(let path, _), .chownFailed(let path, _, _), .listenFailed(let path, _):
            path
        }
    }

    /// The errno of the failed call, if a call failed.
    public var code: Int32? {
        switch self {
        case .pathTooLong, .inUse, .notASocket: nil
        case .inspectFailed(_, let code), .probeFailed(_, let code), .staleRemovalFailed(_, let code), .createFailed(_, let code),
            .bindFailed(_, let code), .chmodFailed(_, let code), .chownFailed(_, _, let code), .listenFailed(_, let code):
            code
        }
    }

    /// The reason's arguments: `path`; `errno` and the system's words for it (`detail`) when a call failed;
    /// `bytes` and `limit` for a path too long; `group` for a failed chown.
    public var arguments: [String: String] {
        var arguments = ["path": path]
        if let code {
            arguments["errno"] = String(code)
            arguments["detail"] = String(cString: strerror(code))
        }
        switch self {
        case .pathTooLong:
            arguments["bytes"] = String(path.utf8.count)
            arguments["limit"] = String(UnixSocketAddress.maximumPathBytes)
        case .chownFailed(_, let group, _):
            arguments["group"] = String(group)
        default:
            break
        }
        return arguments
    }

    public var description: String {
        reason + "(" + arguments.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
    }
}
