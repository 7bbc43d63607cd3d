import CabinetLink
import Foundation
import LedgerPresentation
import PropertyLedger

#if canImport(Glibc)
    import Glibc
#endif

/// The login agent: an officer's key, unlocked once (`ledger login`), held in a small process of his own for a
/// shift, that signs for the commands he runs meanwhile. It listens on a Unix socket only he can reach — mode
/// 0600 in a directory of mode 0700, and each peer's uid checked with `SO_PEERCRED` — and ends at its expiry or
/// at `ledger logout`. The key never leaves it: it answers signatures, one JSON line each.
///
///     → {"op":"sign","key":"951a698d85a4b101","message":"<base64>"}   ← {"ok":true,"signature":"<base64>"}
///     → {"op":"status"}   ← {"ok":true,"badge":"000002","key":"951a…","expires":"2026-12-02T14:00:00Z"}
///     → {"op":"stop"}     ← {"ok":true}, and the agent ends
enum LoginAgent {
    /// The longest shift a login lasts, and the default.
    static let longest: TimeInterval = 12 * 3600
    static let standard: TimeInterval = 8 * 3600

    /// `$XDG_RUNTIME_DIR/propertyledger/agent-BADGE.sock`, else `/tmp/propertyledger-UID/agent-BADGE.sock`.
    static func socketPath(for badge: String) -> String {
        directory() + "/agent-\(badge).sock"
    }

    static func directory() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let runtime = environment["XDG_RUNTIME_DIR"].flatMap({ $0.hasPrefix("/") ? $0 : nil }) {
            return runtime + "/propertyledger"
        }
        return "/tmp/propertyledger-\(geteuid())"
    }

    /// Makes the agents' directory (0700) if needed, and refuses one that is not ours alone.
    static func prepareDirectory() throws {
        let path = directory()
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        var info = stat()
        guard lstat(path, &info) == 0, info.st_uid == geteuid(), info.st_mode & 0o077 == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw LedgerError(.refused, .agentDirectoryExposed(path))
        }
    }

    struct Request: Codable {
        var op: String
        var key: String?
        var message: String?
    }

    struct Reply: Codable {
        var ok: Bool
        var signature: String?
        var badge: String?
        var key: String?
        var expires: String?
        var error: String?
    }

    /// Starts the agent for `badge` (``AgentServeCommand``) and waits until it answers.
    static func start(badge: String, keyFile: String, store: String, until expires: Date, passphrase: Data) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: process.executableURL?.path ?? "") {
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        }
        process.arguments = [
            "agent", "serve", badge, "--until", Timestamp.string(expires), "--store", store, "--officer-key", keyFile, "--actor", badge,
        ]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: passphrase + Data("\n".utf8))
        try input.fileHandleForWriting.close()
        let ready = output.fileHandleForReading.availableReadyLine()
        guard ready == "ready" else { throw LedgerError(.storeUnusable, .agentFailedToStart(badge: badge)) }
    }

    /// Stops the agent running for `badge`; false when none answers.
    @discardableResult
    static func stop(_ badge: String) -> Bool {
        guard let client = UnixLineClient(path: socketPath(for: badge)) else { return false }
        return exchange(Request(op: "stop"), with: client)?.ok == true
    }

    /// What a running agent for `badge` says of itself, or nil when none answers.
    static func status(of badge: String) -> Reply? {
        guard let client = UnixLineClient(path: socketPath(for: badge)) else { return nil }
        return exchange(Request(op: "status"), with: client)
    }

    static func exchange(_ request: Request, with client: UnixLineClient) -> Reply? {
        guard let line = try? JSONEncoder().encode(request), let answer = client.exchange(String(decoding: line, as: UTF8.self)) else {
            return nil
        }
        return try? JSONDecoder().decode(Reply.self, from: Data(answer.utf8))
    }
}

/// Signs through a running login agent: what a command uses when its actor is logged in.
struct AgentSigner: EntrySigner {
    let badge: String
    let keyID: String

    /// The agent for `badge`, when one runs and holds `key`.
    init?(badge: String, key: EnrolledKey) {
        guard let status = LoginAgent.status(of: badge), status.ok, status.key == key.id else { return nil }
        self.badge = badge
        self.keyID = key.id
    }

    func sign(_ message: Data) throws -> Data {
        guard let client = UnixLineClient(path: LoginAgent.socketPath(for: badge)),
            let reply = LoginAgent.exchange(.init(op: "sign", key: keyID, message: message.base64EncodedString()), with: client), reply.ok,
            let signature = reply.signature.flatMap({ Data(base64Encoded: $0) })
        else { throw LedgerError(.refused, .agentUnavailable(badge: badge)) }
        return signature
    }
}

/// The agent's side: answers the lines with the unlocked key until it expires or is told to stop.
final class AgentHandler: CabinetLineHandler {
    let badge: String
    let key: UnlockedKey
    let expires: Date
    let stop: @Sendable () -> Void

    init(badge: String, key: UnlockedKey, expires: Date, stop: @escaping @Sendable () -> Void) {
        self.badge = badge
        self.key = key
        self.expires = expires
        self.stop = stop
    }

    func respond(to line: [UInt8], from peer: CabinetPeer) async -> String {
        let reply: LoginAgent.Reply
        if Date() >= expires {
            reply = .init(ok: false, error: "expired")
            stop()
        } else if let request = try? JSONDecoder().decode(LoginAgent.Request.self, from: Data(line)) {
            switch request.op {
            case "sign":
                if request.key == key.keyID, let message = request.message.flatMap({ Data(base64Encoded: $0) }),
                    let signature = try? key.sign(message)
                {
                    reply = .init(ok: true, signature: signature.base64EncodedString())
                } else {
                    reply = .init(ok: false, error: "cannot-sign")
                }
            case "status":
                reply = .init(ok: true, badge: badge, key: key.keyID, expires: Timestamp.string(expires))
            case "stop":
                reply = .init(ok: true)
                stop()
            default:
                reply = .init(ok: false, error: "unknown-op")
            }
        } else {
            reply = .init(ok: false, error: "not-a-request")
        }
        return (try? String(decoding: JSONEncoder().encode(reply), as: UTF8.self)) ?? #"{"ok":false}"#
    }

    func respondToOverlongLine(from peer: CabinetPeer) async -> String { #"{"ok":false,"error":"line-too-long"}"# }

    func refusal(of peer: CabinetPeer) async -> String { #"{"ok":false,"error":"not-yours"}"# }

    func connectionClosed(_ peer: CabinetPeer) async {}
}

extension FileHandle {
    /// The first line read, without its newline; what was read when the other end closed first.
    fileprivate func availableReadyLine() -> String {
        var bytes = Data()
        while let chunk = try? read(upToCount: 1), let byte = chunk.first, byte != UInt8(ascii: "\n") {
            bytes.append(byte)
            if bytes.count > 64 { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
