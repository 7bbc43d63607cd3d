import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger witness key`: this ledger's witness verifier key, one line, for the other agencies' `peer add
/// --witness-key` or `peer witness-key`; the key is created on first use beside the store (`.witness.key`).
struct WitnessKeyCommand: LedgerCommand {
    static let spec = CommandSpec(
        "witness key",
        summary: Wording(
            zh: "输出本台账的见证公钥（一行，交给交换单位登记；首次使用时生成）",
            en: "print this ledger's witness key (one line, for the peers to record; created on first use)"),
        notes: [
            Wording(
                zh: "见证私钥保存在数据库旁的 .witness.key 文件（权限 600），与台账签名私钥分开：联署不写明签署者，每种用途须有自己的密钥。",
                en: "The witness's private key is kept beside the database in .witness.key (mode 600), apart from the log's signing key: "
                    + "a cosignature does not name its signer, so each role has a key of its own.")
        ])

    init(parsing arguments: inout ArgumentReader) throws {}

    struct Result: Encodable {
        let name, witnessKey: String
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        let verifier = try store.witnessSigner().verifier
        let text = try verifier.text
        try context.output.emit(Result(name: verifier.name, witnessKey: text), text: text)
    }
}
