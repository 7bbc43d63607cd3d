import Glibc

/// A Unix-domain socket address (`sockaddr_un`) for a filesystem path.
struct UnixSocketAddress {
    /// The longest path, in bytes: `sun_path` holds 108 bytes including the terminating NUL.
    static let maximumPathBytes = MemoryLayout.size(ofValue: sockaddr_un().sun_path) - 1

    private var storage = sockaddr_un()

    /// Nil when the path does not fit in `sun_path` (or contains a NUL, which would cut it short).
    init?(path: String) {
        let bytes = Array(path.utf8)
        guard bytes.count <= Self.maximumPathBytes, !bytes.contains(0) else { return nil }
        storage.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &storage.sun_path) { sunPath in
            sunPath.copyBytes(from: bytes)
            sunPath[bytes.count] = 0
        }
    }

    /// Calls `body` with the address as the `sockaddr` pointer and length that `bind` and `connect` take.
    func withSocketAddress<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        withUnsafePointer(to: storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }
}
