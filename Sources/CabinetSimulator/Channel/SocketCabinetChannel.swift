import Dispatch
import Glibc
import Locking

/// A line channel over a Unix domain stream socket: how an adapter reaches `ledger cabinet serve --socket PATH`.
///
/// ```swift
/// let channel = try await SocketCabinetChannel.connect(to: "/run/ledger/cabinet.sock")
/// ```
/// The server checks the connecting process's uid (SO_PEERCRED); a refused peer reads one error line, then end
/// of file. Call ``close()`` when done: until then a thread reads the socket.
public final class SocketCabinetChannel: CabinetChannel {
    public let responseTimeout: Duration
    /// The socket's path.
    public let path: String
    private let stream: LineStream

    /// Connects to the socket at `path`.
    /// - Throws: ``CabinetChannelError/socketPathTooLong(_:)``, or the failed `socket` or `connect` (ENOENT: no
    ///   socket there; ECONNREFUSED: nobody listens; EACCES: the socket's mode keeps this user out).
    public static func connect(to path: String, responseTimeout: Duration = .seconds(10)) async throws
        -> SocketCabinetChannel
    {
        // connect(2) may block (a full backlog): off the cooperative pool.
        let descriptor = try await withHandOff { (handOff: HandOff<Int32, any Error>) in
            DispatchQueue.global().async {
                handOff.resume(with: Result { try Self.connectedSocket(path) })
            }
        }
        return SocketCabinetChannel(descriptor: descriptor, path: path, responseTimeout: responseTimeout)
    }

    private init(descriptor: Int32, path: String, responseTimeout: Duration) {
        self.path = path
        self.responseTimeout = responseTimeout
        stream = LineStream(.socket(descriptor), label: "cabinet-sim.socket.\(descriptor)")
    }

    private static func connectedSocket(_ path: String) throws -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity else { throw CabinetChannelError.socketPathTooLong(path) }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: pathBytes)
            buffer[pathBytes.count] = 0
        }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw CabinetChannelError.system(call: "socket", errno: errno) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let error = CabinetChannelError.system(call: "connect \(path)", errno: errno)
            Glibc.close(descriptor)
            throw error
        }
        return descriptor
    }

    public func write(_ bytes: [UInt8]) async throws {
        try await stream.write(bytes)
    }

    public func exchange(_ line: [UInt8], timeout: Duration) async throws -> String {
        try await stream.exchange(line, timeout: timeout)
    }

    public func receiveLine(timeout: Duration) async throws -> String {
        try await stream.receiveLine(timeout: timeout)
    }

    /// Shuts the socket down for writing: the server reads end of file and may still answer.
    public func finishWriting() async throws {
        try await stream.finishWriting()
    }

    public func close() async {
        await stream.close()
    }
}
