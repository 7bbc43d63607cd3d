import Dispatch
import Foundation
import Glibc
import Locking

/// The C2SP tlog-witness endpoint over HTTP/1.1 on a TCP address: `POST /add-checkpoint`, one request per
/// connection, for agencies whose ledgers are networked (`ledger witness serve --listen 127.0.0.1:PORT`).
///
/// ```swift
/// let server = WitnessHTTPServer(host: "127.0.0.1", port: 7380, handler: witness)
/// let port = try server.start()      // listening when it returns (port 0: the port the system chose)
/// …                                  // SIGTERM or SIGINT, handled by the caller: server.stop()
/// await server.waitUntilStopped()    // every connection answered or closed
/// ```
///
/// Everything from the network is hostile until checked: a head of at most 8 KiB, a body of at most
/// ``maximumBody`` bytes with an exact `Content-Length` (no chunked bodies), at most ``maximumConnections`` at
/// once (503 beyond), and each read and write bounded by ``timeout``. Accepting and each connection run on
/// threads of their own: no blocking call occupies a thread of Swift's cooperative pool. There is no TLS:
/// listen on loopback or a private link, or put a TLS proxy in front.
public final class WitnessHTTPServer: Sendable {
    public let host: String
    public let port: UInt16
    private let handler: any AddCheckpointHandler
    /// An add-checkpoint body is at most 16 KiB (``AddCheckpointRequest``); a little more is read to refuse it whole.
    public static let maximumBody = 16 * 1024
    public static let maximumConnections = 16
    public static let timeout = 10

    private let state = Locked(State())

    private struct State {
        var listener: Int32 = -1
        var stopping = false
        var threads = 0
        var connections = 0
        var waiters: [HandOff<Void, Never>] = []
    }

    public init(host: String, port: UInt16, handler: any AddCheckpointHandler) {
        self.host = host
        self.port = port
        self.handler = handler
    }

    /// Binds and listens, then accepts on a thread of its own; returns the port listened on.
    ///
    /// - Throws: ``WitnessHTTPError`` (`witness-listen-address`, `witness-listen-failed` with the system's words).
    public func start() throws -> UInt16 {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw WitnessHTTPError("witness-listen-address", ["address": host])
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw WitnessHTTPError.system("socket") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let error = WitnessHTTPError.system("listen")
            close(fd)
            throw error
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        state.withLock {
            $0.listener = fd
            $0.threads += 1
        }
        startThread(named: "witness-accept") { self.acceptLoop(fd) }
        return UInt16(bigEndian: actual.sin_port)
    }

    /// Stops accepting; connections in progress are answered, then closed.
    public func stop() {
        state.withLock { state in
            guard !state.stopping else { return }
            state.stopping = true
            // Wakes the accept loop, which closes the listener.
            if state.listener >= 0 { shutdown(state.listener, Int32(SHUT_RDWR)) }
        }
    }

    public func waitUntilStopped() async {
        await withHandOff { (handOff: HandOff<Void, Never>) in
            let done = state.withLock { state -> Bool in
                guard state.threads > 0 else { return true }
                state.waiters.append(handOff)
                return false
            }
            if done { handOff.resume() }
        }
    }

