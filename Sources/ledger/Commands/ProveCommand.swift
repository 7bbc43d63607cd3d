import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger
import Transfers

/// `ledger prove INDEX`: prints a receipt for an entry, or with `--check` checks one offline.
struct ProveCommand: LedgerCommand {
    static let spec = CommandSpec(
        "prove", arguments: "INDEX",
        summary: Wording(
            zh: "为第 INDEX 条记录出具 c2sp.org/tlog-proof@v1 回执",
            en: "print a c2sp.org/tlog-proof@v1 receipt for entry INDEX"),
        options: [
            Option(
                name: "size", value: "N",
                help: Wording(
                    zh: "针对规模为 N 时签署的检查点出具证明（默认：最新的检查点）",
                    en: "prove against the checkpoint signed at size N (default: the latest)")),
            Option(
                name: "check", value: "RECEIPT",
                help: Wording(
                    zh: "改为离线校验一份回执（需要 --entry 和 --key）",
                    en: "instead, check a receipt offline (needs --entry and --key)")),
            Option(
                name: "entry", value: "FILE",
                help: Wording(
                    zh: "该记录的原始字节（由 `ledger entry` 输出）", en: "the entry's exact bytes (from `ledger entry`)")),
            Option(
                name: "key", value: "VKEYFILE",
                help: Wording(zh: "台账的验证公钥（由 `ledger key` 输出）", en: "the log's verifier key (from `ledger key`)")),
            Option(
                name: "consistency", value: "OLD",
                help: Wording(
                    zh: "改为出具从规模 OLD 到最新检查点（或 --consistency OLD NEW、--size NEW 指定的检查点）的一致性证明，格式为 C2SP tlog-witness add-checkpoint 请求",
                    en: "instead, print the consistency proof from size OLD to the latest checkpoint (or to NEW: --consistency OLD "
                        + "NEW, or --size NEW), as a C2SP tlog-witness add-checkpoint request")),
        ],
        notes: [
            Wording(
                zh: "ledger prove --check RECEIPT --entry FILE --key VKEYFILE   无需台账库即可校验",
                en: "ledger prove --check RECEIPT --entry FILE --key VKEYFILE   checks without any store"),
            Wording(
                zh: "ledger prove --consistency OLD > FILE   交给对方 ledger witness add-checkpoint FILE（OLD 为对方持有的规模，首次为 0）",
                en: "ledger prove --consistency OLD > FILE   for the peer's ledger witness add-checkpoint FILE (OLD: the size it holds; 0 "
                    + "the first time)"),
        ])

    enum Mode: Equatable {
        case prove(index: Int64, size: Int64?)
        case check(receiptFile: String, entryFile: String, verifierKeyFile: String)
        case consistency(from: Int64, to: Int64?)
    }

    let mode: Mode

    init(_ mode: Mode) {
        self.mode = mode
    }

    init(parsing arguments: inout ArgumentReader) throws {
        if let old = try arguments.integer("consistency") {
            // `--consistency OLD NEW`, as the issue spells it; `--size NEW` reads the same; neither: the latest.
            mode = .consistency(
                from: old, to: arguments.hasPositional ? try arguments.integer(positional: "NEW") : try arguments.integer("size"))
        } else if let receipt = arguments.take("check") {
            mode = .check(
                receiptFile: receipt, entryFile: try arguments.required("entry", because: "--check"),
                verifierKeyFile: try arguments.required("key", because: "--check"))
        } else {
            mode = .prove(index: try arguments.integer(positional: "INDEX"), size: try arguments.integer("size"))
        }
    }

    struct Result: Encodable {
        let index: UInt64
        let proof: [String]
        let receipt: String
    }

    struct ConsistencyResult: Encodable {
        let old: Int64
        let proof: [String]
        /// The whole add-checkpoint request body.
        let request: String
    }

    /// The add-checkpoint body from `old` to the checkpoint signed at `new` (the latest, signed now if the log
    /// grew, when nil); from 0 there is no proof (a witness trusts a log's first checkpoint on first use).
    static func addCheckpointRequest(from old: Int64, to new: Int64?, in store: LedgerStore) async throws -> AddCheckpointRequest {
        let signed = try await store.checkpoint(at: new)
        let size = Int64(signed.checkpoint.size)
        let proof = old == 0 ? [] : try await store.consistencyProof(from: old, to: size)
        return AddCheckpointRequest(oldSize: old, proof: proof, checkpoint: signed.note.formatted)
    }

    struct CheckResult: Encodable {
        let ok: Bool
        let index, size: UInt64
        let origin, root: String
    }

    func run(in context: CommandContext) async throws {
        switch mode {
        case .prove(let index, let size):
            let receipt = try await context.openStore().receipt(index: index, size: size)
            try context.output.emit(
                Result(index: receipt.index, proof: receipt.proof.map { $0.base64EncodedString() }, receipt: receipt.text),
                text: String(receipt.text.dropLast()))
        case .consistency(let old, let new):
            let request = try await Self.addCheckpointRequest(from: old, to: new, in: try await context.openStore())
            try context.output.emit(
                ConsistencyResult(old: request.oldSize, proof: request.proof.map { $0.base64EncodedString() }, request: request.text),
                text: String(request.text.dropLast()))
        case .check(let receiptFile, let entryFile, let verifierKeyFile):
            let verifier = try InputFile.verifier(verifierKeyFile)
            let receipt = try Receipt(parsing: try InputFile.text(receiptFile))
            let entry = try InputFile.data(entryFile)
            let checkpoint = try receipt.verify(entry: entry, verifier: verifier)
            try context.output.emit(
                CheckResult(
                    ok: true, index: receipt.index, size: checkpoint.size, origin: checkpoint.origin,
                    root: checkpoint.rootHash.base64EncodedString()),
                text: Catalogue.prove.verified.text(
                    in: context.language,
                    ["index": String(receipt.index), "origin": checkpoint.origin, "size": String(checkpoint.size)]))
        }
    }
}
