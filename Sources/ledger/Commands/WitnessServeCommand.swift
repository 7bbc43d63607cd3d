import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger
import WitnessHTTP

/// `ledger witness serve --listen HOST:PORT`: the C2SP tlog-witness `add-checkpoint` endpoint over HTTP, for
/// agencies whose ledgers are networked (files do the same for those that are not), until SIGTERM or SIGINT.
struct WitnessServeCommand: LedgerCommand {
    static let spec = CommandSpec(
        "witness serve",
        summary: Wording(
            zh: "见证服务：在 HTTP 上提供 C2SP tlog-witness 的 add-checkpoint 接口",
            en: "the witness over HTTP: the C2SP tlog-witness add-checkpoint endpoint"),
        options: [
            Option(
                name: "listen", value: "HOST:PORT",
                help: Wording(
                    zh: "监听的 IPv4 地址和端口，如 127.0.0.1:7380（端口 0：由系统选择）",
                    en: "the IPv4 address and port to listen on, e.g. 127.0.0.1:7380 (port 0: the system chooses)"))
        ],
        notes: [
            Wording(
                zh: "POST /add-checkpoint，请求体与 ledger witness add-checkpoint 读取的文件相同；200 时应答本台账的联署行，"
                    + "409 时应答本台账持有的规模（text/x.tlog.size）。不提供 TLS：请只在本机或专网上监听，或在前面加 TLS 代理。"
                    + "启动后在标准输出写一行说明所监听的地址。收到 SIGTERM 或 SIGINT 时退出（退出码 0）；地址无法监听时退出码为 9。"
                    + "须指定执行人（--actor）：矛盾检查点的证据以其名义记录。",
                en: "POST /add-checkpoint, with the body ledger witness add-checkpoint reads from a file; 200 answers this ledger's "
                    + "cosignature line, 409 the size held here (text/x.tlog.size). No TLS: listen on loopback or a private link, or "
                    + "put a TLS proxy in front. Once listening it writes the address to stdout. On SIGTERM or SIGINT it exits 0; "
                    + "exits 9 when it cannot listen. Needs an actor (--actor): evidence of an inconsistent checkpoint is recorded "
                    + "in their name.")
        ])

    let host: String
    let port: UInt16

    init(parsing arguments: inout ArgumentReader) throws {
        let listen = try arguments.required("listen")
        guard let colon = listen.lastIndex(of: ":"), let port = UInt16(listen[listen.index(after: colon)...]) else {
            throw arguments.error(Reason("witness-listen-malformed", ["address": listen]))
        }
        host = String(listen[..<colon])
        self.port = port
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        guard let actor = context.actor else { throw LedgerError(.refused, Reason("peer-needs-actor")) }
        // Created now, not at the first request: a key that cannot be made is found before anyone connects.
        _ = try store.witnessSigner()
        let endpoint = WitnessEndpoint(store: store, actor: actor, signer: try await context.signer(in: store))
        let server = WitnessHTTPServer(host: host, port: port, handler: endpoint)
        let bound: UInt16
        do {
            bound = try server.start()
        } catch let error as WitnessHTTPError {
            throw CommandFailure(status: .serviceFailed, reason: Reason(error.reason, error.arguments))
        }
        let stops = StopSignals.install { server.stop() }
        defer { for source in stops { source.cancel() } }
        Output.write(Catalogue.transferWords.witnessListening.text(in: context.language, ["address": "\(host):\(bound)"]) + "\n")
        await server.waitUntilStopped()
    }
}
