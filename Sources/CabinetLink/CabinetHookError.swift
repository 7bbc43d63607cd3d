import Glibc

/// Why ``CabinetHook/run(input:output:handler:lineLimit:)`` ended other than at end of input.
public enum CabinetHookError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Reading the requests failed (`hook-read-failed {errno}`).
    case readFailed(code: Int32)
    /// Writing a response failed (`hook-write-failed {errno}`): `EPIPE` when the adapter closed its end.
    case writeFailed(code: Int32)

    /// The stable reason id.
    public var reason: String {
        switch self {
        case .readFailed: "hook-read-failed"
        case .writeFailed: "hook-write-failed"
        }
    }

    /// The reason's arguments: `errno` and the system's words for it (`detail`).
    public var arguments: [String: String] {
        switch self {
        case .readFailed(let code), .writeFailed(let code): ["errno": String(code), "detail": String(cString: strerror(code))]
        }
    }

    public var description: String {
        reason + "(" + arguments.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
    }
}
