import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger
import Transfers

/// `ledger peer add NAME --key FILE [--witness-key FILE]`: a supervisor records another agency's log and its
/// witness (``PeerAdded``).
struct PeerAddCommand: LedgerCommand {
    static let spec = CommandSpec(
        "peer add", arguments: "NAME",
        summary: Wording(zh: "登记交换单位（检察院、法院等）的台账及其验证公钥", en: "record another agency's ledger and its verifier key"),
        writesEntry: true,
        options: [
            Option(
                name: "key", value: "FILE",
                help: Wording(
                    zh: "对方 ledger key 输出的验证公钥（文件，或 - 表示标准输入）", en: "the verifier key the peer's ledger key prints (a file, or - for stdin)"
                )),
            Option(
                name: "witness-key", value: "FILE",
                help: Wording(
                    zh: "对方 ledger witness key 输出的见证公钥（文件）；登记后对方的回执须附其对本台账检查点的有效联署",
                    en: "the witness key the peer's ledger witness key prints (a file); once recorded, its receipts must carry its valid "
                        + "cosignature of our checkpoint")),
        ],
        notes: [
            Wording(
                zh: "NAME：本单位对它的简称（小写字母、数字和 -），如 procuratorate。台账标识取自公钥，永久不变。须由审批领导办理。",
                en: "NAME: what we call it (lower-case letters, digits and -), e.g. procuratorate. The origin comes from the key and is "
                    + "its identity for good. A supervisor's.")
        ])

    let name, keyFile: String
    let witnessKeyFile: String?

    init(parsing arguments: inout ArgumentReader) throws {
        name = try arguments.positional("NAME")
        keyFile = try arguments.required("key")
        witnessKeyFile = arguments.take("witness-key")
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        let (name, key, witnessKey) = (self.name, try InputFile.text(keyFile), try witnessKeyFile.map(InputFile.text))
        let recorded = try await context.record(in: store) { rules in
            try PeerAdded.decide(name: name, keyText: key, witnessKeyText: witnessKey, in: rules)
        }
        let added = try recorded.entry.payload(PeerAdded.self)
        let words = Catalogue.transferWords
        let text = (context.isDryRun ? words.wouldAddPeer : words.peerAdded).text(
            in: context.language, ["index": String(recorded.index), "name": added.peer, "origin": added.origin])
        try context.output.emit(ModuleEntryResult(recorded, isDryRun: context.isDryRun), text: text)
    }
}
