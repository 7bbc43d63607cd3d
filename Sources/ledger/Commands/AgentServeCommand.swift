import CabinetLink
import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

#if canImport(Glibc)
    import Glibc
#endif

/// `ledger agent serve BADGE --until TIME`: the login agent itself, started by `ledger login` (which passes the
/// passphrase on its standard input). It leaves the terminal's session, unlocks the key, answers on its socket
/// (``LoginAgent``) and prints `ready`; it ends at `--until` or on `stop`.
struct AgentServeCommand: LedgerCommand {
    static let spec = CommandSpec(
        "agent serve", arguments: "BADGE",
        summary: Wording(zh: "登录代理本身（由 ledger login 启动）", en: "the login agent itself (started by ledger login)"),
        options: [Option(name: "until", value: "TIME", help: Wording(zh: "到期时间（UTC）", en: "when it ends (UTC)"))])

    let badge: String
    let until: String

    init(parsing arguments: inout ArgumentReader) throws {
        badge = try arguments.positional("BADGE")
        until = try arguments.required("until")
    }

    func run(in context: CommandContext) async throws {
        guard let expires = Timestamp.storedDate(until) else { throw UsageError(.loginDurationInvalid(until)) }
        // Out of the terminal's session: closing the terminal does not end the shift's agent.
        setsid()
        signal(SIGHUP, SIG_IGN)
        let store = try await context.openStore()
        guard let key = try await store.activeKey(of: .officer(badge)) else { throw LedgerError(.refused, .officerHasNoKey(badge: badge)) }
        let passphrase = try await Passphrase.read(fd: 0, badge: badge, prompt: "")
        let path = OfficerKeyLocation.path(for: badge, option: context.officerKey)
        let algorithm = key.algorithm
        let unlocked = try store.unlocked(try await onOwnThread { try KeyFile.unlock(path, passphrase: passphrase, as: algorithm) })
        let stopper = Stopper()
        let handler = AgentHandler(badge: badge, key: unlocked, expires: expires) { stopper.stop() }
        let server = CabinetSocketServer(path: LoginAgent.socketPath(for: badge), group: nil, handler: handler, mode: 0o600)
        stopper.server = server
        try server.start()
        _ = "ready\n".withCString { write(1, $0, strlen($0)) }
        // Nothing more is written: the login has gone, and its end of the pipe with it.
        let null = open("/dev/null", O_RDWR)
        dup2(null, 1)
        dup2(null, 2)
        Task {
            try? await Task.sleep(for: .seconds(max(0, expires.timeIntervalSinceNow)))
            server.stop()
        }
        await server.waitUntilStopped()
    }

    /// Lets the handler stop the server it serves for (`stop`, or a request after expiry).
    final class Stopper: @unchecked Sendable {
        // Set once, before the server starts; read after.
        var server: CabinetSocketServer?
        func stop() { server?.stop() }
    }
}
