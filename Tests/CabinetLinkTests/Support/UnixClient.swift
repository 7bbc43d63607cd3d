import Foundation
import Glibc

/// A blocking Unix socket client for the tests: connect, send lines, read lines. Use on one thread of its own
/// (``onOwnThread(_:)``). Reads time out after 20 s so that a broken server fails a test instead of hanging it.
final class UnixClient {
    private(set) var socket: Int32
    private var buffer: [UInt8] = []

    init(path: String) throws {
        socket = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socket >= 0 else { throw TestFailure("socket: \(String(cString: strerror(errno)))") }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = UnixClient.connect(socket, to: path)
        guard result == 0 else {
            Glibc.close(socket)
            throw TestFailure("connect \(path): \(String(cString: strerror(result)))")
        }
    }

    deinit { close() }

    /// 0, or the errno of `connect`.
    static func connect(_ socket: Int32, to path: String) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { sunPath in
            let bytes = Array(path.utf8)
            sunPath.copyBytes(from: bytes)
            sunPath[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        return result == 0 ? 0 : errno
    }

    func send(_ text: String) throws {
        try send(bytes: Array(text.utf8))
    }

    func send(bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count >= 0 else {
                if errno == EINTR { continue }
                throw TestFailure("send: \(String(cString: strerror(errno)))")
            }
            offset += count
        }
    }

    /// The next line without its newline; nil at end of input.
    func readLine() throws -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = recv(socket, &chunk, chunk.count, 0)
            if count == 0 {
                guard !buffer.isEmpty else { return nil }
                throw TestFailure("end of input after an unterminated line: \(String(decoding: buffer, as: UTF8.self))")
            }
            guard count > 0 else {
                if errno == EINTR { continue }
                throw TestFailure("recv: \(String(cString: strerror(errno)))")
            }
            buffer += chunk[..<count]
        }
    }

    /// Sends a line and reads the answer.
    func ask(_ line: String) throws -> EchoResponse {
        try send(line + "\n")
        guard let answer = try readLine() else { throw TestFailure("no answer to \(line)") }
        return try EchoResponse(answer)
    }

    func shutdownWriting() {
        shutdown(socket, Int32(SHUT_WR))
    }

    func close() {
        if socket >= 0 { Glibc.close(socket) }
        socket = -1
    }
}

extension UnixClient {
    /// 0 when something listens at `path`, else the errno of `connect` (ECONNREFUSED: a stale socket).
    static func probe(_ path: String) -> Int32 {
        let probe = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        defer { Glibc.close(probe) }
        return connect(probe, to: path)
    }

    /// 0, or the errno of `bind` (to make socket files without a server).
    static func bind(_ socket: Int32, to path: String) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { sunPath in
            let bytes = Array(path.utf8)
            sunPath.copyBytes(from: bytes)
            sunPath[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        return result == 0 ? 0 : errno
    }
}