    private func startThread(named name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            body()
            self.threadEnded()
        }
        thread.name = name
        thread.start()
    }

    private func threadEnded() {
        let waiters = state.withLock { state -> [HandOff<Void, Never>] in
            state.threads -= 1
            guard state.threads == 0 else { return [] }
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    private func acceptLoop(_ listener: Int32) {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                if state.withLock({ $0.stopping }) { break }
                // EMFILE and the like: wait a little rather than spin.
                usleep(50_000)
                continue
            }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            let admitted = state.withLock { state -> Bool in
                guard !state.stopping, state.connections < Self.maximumConnections else { return false }
                state.connections += 1
                state.threads += 1
                return true
            }
            guard admitted else {
                Self.setTimeouts(connection)
                Self.write(HTTPResponse(status: 503, body: "busy\n").bytes, to: connection)
                close(connection)
                continue
            }
            startThread(named: "witness-connection") {
                self.serve(connection)
                close(connection)
                self.state.withLock { $0.connections -= 1 }
            }
        }
        close(listener)
    }

    private func serve(_ connection: Int32) {
        Self.setTimeouts(connection)
        let response = respond(reading: connection)
        Self.write(response.bytes, to: connection)
        shutdown(connection, Int32(SHUT_WR))
    }

    /// Reads one request and works out its answer; every malformed or unexpected request is answered too.
    private func respond(reading connection: Int32) -> HTTPResponse {
        var buffer: [UInt8] = []
        var headEnd: Int?
        while headEnd == nil {
            guard buffer.count <= HTTPRequestHead.maximumSize else { return HTTPResponse(status: 431, body: "head too large\n") }
            guard let chunk = Self.read(connection, upTo: 4096) else { return HTTPResponse(status: 408, body: "timed out\n") }
            if chunk.isEmpty { return HTTPResponse(status: 400, body: "incomplete request\n") }
            let searchFrom = max(0, buffer.count - 3)
            buffer += chunk
            headEnd = Self.blankLine(in: buffer, from: searchFrom)
        }
        guard let headEnd, headEnd <= HTTPRequestHead.maximumSize else { return HTTPResponse(status: 431, body: "head too large\n") }
        guard let head = HTTPRequestHead(buffer[..<headEnd]) else {
            return HTTPResponse(status: 400, body: "malformed request\n")
        }
        guard head.path == "/add-checkpoint" else { return HTTPResponse(status: 404, body: "not found\n") }
        guard head.method == "POST" else { return HTTPResponse(status: 405, body: "POST only\n") }
        guard !head.hasTransferEncoding else { return HTTPResponse(status: 501, body: "no transfer encodings\n") }
        guard let length = head.contentLength else { return HTTPResponse(status: 411, body: "Content-Length required\n") }
        guard length <= Self.maximumBody else { return HTTPResponse(status: 413, body: "body too large\n") }
        var body = Array(buffer[(headEnd + 4)...])
        while body.count < length {
            guard let chunk = Self.read(connection, upTo: length - body.count) else {
                return HTTPResponse(status: 408, body: "timed out\n")
            }
            if chunk.isEmpty { return HTTPResponse(status: 400, body: "incomplete body\n") }
            body += chunk
        }
        guard body.count == length else { return HTTPResponse(status: 400, body: "body longer than Content-Length\n") }
        // This thread is ours: waiting here for the handler's task blocks no thread of the cooperative pool.
        let handler = self.handler
        let done = DispatchSemaphore(value: 0)
        let answer = AnswerSlot()
        Task {
            let response = await handler.addCheckpoint(body)
            answer.value.withLock { $0 = response }
            done.signal()
        }
        done.wait()
        return answer.value.withLock { $0 } ?? HTTPResponse(status: 500)
    }

    private static func blankLine(in buffer: [UInt8], from start: Int) -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in start...(buffer.count - 4)
        where buffer[index] == 0x0D && buffer[index + 1] == 0x0A && buffer[index + 2] == 0x0D && buffer[index + 3] == 0x0A {
            return index
        }
        return nil
    }

    private static func setTimeouts(_ fd: Int32) {
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Up to `count` bytes; empty at the end of the stream; nil on a timeout or an error.
    private static func read(_ fd: Int32, upTo count: Int) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: min(count, 4096))
        while true {
            let got = recv(fd, &chunk, chunk.count, 0)
            if got >= 0 { return Array(chunk.prefix(got)) }
            if errno == EINTR { continue }
            return nil
        }
    }

    private static func write(_ bytes: [UInt8], to fd: Int32) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += sent
        }
    }
}

/// Carries the handler's answer to the connection's thread.
private final class AnswerSlot: Sendable {
    let value = Locked<HTTPResponse?>(nil)
}

/// Why the witness's endpoint could not start: a stable reason id and its arguments (worded by the CLI).
public struct WitnessHTTPError: Error, Sendable, Equatable {
    public let reason: String
    public let arguments: [String: String]

    init(_ reason: String, _ arguments: [String: String] = [:]) {
        self.reason = reason
        self.arguments = arguments
    }

    static func system(_ operation: String) -> WitnessHTTPError {
        WitnessHTTPError("witness-listen-failed", ["operation": operation, "detail": String(cString: strerror(errno))])
    }
}
