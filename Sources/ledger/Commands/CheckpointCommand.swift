import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger checkpoint`: prints the latest signed checkpoint, or with `--check` checks one offline.
struct CheckpointCommand: LedgerCommand {
    static let spec = CommandSpec(
        "checkpoint",
        summary: Wording(
            zh: "显示最新的已签署检查点；台账有了新记录时先签署一个新的",
            en: "print the latest signed checkpoint, signing a new one if the log grew"),
        options: [
            Option(
                name: "check", value: "FILE",
                help: Wording(
                    zh: "改为离线校验一个检查点文件（需要 --key）", en: "instead, check a checkpoint file offline (needs --key)")),
            Option(
                name: "key", value: "VKEYFILE",
                help: Wording(
                    zh: "用于校验的验证公钥（由 `ledger key` 输出）",
                    en: "the verifier key to check against (from `ledger key`)")),
        ],
        notes: [
            Wording(
                zh: "ledger checkpoint --check FILE --key VKEYFILE   无需台账库即可校验",
                en: "ledger checkpoint --check FILE --key VKEYFILE   checks without any store")
        ])

    enum Mode: Equatable {
        case latest
        case check(file: String, verifierKeyFile: String)
    }

    let mode: Mode

    init(parsing arguments: inout ArgumentReader) throws {
        if let file = arguments.take("check") {
            mode = .check(file: file, verifierKeyFile: try arguments.required("key", because: "--check"))
        } else {
            mode = .latest
        }
    }

    struct Result: Encodable {
        let origin: String
        let size: UInt64
        let root, note: String
    }

    struct CheckResult: Encodable {
        let ok: Bool
        let origin: String
        let size: UInt64
        let root: String
    }

    func run(in context: CommandContext) async throws {
        switch mode {
        case .latest:
            let signed = try await context.openStore().checkpoint()
            let checkpoint = signed.checkpoint
            try context.output.emit(
                Result(
                    origin: checkpoint.origin, size: checkpoint.size, root: checkpoint.rootHash.base64EncodedString(),
                    note: signed.note.formatted),
                text: String(signed.note.formatted.dropLast()))
        case .check(let file, let verifierKeyFile):
            let verifier = try InputFile.verifier(verifierKeyFile)
            let signed = try SignedCheckpoint(parsing: try InputFile.text(file), verifier: verifier)
            let checkpoint = signed.checkpoint
            let root = checkpoint.rootHash.base64EncodedString()
            try context.output.emit(
                CheckResult(ok: true, origin: checkpoint.origin, size: checkpoint.size, root: root),
                text: Catalogue.checkpoint.verified.text(
                    in: context.language,
                    ["origin": checkpoint.origin, "size": String(checkpoint.size), "root": root, "signer": verifier.name]))
        }
    }
}
