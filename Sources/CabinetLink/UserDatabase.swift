import Glibc

/// Look-ups in the user and group database (`/etc/passwd` and `/etc/group`, or whatever NSS is configured).
///
/// These may read files or ask a directory service: call them from a thread of our own.
enum UserDatabase {
    /// The primary and supplementary groups of the user with `uid`, or nil when there is no such user.
    static func groups(ofUser uid: UInt32) -> [UInt32]? {
        guard let (name, primary) = user(uid) else { return nil }
        var count: Int32 = 32
        while true {
            var groups = [gid_t](repeating: 0, count: Int(count))
            let listed = groups.count
            // -1: the array was too small, and `count` now says how large it must be.
            if getgrouplist(name, primary, &groups, &count) >= 0 { return Array(groups.prefix(Int(count))) }
            if Int(count) <= listed { count = Int32(listed * 2) }
        }
    }

    /// The id of the group called `name`, or nil when there is none.
    static func groupID(named name: String) -> UInt32? {
        withGrowingBuffer { buffer in
            var group = group()
            var result: UnsafeMutablePointer<group>?
            let status = getgrnam_r(name, &group, buffer.baseAddress!, buffer.count, &result)
            return (status, result == nil ? nil : group.gr_gid)
        }
    }

    /// The login name and the primary group of the user with `uid`.
    private static func user(_ uid: UInt32) -> (name: String, primaryGroup: UInt32)? {
        withGrowingBuffer { buffer in
            var entry = passwd()
            var result: UnsafeMutablePointer<passwd>?
            let status = getpwuid_r(uid, &entry, buffer.baseAddress!, buffer.count, &result)
            guard status == 0, result != nil, let name = entry.pw_name else { return (status, nil) }
            return (status, (String(cString: name), entry.pw_gid))
        }
    }

    /// Calls a `get…_r` function with a string buffer, growing it while the function says `ERANGE`.
    private static func withGrowingBuffer<T>(_ body: (UnsafeMutableBufferPointer<CChar>) -> (status: Int32, value: T?)) -> T? {
        var size = 1024
        while true {
            var storage = [CChar](repeating: 0, count: size)
            let (status, value) = storage.withUnsafeMutableBufferPointer { body($0) }
            guard status == ERANGE, size < 1 << 20 else { return value }
            size *= 2
        }
    }
}
