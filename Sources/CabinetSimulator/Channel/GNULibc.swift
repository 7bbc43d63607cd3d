import Glibc

/// Two glibc functions that Swift's Glibc module leaves out (glibc declares them only under `_GNU_SOURCE`),
/// looked up in the C library already loaded rather than through a C shim.
///
/// Both close a window that the portable calls leave open while other threads spawn processes: `pipe` and then
/// `fcntl(FD_CLOEXEC)` lets a child spawned in between inherit the pipe, and a child that closes what it
/// inherited from a list made before spawning keeps whatever was opened after the list was made.
enum GNULibc {
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// `pipe2` (glibc 2.9), as an address: function pointers are not Sendable.
    private static let pipe2Address = address(of: "pipe2")
    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34).
    private static let addCloseFromAddress = address(of: "posix_spawn_file_actions_addclosefrom_np")

    private static func address(of name: String) -> UInt? {
        // A null handle is RTLD_DEFAULT: the libraries this process has loaded, libc among them.
        dlsym(nil, name).map { UInt(bitPattern: $0) }
    }

    /// A pipe whose ends are closed on exec, made so atomically where glibc has `pipe2`.
    ///
    /// Without it (glibc before 2.9) the ends get the flag a moment after the pipe exists; a child that another
    /// thread spawns in that moment may inherit them, unless its spawner closes what it does not pass on (as
    /// ``ChildProcess`` does, and Foundation's `Process` for the descriptors that exist when it starts).
    static func makePipe() throws -> (read: Int32, write: Int32) {
        guard let pipe2Address else { return try makePipeThenFlagIt() }
        let pipe2 = unsafeBitCast(pipe2Address, to: Pipe2.self)
        var ends: [Int32] = [-1, -1]
        guard pipe2(&ends, O_CLOEXEC) == 0 else { throw CabinetChannelError.system(call: "pipe2", errno: errno) }
        return (ends[0], ends[1])
    }

    /// Without `pipe2`: the pipe, then the flag on each end.
    static func makePipeThenFlagIt() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw CabinetChannelError.system(call: "pipe", errno: errno) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    /// Adds to `actions` the closing of every descriptor from `lowest` up, as the child's last action.
    ///
    /// Without `posix_spawn_file_actions_addclosefrom_np` (glibc before 2.34) it closes those open now, so a
    /// descriptor another thread opens before the spawn without close-on-exec may still be inherited.
    /// - Returns: 0, or the error number of the failed call.
    static func addCloseFrom(_ lowest: Int32, to actions: inout posix_spawn_file_actions_t) -> Int32 {
        guard let addCloseFromAddress else { return addCloseOfOpenDescriptors(from: lowest, to: &actions) }
        let addCloseFrom = unsafeBitCast(addCloseFromAddress, to: AddCloseFrom.self)
        return addCloseFrom(&actions, lowest)
    }

    /// Without `posix_spawn_file_actions_addclosefrom_np`: the closing of each descriptor /proc/self/fd lists.
    static func addCloseOfOpenDescriptors(from lowest: Int32, to actions: inout posix_spawn_file_actions_t) -> Int32 {
        guard let directory = opendir("/proc/self/fd") else { return errno }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let descriptor = Int32(name), descriptor >= lowest, descriptor != dirfd(directory) else { continue }
            let result = posix_spawn_file_actions_addclose(&actions, descriptor)
            guard result == 0 else { return result }
        }
        return 0
    }
}
