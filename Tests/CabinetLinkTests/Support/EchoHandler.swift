import CabinetLink
import Foundation
import Locking

/// A handler that answers each line with what it got, as JSON, and records every call, for the transport tests.
///
/// - `{"echo": TEXT, "hex": HEX, "connection": N, "uid": U, "pid": P}` for a line (`uid`/`pid` null on the hook);
/// - `{"error": "cabinet-line-too-long", "connection": N}` for an overlong line;
/// - `{"error": "refused", "uid": U}` as the refusal.
///
/// The line `hold` is answered only once some connection has sent `release` (to show that connections do not
/// wait for each other). Some lines are answered after a short sleep, so that answers of different connections
/// interleave in varying orders.
final class EchoHandler: CabinetLineHandler {
    struct Log: Sendable {
        var opened: [CabinetPeer] = []
        var closed: [CabinetPeer] = []
        var refused: [CabinetPeer] = []
        /// Lines as received, by connection number.
        var lines: [Int: [[UInt8]]] = [:]
        var overlong: [Int: Int] = [:]
    }

    private struct Gate {
        var isOpen = false
        var waiters: [HandOff<Void, Never>] = []
    }

    let log = Locked(Log())
    private let gate = Locked(Gate())

    func respond(to line: [UInt8], from peer: CabinetPeer) async -> String {
        log.withLock { $0.lines[peer.connection, default: []].append(line) }
        let text = String(decoding: line, as: UTF8.self)
        if text == "hold" { await waitForRelease() }
        if text == "release" { openGate() }
        if line.count % 5 == 0 { try? await Task.sleep(for: .milliseconds(1)) }
        return Self.json([
            "echo": text, "hex": line.map { String(format: "%02x", $0) }.joined(), "connection": peer.connection,
            "uid": peer.uid.map { Int($0) } as Any? ?? NSNull(), "pid": peer.pid.map { Int($0) } as Any? ?? NSNull(),
        ])
    }

    func respondToOverlongLine(from peer: CabinetPeer) async -> String {
        log.withLock { $0.overlong[peer.connection, default: 0] += 1 }
        return Self.json(["error": "cabinet-line-too-long", "connection": peer.connection])
    }

    func refusal(of peer: CabinetPeer) async -> String {
        log.withLock { $0.refused.append(peer) }
        return Self.json(["error": "refused", "uid": peer.uid.map { Int($0) } as Any? ?? NSNull()])
    }

    func connectionOpened(_ peer: CabinetPeer) async {
        log.withLock { $0.opened.append(peer) }
    }

    func connectionClosed(_ peer: CabinetPeer) async {
        log.withLock { $0.closed.append(peer) }
    }

    var snapshot: Log { log.withLock { $0 } }

    private func waitForRelease() async {
        await withHandOff { (handOff: HandOff<Void, Never>) in
            let isOpen = gate.withLock { gate in
                if !gate.isOpen { gate.waiters.append(handOff) }
                return gate.isOpen
            }
            if isOpen { handOff.resume() }
        }
    }

    /// Lets every `hold` (waiting or still to come) be answered.
    func openGate() {
        let waiters = gate.withLock { gate in
            gate.isOpen = true
            defer { gate.waiters = [] }
            return gate.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    static func json(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}

/// A response line of ``EchoHandler``, parsed.
struct EchoResponse: Equatable {
    var echo: String?
    var error: String?
    var connection: Int?
    var uid: Int?
    var pid: Int?

    init(_ line: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        guard let fields = object as? [String: Any] else { throw TestFailure("not an object: \(line)") }
        echo = fields["echo"] as? String
        error = fields["error"] as? String
        connection = fields["connection"] as? Int
        uid = fields["uid"] as? Int
        pid = fields["pid"] as? Int
    }
}
