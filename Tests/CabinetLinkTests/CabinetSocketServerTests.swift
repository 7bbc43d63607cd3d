import CabinetLink
import Foundation
import Glibc
import Testing

@Suite(.timeLimit(.minutes(2)))
struct CabinetSocketServerTests {
    /// A started server at `directory/cabinets.sock`, stopped after `body`.
    private static func withServer<T>(
        in directory: String, group: UInt32? = nil, lineLimit: Int = LineFramer.defaultLimit,
        _ body: (CabinetSocketServer, EchoHandler) async throws -> T
    ) async throws -> T {
        let handler = EchoHandler()
        let server = CabinetSocketServer(path: directory + "/cabinets.sock", group: group, handler: handler, lineLimit: lineLimit)
        try server.start()
        do {
            let result = try await body(server, handler)
            server.stop()
            await server.waitUntilStopped()
            return result
        } catch {
            server.stop()
            await server.waitUntilStopped()
            throw error
        }
    }

    private static func fileInfo(_ path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    @Test func answersLinesWithThePeersCredentials() async throws {
        try await withTemporaryDirectory { directory in
            try await Self.withServer(in: directory) { server, handler in
                let answers = try await onOwnThread {
                    let client = try UnixClient(path: server.path)
                    return try ["hello", "{\"v\":1,\"id\":7}", "third"].map { try client.ask($0) }
                }
                #expect(answers.map(\.echo) == ["hello", "{\"v\":1,\"id\":7}", "third"])
                #expect(answers.allSatisfy { $0.uid == Int(geteuid()) && $0.pid == Int(getpid()) })
                #expect(await eventually { handler.snapshot.closed.count == 1 })
                let peer = try #require(handler.snapshot.opened.first)
                #expect(peer == CabinetPeer(connection: 1, pid: getpid(), uid: geteuid(), gid: getegid()))
                #expect(handler.snapshot.closed == [peer])
            }
        }
    }

    /// 20 clients at once, each sending 100 requests without waiting for answers, then reading them: each
    /// gets its own answers, all of them, in order.
    @Test func servesManyConnectionsAtOnceEachInOrder() async throws {
        try await withTemporaryDirectory { directory in
            try await Self.withServer(in: directory) { server, handler in
                let path = server.path
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for client in 0..<20 {
                        group.addTask {
                            try await onOwnThread {
                                let connection = try UnixClient(path: path)
                                let requests = (0..<100).map { "{\"client\":\(client),\"id\":\($0)}" }
                                try connection.send(requests.map { $0 + "\n" }.joined())
                                let answers = try (0..<100).map { _ in try EchoResponse(try #require(try connection.readLine())) }
                                guard answers.map(\.echo) == requests else {
                                    throw TestFailure("client \(client) got \(answers.map(\.echo))")
                                }
                                guard Set(answers.map(\.connection)).count == 1 else { throw TestFailure("mixed connections") }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                #expect(await eventually { handler.snapshot.closed.count == 20 })
                let log = handler.snapshot
                #expect(Set(log.opened.map(\.connection)) == Set(1...20))
                #expect(Set(log.closed) == Set(log.opened))
                #expect(log.lines.values.allSatisfy { $0.count == 100 })
            }
        }
    }

    /// A request held unanswered on one connection does not hold up another: the release comes over a second
    /// connection while the first waits (a server serving connections one at a time would never answer).
    @Test func aSlowAnswerDoesNotHoldUpOtherConnections() async throws {
        try await withTemporaryDirectory { directory in
            try await Self.withServer(in: directory) { server, handler in
                let path = server.path
                let holding = Task {
                    try await onOwnThread {
                        let client = try UnixClient(path: path)
                        return try [client.ask("hold"), client.ask("after")].map(\.echo)
                    }
                }
                #expect(await eventually { handler.snapshot.lines.values.contains { $0.contains(Array("hold".utf8)) } })
                let released = try await onOwnThread { try UnixClient(path: path).ask("release").echo }
                #expect(released == "release")
                #expect(try await holding.value == ["hold", "after"])
            }
        }
    }

    @Test func anOverlongLineIsAnsweredOnceAndTheConnectionGoesOn() async throws {
        try await withTemporaryDirectory { directory in
            try await Self.withServer(in: directory, lineLimit: 1024) { server, handler in
                let answers = try await onOwnThread {
                    let client = try UnixClient(path: server.path)
                    try client.send("before\n" + String(repeating: "z", count: 200_000) + "\nafter\n")
                    return try (0..<3).map { _ in try EchoResponse(try #require(try client.readLine())) }
                }
                #expect(answers.map { $0.echo ?? $0.error } == ["before", "cabinet-line-too-long", "after"])
                #expect(handler.snapshot.overlong.values.reduce(0, +) == 1)
            }
        }
    }

    /// The protocol's own limit over a real socket: a line of exactly 64 KiB is answered, one byte more is not.
    @Test func theDefaultLimitIs64KiBPerLine() async throws {
        try await withTemporaryDirectory { directory in
            try await Self.withServer(in: directory) { server, _ in
                let answers = try await onOwnThread {
                    let client = try UnixClient(path: server.path)
                    let atLimit = String(repeating: "a", count: 65_536)
                    return try [client.ask(atLimit).echo?.count, client.ask(atLimit + "a").error.map { _ in -1 }]
                }
                #expect(answers == [65_536, -1])
            }
        }
    }

    @Test func aClientLeavingInTheMiddleOfALineDoesNotDisturbTheServer() async throws {
        try await withTemporaryDirectory { directory in
            try await Self.withServer(in: directory) { server, handler in
                let path = server.path
                let first = try await onOwnThread {
                    let client = try UnixClient(path: path)
                    let answer = try client.ask("complete")
                    try client.send("{\"v\":1,\"id\":\"half")
                    client.close()
                    return answer.echo
                }
                #expect(first == "complete")
                #expect(await eventually { handler.snapshot.closed.count == 1 })
                // At end of input the unterminated rest is still a line; its answer had nowhere to go.
                #expect(handler.snapshot.lines[1] == [Array("complete".utf8), Array("{\"v\":1,\"id\":\"half".utf8)])
                let second = try await onOwnThread { try UnixClient(path: path).ask("next").echo }
                #expect(second == "next")
            }
        }
    }

    @Test func aClientThatStopsWritingGetsItsUnterminatedLastLineAnswered() async throws {
        try await withTemporaryDirectory { directory in
            try await Self.withServer(in: directory) { server, _ in
                let answers = try await onOwnThread {
                    let client = try UnixClient(path: server.path)
                    try client.send("one\nlast")
                    client.shutdownWriting()
                    var lines: [String] = []
                    while let line = try client.readLine() { lines.append(line) }
                    return try lines.map { try EchoResponse($0).echo }
                }
                #expect(answers == ["one", "last"])
            }
        }
    }

    @Test func createsTheSocketWithMode0660AndTheGroup() async throws {
        // Root can give the socket any group: daemon (1) proves the chown happened. Others can use their own
        // supplementary groups only.
        let group: UInt32
        if geteuid() == 0 {
            group = 1
        } else {
            var groups = [gid_t](repeating: 0, count: 256)
            let count = getgroups(Int32(groups.count), &groups)
            group = try #require(
                groups.prefix(Int(max(count, 0))).first { $0 != getegid() },
                "not root and no supplementary group: cannot show that the socket is given to the group")
        }
        try await withTemporaryDirectory { directory in
            try await Self.withServer(in: directory, group: group) { server, _ in
                let info = try #require(Self.fileInfo(server.path))
                #expect(info.st_mode & S_IFMT == S_IFSOCK)
                #expect(info.st_mode & 0o7777 == 0o660)
                #expect(info.st_uid == geteuid())
                #expect(info.st_gid == group)
            }
        }
    }

    @Test func withoutAGroupTheSocketIsStill0660() async throws {
        try await withTemporaryDirectory { directory in
            try await Self.withServer(in: directory) { server, _ in
                let info = try #require(Self.fileInfo(server.path))
                #expect(info.st_mode & 0o7777 == 0o660)
                #expect(server.group == nil)
            }
        }
    }

    @Test func removesAStaleSocket() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/cabinets.sock"
            // A socket file nobody listens on: what a server that died leaves.
            let stale = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            try #require(stale >= 0)
            let bound = UnixClient.bind(stale, to: path)
            close(stale)
            try #require(bound == 0)
            try #require(UnixClient.probe(path) == ECONNREFUSED)
            try await Self.withServer(in: directory) { server, _ in
                // Answered: a new socket, not the stale one, which refuses connections.
                let answer = try await onOwnThread { try UnixClient(path: server.path).ask("alive").echo }
                #expect(answer == "alive")
            }
        }
    }

    @Test func refusesToStartOverALiveServer() async throws {
        try await withTemporaryDirectory { directory in
            try await Self.withServer(in: directory) { server, _ in
                let inode = Self.fileInfo(server.path)?.st_ino
                let second = CabinetSocketServer(path: server.path, group: nil, handler: EchoHandler())
                let error = #expect(throws: CabinetSocketError.self) { try second.start() }
                #expect(error == .inUse(path: server.path))
                #expect(error?.reason == "socket-in-use")
                #expect(error?.path == server.path)
                #expect(Self.fileInfo(server.path)?.st_ino == inode)
                let answer = try await onOwnThread { try UnixClient(path: server.path).ask("still here").echo }
                #expect(answer == "still here")
                await second.waitUntilStopped()
            }
        }
    }

    @Test func leavesAnythingThatIsNotASocketAlone() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory + "/file"
            try Data("precious".utf8).write(to: URL(fileURLWithPath: file))
            let folder = directory + "/folder"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            // A symbolic link to a stale socket: not followed, not removed.
            let stale = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            try #require(UnixClient.bind(stale, to: directory + "/stale.sock") == 0)
            close(stale)
            let link = directory + "/link"
            try #require(symlink(directory + "/stale.sock", link) == 0)
            for path in [file, folder, link] {
                let error = #expect(throws: CabinetSocketError.self) {
                    try CabinetSocketServer(path: path, group: nil, handler: EchoHandler()).start()
                }
                #expect(error == .notASocket(path: path))
                #expect(error?.reason == "socket-path-not-a-socket")
            }
            #expect(try String(contentsOfFile: file, encoding: .utf8) == "precious")
            #expect(Self.fileInfo(folder).map { $0.st_mode & S_IFMT == S_IFDIR } == true)
            #expect(Self.fileInfo(link).map { $0.st_mode & S_IFMT == S_IFLNK } == true)
            #expect(Self.fileInfo(directory + "/stale.sock").map { $0.st_mode & S_IFMT == S_IFSOCK } == true)
        }
    }

    @Test func aPathTooLongForASocketAddressIsRefused() throws {
        let path = "/tmp/" + String(repeating: "p", count: 103)
        let error = #expect(throws: CabinetSocketError.self) {
            try CabinetSocketServer(path: path, group: nil, handler: EchoHandler()).start()
        }
        #expect(error == .pathTooLong(path: path))
        #expect(error?.reason == "socket-path-too-long")
        #expect(error?.arguments["bytes"] == "108")
        #expect(error?.arguments["limit"] == "107")
        #expect(Self.fileInfo(path) == nil)
    }

    @Test func aMissingDirectoryFailsTheBindWithItsErrno() throws {
        let path = "/tmp/no-such-directory-\(UUID().uuidString.prefix(8))/cabinets.sock"
        let error = #expect(throws: CabinetSocketError.self) {
            try CabinetSocketServer(path: path, group: nil, handler: EchoHandler()).start()
        }
        #expect(error == .bindFailed(path: path, code: ENOENT))
        #expect(error?.reason == "socket-bind-failed")
        #expect(error?.description == "socket-bind-failed(detail: No such file or directory, errno: 2, path: \(path))")
    }

