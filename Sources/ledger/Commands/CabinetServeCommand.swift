import CabinetLink
import CommandLineSupport
import DossierVault
import Foundation
import Glibc
import LedgerPresentation
import PropertyLedger

/// `ledger cabinet serve --socket PATH [--group GROUP]`: the cabinet hook protocol as a daemon for many
/// cabinets, one connection each, on a Unix socket (mode 0660, the peer's user checked with SO_PEERCRED), until
/// SIGTERM or SIGINT.
struct CabinetServeCommand: LedgerCommand {
    static let spec = CommandSpec(
        "cabinet serve",
        summary: Wording(
            zh: "智能柜服务：在 Unix 套接字上为多个柜子提供接口", en: "the cabinet protocol for many cabinets, on a Unix socket"),
        options: [
            Option(name: "socket", value: "PATH", help: Wording(zh: "套接字路径", en: "the socket's path")),
            Option(
                name: "group", value: "GROUP",
                help: Wording(
                    zh: "允许连接的用户组（套接字归该组，权限 0660）；不给出时只允许本用户和 root",
                    en: "the group whose users may connect (the socket's group, mode 0660); without it only this user and root")),
        ],
        notes: [
            Wording(
                zh: "协议见 docs/cabinet-protocol.md。每个连接服务一个或多个柜子，请求按到达顺序应答；每分钟关闭超时未核对的会话。"
                    + "启动后在标准输出写一行说明已在监听。收到 SIGTERM 或 SIGINT 时删除套接字并退出（退出码 0）；"
                    + "套接字已被占用或无法创建时退出码为 9。",
                en: "The protocol is in docs/cabinet-protocol.md. Each connection's requests are answered in order; sessions past "
                    + "their timeout are closed every minute. Once listening it writes one line to stdout. On SIGTERM or SIGINT it "
                    + "removes the socket and exits 0; exits 9 when the socket is in use or cannot be made.")
        ])

    let socket: String
    let group: String?

    init(parsing arguments: inout ArgumentReader) throws {
        socket = try arguments.required("socket")
        group = arguments.take("group")
    }

    func run(in context: CommandContext) async throws {
        var groupID: UInt32?
        if let group {
            guard let id = CabinetSocketServer.groupID(named: group) ?? UInt32(group) else {
                throw UsageError(Reason("cabinet-group-unknown", ["group": group]), help: .command("cabinet serve"))
            }
            groupID = id
        }
        let store = try await context.openVaultStore()
        let cabinets = try await store.locations().filter { $0.kind == .cabinet }.map(\.code)
        let signers = try await CabinetKeys.unlock(cabinets, in: store, context: context)
        let service = CabinetService(store: store, language: context.language, signers: signers)
        try await service.closeTimedOutSessions()
        let server = CabinetSocketServer(path: socket, group: groupID, handler: CabinetServiceHandler(service: service, cabinet: nil))
        do {
            try server.start()
        } catch let error as CabinetSocketError {
            throw CommandFailure(status: .serviceFailed, reason: Reason(error.reason, error.arguments))
        }
        let stops = StopSignals.install { server.stop() }
        defer { for source in stops { source.cancel() } }
        let sweeper = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(60))
                try? await service.closeTimedOutSessions()
            }
        }
        Output.write(Catalogue.cabinets.listening.text(in: context.language, ["path": socket]) + "\n")
        await server.waitUntilStopped()
        sweeper.cancel()
    }
}
