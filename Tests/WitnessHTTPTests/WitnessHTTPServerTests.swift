import Foundation
import Glibc
import Locking
import Testing

@testable import WitnessHTTP

/// The endpoint's transport against raw bytes from a real TCP client: whatever arrives, one answer and a closed
/// connection; only a well-formed `POST /add-checkpoint` with an exact body reaches the handler.
struct WitnessHTTPServerTests {
    /// Answers with the body it was given, so the tests see exactly what reached it.
    struct Echo: AddCheckpointHandler {
        func addCheckpoint(_ body: [UInt8]) async -> HTTPResponse {
            HTTPResponse(status: 200, body: "got " + String(decoding: body, as: UTF8.self))
        }
    }

    /// Sends `request` to `port` on a thread of its own and returns everything the server wrote back.
    static func exchange(_ request: [UInt8], port: UInt16) async -> String {
        await withHandOff { (handOff: HandOff<String, Never>) in
            Thread {
                let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_port = port.bigEndian
                inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
                _ = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
                _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                shutdown(fd, Int32(SHUT_WR))
                var answer: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 4096)
                while true {
                    let got = recv(fd, &chunk, chunk.count, 0)
                    if got <= 0 { break }
                    answer += chunk.prefix(got)
                }
                close(fd)
                handOff.resume(returning: String(decoding: answer, as: UTF8.self))
            }.start()
        }
    }

    static func status(_ answer: String) -> Int { Int(answer.split(separator: " ").dropFirst().first ?? "") ?? 0 }

    @Test func everyRequestGetsOneAnswer() async throws {
        let server = WitnessHTTPServer(host: "127.0.0.1", port: 0, handler: Echo())
        let port = try server.start()
        func ask(_ text: String) async -> String { await Self.exchange(Array(text.utf8), port: port) }

        let good = await ask("POST /add-checkpoint HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
        #expect(Self.status(good) == 200 && good.hasSuffix("\r\n\r\ngot hello") && good.contains("Connection: close"), "\(good)")
        // One header line split over the reads, and the body in the same packet as the head: all the same.
        #expect(await ask("POST /add-checkpoint HTTP/1.0\r\ncontent-length:  2 \r\n\r\nhi").hasSuffix("got hi"))
        let cases: [(String, Int)] = [
            ("GET /add-checkpoint HTTP/1.1\r\n\r\n", 405),
            ("POST /other HTTP/1.1\r\nContent-Length: 0\r\n\r\n", 404),
            ("POST /add-checkpoint HTTP/1.1\r\n\r\n", 411),
            ("POST /add-checkpoint HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 501),
            ("POST /add-checkpoint HTTP/1.1\r\nContent-Length: 99999\r\n\r\n", 413),
            ("POST /add-checkpoint HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", 400),
            ("POST /add-checkpoint HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400),
            ("POST /add-checkpoint HTTP/1.1\r\nContent-Length: 10\r\n\r\nshort", 400),
            ("POST /add-checkpoint HTTP/1.1\r\nContent-Length: 2\r\n\r\nlonger", 400),
            ("POST /add-checkpoint HTTP/2\r\n\r\n", 400),
            ("POST  /add-checkpoint HTTP/1.1\r\n\r\n", 400),
            ("POST /add-checkpoint HTTP/1.1\r\nNo colon here\r\n\r\n", 400),
            ("POST /add-checkpoint HTTP/1.1\r\nX: \u{1}\r\n\r\n", 400),
            // A bare LF or CR would hide a header inside the one before it: refused, not read either way.
            ("POST /add-checkpoint HTTP/1.1\r\nHost: x\nContent-Length: 5\r\n\r\nhello", 400),
            ("POST /add-checkpoint HTTP/1.1\r\nHost: x\rContent-Length: 5\r\n\r\nhello", 400),
            ("POST /add-checkpoint HTTP/1.1\nContent-Length: 5\r\n\r\nhello", 400),
            // A folded line and a name that is not a token (RFC 9112 §5.2, RFC 9110 §5.6.2).
            ("POST /add-checkpoint HTTP/1.1\r\nContent-Length: 5\r\n\tX: y\r\n\r\nhello", 400),
            ("POST /add-checkpoint HTTP/1.1\r\nContent-Length: 5\r\nX(y): z\r\n\r\nhello", 400),
            ("\r\n\r\n", 400),
            ("POST /add-checkpoint HTTP/1.1\r\nContent-Length: 5\r\n", 400),
            ("POST /add-checkpoint HTTP/1.1\r\nX: " + String(repeating: "a", count: 9000) + "\r\n\r\n", 431),
        ]
        for (request, expected) in cases {
            let answer = await ask(request)
            #expect(Self.status(answer) == expected, "\(request.prefix(60).debugDescription): \(answer.prefix(80))")
        }
        // Random bytes: an answer every time, and the server still serves.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0..<300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let answer = await Self.exchange(bytes, port: port)
            #expect(answer.hasPrefix("HTTP/1.1 "), "\(bytes)")
        }
        #expect(Self.status(await ask("POST /add-checkpoint HTTP/1.1\r\nContent-Length: 0\r\n\r\n")) == 200)
        server.stop()
        await server.waitUntilStopped()
        #expect(await ask("POST /add-checkpoint HTTP/1.1\r\nContent-Length: 0\r\n\r\n").isEmpty, "answered after stop")
    }
}
