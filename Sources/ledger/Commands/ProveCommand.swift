import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

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
        ],
        notes: [
            Wording(
                zh: "ledger prove --check RECEIPT --entry FILE --key VKEYFILE   无需台账库即可校验",
                en: "ledger prove --check RECEIPT --entry FILE --key VKEYFILE   checks without any store")
        ])

    enum Mode: Equatable {
        case prove(index: Int64, size: Int64?)
        case check(receiptFile: String, entryFile: String, verifierKeyFile: String)
    }

    let mode: Mode

    init(_ mode: Mode) {
        self.mode = mode
    }

    init(parsing arguments: inout ArgumentReader) throws {
        if let receipt = arguments.take("check") {
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
