import Dispatch
import Glibc
import Locking

/// The protocol over a Unix socket, many connections at once: the transport of `ledger cabinet serve`.
///
/// ```swift
/// let server = CabinetSocketServer(path: "/run/ledger/cabinets.sock", group: gid, handler: engine)
/// try server.start()              // listening when it returns; or `try await server.run()`
/// …                               // SIGTERM or SIGINT, handled by the caller: server.stop()
/// await server.waitUntilStopped() // every connection closed and its handler calls done
/// ```
///
/// - The socket is created owner-only and opened to its group (mode 0660) only after it belongs to the
///   group: at no moment can others connect. The server refuses to start over a live server at the path,
///   removes a stale socket left by a server that died, and never removes anything that is not a socket.
/// - Each connection is served on a thread of its own: requests are answered in order, one at a time, and
///   connections do not wait for each other (see ``CabinetLineHandler``).
/// - Each peer is checked with `SO_PEERCRED` when it connects: allowed are the server's own user, root, and
///   users whose primary or supplementary groups in the user database include `group` (not merely the groups
///   the peer process holds). A refused peer, or one whose credentials cannot be read, gets the handler's
///   ``CabinetLineHandler/refusal(of:)`` line and is disconnected.
/// - ``stop()`` closes the listener and removes the socket file; each connection's answer in progress is still
///   written, then the connection is closed (after a grace period, also when its peer does not read).
///
/// A server starts once; a stopped server is not started again (make a new one).
public final class CabinetSocketServer: Sendable {
    /// The socket's path.
    public let path: String
    /// The group given the socket and whose users may connect; nil: only the server's user and root.
    public let group: UInt32?
    private let handler: any CabinetLineHandler
    private let lineLimit: Int
    private let gracePeriod: Duration
    private let rule: PeerAccessRule
    /// The socket file's mode once it is ready: 0660 for the cabinet daemon, 0600 for a login agent.
    private let mode: mode_t
    private let state = Locked(State())

    private struct State {
        enum Phase { case idle, running, stopping, stopped }
        var phase = Phase.idle
        /// Closing it wakes the accept loop.
        var wakeWriter: Int32 = -1
        /// The socket file this server created, to remove it and nothing else.
        var socketFile: FileIdentity?
        /// The open connections' sockets by connection number; closed only under the lock, so that `stop()`
        /// never shuts down a descriptor number that was reused meanwhile.
        var connections: [Int: Int32] = [:]
        var nextConnection = 1
        /// The accept loop and the connections' threads still running.
        var threads = 0
        var waiters: [HandOff<Void, Never>] = []
    }

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// - Parameters:
    ///   - path: Where the socket is created; at most 107 bytes.
    ///   - group: The group to give the socket and to allow (a `gid_t`); nil allows only the server's own user
    ///     and root. ``groupID(named:)`` finds it by name.
    ///   - handler: Answers the lines.
    ///   - lineLimit: The longest line, in bytes without its line end (the protocol's 64 KiB; smaller in tests).
    ///   - gracePeriod: How long ``stop()`` lets connections finish writing their answer in progress before it
    ///     cuts them off (a peer that does not read would otherwise keep the write, and the stop, waiting).
    ///   - mode: The socket file's mode once it is ready (0660; a server only its own user may reach, 0600).
    public init(
        path: String, group: UInt32?, handler: some CabinetLineHandler, lineLimit: Int = LineFramer.defaultLimit,
        gracePeriod: Duration = .seconds(2), mode: UInt32 = 0o660
    ) {
        self.mode = mode_t(mode)
        self.path = path
        self.group = group
        self.handler = handler
        self.lineLimit = lineLimit
        self.gracePeriod = gracePeriod
        self.rule = PeerAccessRule(serverUID: geteuid(), group: group)
    }

    /// The id of the group called `name` in the group database, or nil when there is none.
    public static func groupID(named name: String) -> UInt32? {
        UserDatabase.groupID(named: name)
    }