    @Test func stopClosesEveryConnectionAndRemovesTheSocket() async throws {
        try await withTemporaryDirectory { directory in
            let handler = EchoHandler()
            let server = CabinetSocketServer(path: directory + "/cabinets.sock", group: nil, handler: handler)
            try server.start()
            let path = server.path
            let clients = (0..<3).map { _ in
                Task {
                    try await onOwnThread {
                        let client = try UnixClient(path: path)
                        let answer = try client.ask("ready").echo
                        // Blocked reading when the server stops: end of input, not a timeout.
                        let afterStop = try client.readLine()
                        return [answer, afterStop]
                    }
                }
            }
            #expect(await eventually { handler.snapshot.lines.count == 3 })
            server.stop()
            server.stop()
            #expect(Self.fileInfo(path) == nil)
            for client in clients { #expect(try await client.value == ["ready", nil]) }
            await server.waitUntilStopped()
            #expect(Set(handler.snapshot.closed.map(\.connection)) == [1, 2, 3])
            #expect(UnixClient.probe(path) == ENOENT)
            // The path is free for the next server.
            try await Self.withServer(in: directory) { next, _ in
                let answer = try await onOwnThread { try UnixClient(path: next.path).ask("again").echo }
                #expect(answer == "again")
            }
        }
    }

    /// A line being answered when the server stops is still answered; then the connection ends.
    @Test func stopStillWritesTheAnswerInProgress() async throws {
        try await withTemporaryDirectory { directory in
            let handler = EchoHandler()
            let server = CabinetSocketServer(path: directory + "/cabinets.sock", group: nil, handler: handler)
            try server.start()
            let path = server.path
            let client = Task {
                try await onOwnThread {
                    let client = try UnixClient(path: path)
                    try client.send("hold\nunanswered\n")
                    let answer = try client.readLine()
                    let after = try client.readLine()
                    return [try answer.flatMap { try EchoResponse($0).echo }, after]
                }
            }
            #expect(await eventually { handler.snapshot.lines[1]?.first == Array("hold".utf8) })
            server.stop()
            handler.openGate()
            let answers = try await client.value
            #expect(answers == ["hold", nil])
            await server.waitUntilStopped()
            #expect(handler.snapshot.lines[1] == [Array("hold".utf8)])
        }
    }

    /// A peer that sends without ever reading, and keeps its socket open, fills the buffers until the server's
    /// write blocks: the stop cuts it off after the grace period instead of waiting for it forever.
    @Test func stopCutsOffAPeerThatDoesNotRead() async throws {
        try await withTemporaryDirectory { directory in
            let handler = EchoHandler()
            let server = CabinetSocketServer(
                path: directory + "/cabinets.sock", group: nil, handler: handler, gracePeriod: .milliseconds(300))
            try server.start()
            let path = server.path
            let letGo = DispatchSemaphore(value: 0)
            let flooding = Task {
                try await onOwnThread { () -> String in
                    let client = try UnixClient(path: path)
                    defer { letGo.wait() }
                    let chunk = String(repeating: "flood\n", count: 10_000)
                    do {
                        for _ in 0..<1_000 { try client.send(chunk) }
                    } catch {
                        return "\(error)"
                    }
                    return "sent everything"
                }
            }
            // Blocked in the write: lines stop arriving at the handler.
            var count = -1
            #expect(
                await eventually {
                    defer { count = handler.snapshot.lines[1]?.count ?? 0 }
                    try? await Task.sleep(for: .milliseconds(50))
                    return count > 0 && count == handler.snapshot.lines[1]?.count
                })
            let start = ContinuousClock.now
            server.stop()
            await server.waitUntilStopped()
            #expect(ContinuousClock.now - start >= .milliseconds(300))
            letGo.signal()
            let ending = try await flooding.value
            #expect(ending.contains("Broken pipe"), "\(ending)")
        }
    }

