import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger key`: prints the log's public verifier key.
struct KeyCommand: LedgerCommand {
    static let spec = CommandSpec(
        "key",
        summary: Wording(
            zh: "显示本台账的验证公钥（C2SP verifier-key 文本），供其他单位校验",
            en: "print this log's public verifier key (C2SP verifier-key text) for other agencies"))

    init(parsing arguments: inout ArgumentReader) throws {}

    struct Result: Encodable {
        let verifierKey, origin, profile, algorithm: String
    }

    func run(in context: CommandContext) async throws {
        let identity = try await context.openStore().identity
        try context.output.emit(
            Result(
                verifierKey: identity.verifierKey, origin: identity.origin, profile: identity.profile.rawValue,
                algorithm: identity.profile.signatureAlgorithm.rawValue),
            text: identity.verifierKey)
    }
}