    /// Creates the socket and starts accepting connections; the server is listening when this returns.
    ///
    /// Quick system calls only (no waiting on peers), but file-system ones: from async code prefer ``run()``.
    ///
    /// - Throws: ``CabinetSocketError``; nothing was left at the path then (a stale socket may have been
    ///   removed).
    public func start() throws {
        try state.withLock { state in
            precondition(state.phase == .idle, "a CabinetSocketServer starts once")
            let (listener, socketFile) = try makeListener()
            var wake: [Int32] = [-1, -1]
            guard pipe(&wake) == 0 else {
                let code = errno
                close(listener)
                removeSocketFile(socketFile)
                throw CabinetSocketError.createFailed(path: path, code: code)
            }
            for end in wake { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            state.phase = .running
            state.socketFile = socketFile
            state.wakeWriter = wake[1]
            state.threads = 1
            let wakeReader = wake[0]
            ThreadBridge.start(threadNamed: "CabinetLink.accept") { [self] in acceptConnections(listener: listener, wake: wakeReader) }
        }
    }

    /// Stops: no more connections are accepted and the socket file is removed; each connection stops reading
    /// (lines not yet answered are dropped), still writes the answer in progress, and is closed. After the grace
    /// period connections still writing are cut off. Returns at once; ``waitUntilStopped()`` waits for the
    /// connections' ends. Idempotent; safe from any thread.
    public func stop() {
        let isStopping = state.withLock { state in
            switch state.phase {
            case .idle:
                state.phase = .stopped
                return false
            case .stopping, .stopped:
                return false
            case .running:
                state.phase = .stopping
                close(state.wakeWriter)
                // Wakes a blocked read (end of input) without failing the write of an answer in progress.
                for socket in state.connections.values { shutdown(socket, Int32(SHUT_RD)) }
                if let socketFile = state.socketFile { removeSocketFile(socketFile) }
                return true
            }
        }
        guard isStopping else { return }
        let (seconds, attoseconds) = gracePeriod.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { [self] in
            state.withLock { state in
                for socket in state.connections.values { shutdown(socket, Int32(SHUT_RDWR)) }
            }
        }
    }

    /// Returns when the server has stopped: its listener and every connection closed, every
    /// ``CabinetLineHandler/connectionClosed(_:)`` returned. At once if it never started.
    public func waitUntilStopped() async {
        await withHandOff { (handOff: HandOff<Void, Never>) in
            let isDone = state.withLock { state in
                guard state.phase == .running || state.phase == .stopping else { return true }
                state.waiters.append(handOff)
                return false
            }
            if isDone { handOff.resume() }
        }
    }

    /// Starts (on a thread of its own) and serves until ``stop()`` is called or the calling task is cancelled,
    /// then returns once stopped.
    ///
    /// - Throws: ``CabinetSocketError`` when the server could not start.
    public func run() async throws {
        try await ThreadBridge.run(onThreadNamed: "CabinetLink.start") { [self] in Result { try start() } }.get()
        await withTaskCancellationHandler {
            await waitUntilStopped()
        } onCancel: {
            stop()
        }
    }

    private var isStopping: Bool {
        state.withLock { $0.phase == .stopping || $0.phase == .stopped }
    }

    // MARK: - Creating the socket

    /// A listening socket at `path`, and the identity of its file.
    private func makeListener() throws(CabinetSocketError) -> (Int32, FileIdentity) {
        guard let address = UnixSocketAddress(path: path) else { throw .pathTooLong(path: path) }
        try clearPath(address)
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listener >= 0 else { throw .createFailed(path: path, code: errno) }
        var isBound = false
        do throws(CabinetSocketError) {
            // On Linux `bind` creates the socket file with the socket's own mode, less the umask: owner-only from
            // its first moment, opened to the group only once it belongs to the group.
            guard fchmod(listener, 0o600) == 0 else { throw .chmodFailed(path: path, code: errno) }
            guard address.withSocketAddress({ bind(listener, $0, $1) }) == 0 else {
                let code = errno
                throw code == EADDRINUSE ? .inUse(path: path) : .bindFailed(path: path, code: code)
            }
            isBound = true
            var info = stat()
            guard lstat(path, &info) == 0 else { throw .inspectFailed(path: path, code: errno) }
            if let group, lchown(path, uid_t.max, group) != 0 { throw .chownFailed(path: path, group: group, code: errno) }
            guard chmod(path, mode) == 0 else { throw .chmodFailed(path: path, code: errno) }
            // Non-blocking, so that a connection that went away between poll and accept cannot block the loop.
            _ = fcntl(listener, F_SETFL, fcntl(listener, F_GETFL) | O_NONBLOCK)
            guard listen(listener, SOMAXCONN) == 0 else { throw .listenFailed(path: path, code: errno) }
            return (listener, FileIdentity(info))
        } catch {
            if isBound { unlink(path) }
            close(listener)
            throw error
        }
    }

    /// Makes room at `path`: nothing there, or a stale socket (removed); else why not.
    private func clearPath(_ address: UnixSocketAddress) throws(CabinetSocketError) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT { return }
            throw .inspectFailed(path: path, code: code)
        }
        guard info.st_mode & S_IFMT == S_IFSOCK else { throw .notASocket(path: path) }
        let probe = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard probe >= 0 else { throw .createFailed(path: path, code: errno) }
        defer { close(probe) }
        // Non-blocking: a live server with a full backlog says EAGAIN instead of making us wait.
        let result = address.withSocketAddress { connect(probe, $0, $1) }
        let code = errno
        switch result == 0 ? 0 : code {
        case 0, EAGAIN, EINPROGRESS:
            throw .inUse(path: path)
        case ECONNREFUSED:
            guard unlink(path) == 0 || errno == ENOENT else { throw .staleRemovalFailed(path: path, code: errno) }
        case ENOENT:
            return
        default:
            throw .probeFailed(path: path, code: code)
        }
    }

    /// Removes the socket file if it is still the one this server created.
    private func removeSocketFile(_ socketFile: FileIdentity) {
        var info = stat()
        guard lstat(path, &info) == 0, FileIdentity(info) == socketFile else { return }
        unlink(path)
    }

    // MARK: - Serving

    /// The accept loop, on its own thread until ``stop()``.
    private func acceptConnections(listener: Int32, wake: Int32) {
        var watched = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        while !isStopping {
            for index in watched.indices { watched[index].revents = 0 }
            guard poll(&watched, nfds_t(watched.count), -1) >= 0 else {
                if errno != EINTR { usleep(10_000) }
                continue
            }
            if watched[1].revents != 0 { break }
            let socket = accept(listener, nil, nil)
            guard socket >= 0 else {
                // Out of descriptors or memory: wait rather than spin; EAGAIN, ECONNABORTED, EINTR: go on.
                if [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains(errno) { usleep(50_000) }
                continue
            }
            // Swift's Glibc module lacks `accept4` (it is _GNU_SOURCE); processes spawned meanwhile by
            // Foundation's `Process` close inherited descriptors anyway.
            _ = fcntl(socket, F_SETFD, FD_CLOEXEC)
            guard let connection = register(socket) else { break }
            ThreadBridge.start(threadNamed: "CabinetLink.connection-\(connection)") { [self] in
                serve(connection: connection, socket: socket)
            }
        }
        close(listener)
        close(wake)
        threadEnded()
    }

    /// Numbers a new connection and counts its thread; nil (the socket closed) when the server is stopping.
    private func register(_ socket: Int32) -> Int? {
        state.withLock { state in
            guard state.phase == .running else {
                close(socket)
                return nil
            }
            let connection = state.nextConnection
            state.nextConnection += 1
            state.connections[connection] = socket
            state.threads += 1
            return connection
        }
    }

    /// One connection, on its own thread: the peer's check, then its lines until it ends.
    private func serve(connection: Int, socket: Int32) {
        BrokenPipe.blockOnThisThread()
        let credentials = PeerCredentials(socket: socket)
        let peer = CabinetPeer(connection: connection, pid: credentials?.pid, uid: credentials?.uid, gid: credentials?.gid)
        let handler = self.handler
        if let credentials, rule.allows(uid: credentials.uid) {
            ThreadBridge.wait { await handler.connectionOpened(peer) }
            let link = LineConnection(
                input: Descriptor(socket), output: Descriptor(socket), peer: peer, handler: handler, lineLimit: lineLimit,
                isStopping: { [self] in isStopping })
            _ = link.serve()
            ThreadBridge.wait { await handler.connectionClosed(peer) }
        } else {
            let refusal = ThreadBridge.wait { await handler.refusal(of: peer) }
            refuse(socket, with: refusal)
        }
        state.withLock { state in
            state.connections[connection] = nil
            close(socket)
        }
        threadEnded()
    }

    /// Writes the refusal and ends the connection so that the peer reads the line, then end of input.
    private func refuse(_ socket: Int32, with line: String) {
        if Descriptor(socket).writeAll(Array(line.utf8) + [UInt8(ascii: "\n")]) == EPIPE { BrokenPipe.discardPending() }
        shutdown(socket, Int32(SHUT_WR))
        // Closing with unread bytes would reset the peer's side (ECONNRESET) before it read the refusal: drop
        // what it already sent.
        var scratch = [UInt8](repeating: 0, count: 4096)
        while recv(socket, &scratch, scratch.count, Int32(MSG_DONTWAIT)) > 0 {}
    }

    /// A thread of the server ended; the last one after ``stop()`` completes the stop.
    private func threadEnded() {
        let waiters = state.withLock { state -> [HandOff<Void, Never>] in
            state.threads -= 1
            guard state.threads == 0, state.phase == .stopping else { return [] }
            state.phase = .stopped
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
