import Glibc

/// The client side of a line protocol over a Unix socket: connect, send a line, read the answer line. Blocking:
/// call it from a thread of its own (a store's dispatch queue), never from Swift's cooperative pool.
public final class UnixLineClient {
    private let socket: Int32
    private var framer: LineFramer
    private var ready: [[UInt8]] = []

    /// Connects to the socket at `path`; nil when nothing listens there (or the path is not ours to reach).
    public init?(path: String, lineLimit: Int = LineFramer.defaultLimit) {
        guard let address = UnixSocketAddress(path: path) else { return nil }
        let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        guard address.withSocketAddress({ connect(descriptor, $0, $1) }) == 0 else {
            close(descriptor)
            return nil
        }
        socket = descriptor
        framer = LineFramer(limit: lineLimit)
    }

    deinit { close(socket) }

    /// Writes `line` and a newline, then reads one line back; nil when the connection fails or ends first.
    public func exchange(_ line: String) -> String? {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            written += count
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while ready.isEmpty {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            for event in framer.append(buffer[..<count]) {
                if case .line(let line) = event { ready.append(line) }
            }
        }
        return String(decoding: ready.removeFirst(), as: UTF8.self)
    }
}
