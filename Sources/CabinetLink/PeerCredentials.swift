import Glibc

/// The credentials of a Unix socket's peer as the kernel recorded them when it connected (`SO_PEERCRED`).
struct PeerCredentials: Sendable, Hashable {
    var pid: Int32
    var uid: UInt32
    var gid: UInt32

    /// The peer of a connected Unix socket, or nil if the kernel would not say.
    ///
    /// Glibc declares `struct ucred` only under `_GNU_SOURCE`, which Swift's Glibc module does not set, so the
    /// struct is read as its Linux layout: `pid_t pid; uid_t uid; gid_t gid;`, three 32-bit fields.
    init?(socket: Int32) {
        var raw: (Int32, UInt32, UInt32) = (0, 0, 0)
        var length = socklen_t(MemoryLayout.size(ofValue: raw))
        guard getsockopt(socket, SOL_SOCKET, SO_PEERCRED, &raw, &length) == 0, length == 12 else { return nil }
        (pid, uid, gid) = raw
    }
}
