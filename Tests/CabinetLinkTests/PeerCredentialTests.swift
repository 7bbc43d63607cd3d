import CabinetLink
import Glibc
import Testing

/// `SO_PEERCRED` with real clients running as other users: Python clients started through util-linux's
/// `setpriv` with a chosen uid, gid and supplementary groups.
///
/// Starting a process as another user needs root (CI runs the tests as root). Run as another user these tests
/// fail, saying so, rather than pass without having shown anything. The users and groups are Debian's
/// defaults: user `daemon` (uid 1, primary group `daemon`, gid 1) and user `bin` (uid 2, primary group `bin`,
/// gid 2), neither listed as a member of any group.
@Suite(.timeLimit(.minutes(2)))
struct PeerCredentialTests {
    /// Connects, sends one line, stops writing, and prints what it read; `connect-failed ERRNO` if it could
    /// not connect. Stderr says how the connection ended: `eof` or `reset`.
    private static let client = #"""
        import signal, socket, sys
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGALRM])
        signal.alarm(20)
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.connect(sys.argv[1])
        except OSError as e:
            print("connect-failed", e.errno)
            sys.exit(0)
        try:
            s.sendall(sys.argv[2].encode() + b"\n")
            s.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        data, ending = b"", "eof"
        while True:
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                ending = "reset"
                break
            if not chunk:
                break
            data += chunk
        sys.stdout.write(data.decode())
        sys.stderr.write(ending)
        """#

    /// Runs the client as `uid`/`gid` with exactly the supplementary groups `groups`.
    private static func runClient(uid: UInt32, gid: UInt32, groups: [UInt32], path: String, line: String) async throws -> ChildResult {
        try #require(geteuid() == 0, "SO_PEERCRED tests start clients as other users, which needs root: run them as root (CI does)")
        let arguments = [
            "--reuid=\(uid)", "--regid=\(gid)", "--groups=" + groups.map(String.init).joined(separator: ","), "/usr/bin/python3", "-c",
            client, path, line,
        ]
        let result = try await runChild("/usr/bin/setpriv", arguments)
        try #require(result.status == 0, "client failed: \(result.errors)")
        return result
    }

    /// The facts of the user database the tests rely on.
    private static func requireDebianUsers() throws {
        try #require(getpwuid(1).map { String(cString: $0.pointee.pw_name) == "daemon" && $0.pointee.pw_gid == 1 } == true)
        try #require(getpwuid(2).map { String(cString: $0.pointee.pw_name) == "bin" && $0.pointee.pw_gid == 2 } == true)
        let daemonGroup = try #require(getgrgid(1))
        try #require(daemonGroup.pointee.gr_mem.pointee == nil, "group daemon lists members")
    }

    private static func withServer(group: UInt32?, _ body: (CabinetSocketServer, EchoHandler) async throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let handler = EchoHandler()
            let server = CabinetSocketServer(path: directory + "/cabinets.sock", group: group, handler: handler)
            try server.start()
            defer { server.stop() }
            try await body(server, handler)
            server.stop()
            await server.waitUntilStopped()
        }
    }

    /// `bin` holds the socket's group as a supplementary group, so the file system lets it connect, but the
    /// user database does not make `bin` a member of `daemon`: refused.
    @Test func aPeerWhoseUserIsNotInTheGroupIsRefused() async throws {
        try Self.requireDebianUsers()
        try await Self.withServer(group: 1) { server, handler in
            let result = try await Self.runClient(uid: 2, gid: 2, groups: [1], path: server.path, line: "{\"v\":1,\"id\":1}")
            let lines = result.output.split(separator: "\n").map(String.init)
            try #require(lines.count == 1, "\(result.output)")
            #expect(try EchoResponse(lines[0]) == EchoResponse(#"{"error":"refused","uid":2}"#))
            let refused = try #require(handler.snapshot.refused.first)
            #expect(refused.uid == 2 && refused.gid == 2 && refused.pid == result.pid)
            #expect(handler.snapshot.opened.isEmpty && handler.snapshot.lines.isEmpty)
        }
    }

    /// `daemon`'s primary group is the socket's group: served, and the handler sees its credentials.
    @Test func aPeerWhoseUserIsInTheGroupIsServed() async throws {
        try Self.requireDebianUsers()
        try await Self.withServer(group: 1) { server, handler in
            let result = try await Self.runClient(uid: 1, gid: 1, groups: [1], path: server.path, line: "hello")
            let answer = try EchoResponse(result.output.trimmingSuffix("\n"))
            #expect(answer.echo == "hello" && answer.uid == 1 && answer.pid == Int(result.pid))
            #expect(result.errors == "eof")
            #expect(await eventually { handler.snapshot.closed.count == 1 })
            #expect(handler.snapshot.opened.map(\.uid) == [1])
            #expect(handler.snapshot.refused.isEmpty)
        }
    }

    /// Without a configured group only the server's user and root are served; `daemon`, let in by the file
    /// system through the socket's group (root's), is refused.
    @Test func withoutAGroupOtherUsersAreRefused() async throws {
        try Self.requireDebianUsers()
        try await Self.withServer(group: nil) { server, handler in
            var info = stat()
            try #require(lstat(server.path, &info) == 0)
            let result = try await Self.runClient(uid: 1, gid: 1, groups: [info.st_gid], path: server.path, line: "hello")
            #expect(try EchoResponse(result.output.trimmingSuffix("\n")).error == "refused")
            #expect(handler.snapshot.refused.map(\.uid) == [1])
            #expect(handler.snapshot.lines.isEmpty)
        }
    }

    /// The 0660 mode does its part: a user outside the socket's group cannot even connect.
    @Test func othersCannotConnectToTheSocket() async throws {
        try Self.requireDebianUsers()
        try await Self.withServer(group: 1) { server, handler in
            let result = try await Self.runClient(uid: 2, gid: 2, groups: [2], path: server.path, line: "hello")
            #expect(result.output == "connect-failed \(EACCES)\n")
            #expect(handler.snapshot.refused.isEmpty && handler.snapshot.opened.isEmpty)
        }
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