    /// Stopping removes the socket file only if it is still this server's.
    @Test func stopLeavesASocketThatReplacedItsOwn() async throws {
        try await withTemporaryDirectory { directory in
            let server = CabinetSocketServer(path: directory + "/cabinets.sock", group: nil, handler: EchoHandler())
            try server.start()
            unlink(server.path)
            let other = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            try #require(UnixClient.bind(other, to: server.path) == 0)
            let inode = Self.fileInfo(server.path)?.st_ino
            server.stop()
            await server.waitUntilStopped()
            close(other)
            #expect(inode != nil)
            #expect(Self.fileInfo(server.path)?.st_ino == inode)
        }
    }

    @Test func runServesUntilItsTaskIsCancelled() async throws {
        try await withTemporaryDirectory { directory in
            let handler = EchoHandler()
            let server = CabinetSocketServer(path: directory + "/cabinets.sock", group: nil, handler: handler)
            let running = Task { try await server.run() }
            #expect(await eventually { Self.fileInfo(server.path) != nil })
            let answer = try await onOwnThread { try UnixClient(path: server.path).ask("served").echo }
            #expect(answer == "served")
            running.cancel()
            try await running.value
            #expect(Self.fileInfo(server.path) == nil)
            #expect(handler.snapshot.closed.count == 1)
        }
    }

    @Test func runThrowsWhenTheServerCannotStart() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory + "/file"
            try Data().write(to: URL(fileURLWithPath: file))
            await #expect(throws: CabinetSocketError.notASocket(path: file)) {
                try await CabinetSocketServer(path: file, group: nil, handler: EchoHandler()).run()
            }
        }
    }

    @Test func findsGroupsByName() {
        #expect(CabinetSocketServer.groupID(named: "root") == 0)
        #expect(CabinetSocketServer.groupID(named: "daemon") == 1)
        #expect(CabinetSocketServer.groupID(named: "no-such-group-\(UUID().uuidString.prefix(8))") == nil)
    }
}
