import CabinetLink
import CommandLineSupport
import DossierVault
import Foundation
import Glibc
import LedgerPresentation
import PropertyLedger

/// `ledger cabinet hook CABINET`: the cabinet hook protocol (docs/cabinet-protocol.md) for one cabinet, requests
/// on standard input and responses on standard output, until the input ends — for an adapter that spawns the
/// ledger.
struct CabinetHookCommand: LedgerCommand {
    static let spec = CommandSpec(
        "cabinet hook", arguments: "CABINET",
        summary: Wording(
            zh: "智能柜接口（一个柜子）：经标准输入输出，每行一条 JSON", en: "the cabinet protocol for one cabinet, on stdin and stdout"),
        notes: [
            Wording(
                zh: "协议见 docs/cabinet-protocol.md。启动时先关闭该柜超时未核对的会话；每条请求在一个事务中记录。"
                    + "输入结束时正常退出；读写失败时退出码为 9。",
                en: "The protocol is in docs/cabinet-protocol.md. At start the cabinet's sessions past their timeout are closed; "
                    + "each request is recorded in one transaction. Exits 0 when the input ends, 9 when reading or writing fails.")
        ])

    let cabinet: String

    init(parsing arguments: inout ArgumentReader) throws {
        cabinet = try arguments.positional("CABINET")
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openVaultStore()
        let code = cabinet
        let location = try await store.read { try $0.custody.location(code) }
        guard let location, location.kind == .cabinet else { throw LedgerError(.notFound, Reason("cabinet-unknown", ["cabinet": code])) }
        let signers = try await CabinetKeys.unlock([location.code], in: store, context: context)
        let service = CabinetService(store: store, language: context.language, signers: signers)
        try await service.closeTimedOutSessions(at: location.code)
        do {
            try await CabinetHook.run(
                input: STDIN_FILENO, output: STDOUT_FILENO, handler: CabinetServiceHandler(service: service, cabinet: location.code))
        } catch let error as CabinetHookError {
            throw CommandFailure(status: .serviceFailed, reason: Reason(error.reason, error.arguments))
        }
    }
}
