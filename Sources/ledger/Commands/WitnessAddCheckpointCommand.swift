import CommandLineSupport
import LedgerPresentation
import PropertyLedger
import Transfers

/// `ledger witness add-checkpoint FILE`: the witness takes a peer's newer checkpoint with its consistency proof
/// (a C2SP tlog-witness `add-checkpoint` body, as `ledger prove --consistency` prints it at the peer), and keeps it
/// only if it extends the one held (``CheckpointWitness``), and cosigns what it holds (c2sp.org/tlog-cosignature).
struct WitnessAddCheckpointCommand: LedgerCommand {
    static let spec = CommandSpec(
        "witness add-checkpoint", arguments: "FILE",
        summary: Wording(
            zh: "见证交换单位的新检查点（附一致性证明），与已持有的检查点一致才接受",
            en: "witness a peer's newer checkpoint with its consistency proof; kept only if consistent with the one held"),
        notes: [
            Wording(
                zh: "FILE（或 - 表示标准输入）：对方 ledger prove --consistency N 的输出，N 为本台账持有的规模（ledger peer list）。"
                    + "同一规模却不同的根，或证明不成立：拒绝（退出状态 2），证据记入本台账，该单位被冻结。须指定执行人（--actor）。",
                en: "FILE (or - for stdin): what the peer's ledger prove --consistency N prints, N the size held here (ledger peer list). "
                    + "Another root for the same size, or a proof that fails: refused (exit 2), the evidence recorded here and the peer "
                    + "frozen. Needs an actor (--actor).")
        ])

    let file: String

    init(parsing arguments: inout ArgumentReader) throws {
        file = try arguments.positional("FILE")
    }

    func run(in context: CommandContext) async throws {
        let request = try AddCheckpointRequest(parsing: try InputFile.data(file))
        let store = try await context.openStore()
        guard let actor = context.actor else { throw LedgerError(.refused, Reason("peer-needs-actor")) }
        let (outcome, cosignature) = try await CheckpointWitness.submit(
            request, to: store, actor: actor, signer: try await context.signer(in: store))
        let line = cosignature ?? ""
        let words = Catalogue.transferWords
        let (result, text): (Result, String)
        switch outcome {
        case .accepted(let peer, let from, let to):
            result = Result(peer: peer, size: to, previousSize: from, accepted: true, cosignature: line)
            text = (from == 0 ? words.acceptedFirst : words.accepted).text(
                in: context.language, ["name": peer, "from": String(from), "to": String(to)])
        case .unchanged(let peer, let size):
            result = Result(peer: peer, size: size, previousSize: size, accepted: true, cosignature: line)
            text = words.unchanged.text(in: context.language, ["name": peer, "size": String(size)])
        case .frozen(let peer, let index, _):
            throw LedgerError(.refused, .peerCheckpointInconsistent(peer, index: index))
        }
        try context.output.emit(result, text: text + "\n" + line)
    }

    struct Result: Encodable {
        let peer: String
        let size, previousSize: Int64
        let accepted: Bool
        /// This ledger's cosignature line of the checkpoint (`— <witness name> <base64>`), as tlog-witness answers.
        let cosignature: String
    }
}
