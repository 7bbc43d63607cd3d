import CommandLineSupport
import LedgerPresentation
import PropertyLedger
import Transfers

/// `ledger peer witness-key NAME --key FILE`: a supervisor records, or replaces, the key a peer's witness cosigns
/// our checkpoints with (``PeerWitnessKey``).
struct PeerWitnessKeyCommand: LedgerCommand {
    static let spec = CommandSpec(
        "peer witness-key", arguments: "NAME",
        summary: Wording(zh: "登记或更换交换单位的见证公钥（审批领导）", en: "record or replace a peer's witness key (a supervisor)"),
        writesEntry: true,
        options: [
            Option(
                name: "key", value: "FILE",
                help: Wording(
                    zh: "对方 ledger witness key 输出的见证公钥（文件，或 - 表示标准输入）",
                    en: "the witness key the peer's ledger witness key prints (a file, or - for stdin)"))
        ],
        notes: [
            Wording(
                zh: "登记后，该单位的回执须附其对本台账检查点的有效联署，否则 transfer close 拒绝。",
                en: "From then on transfer close refuses a receipt of that peer without its valid cosignature of our checkpoint.")
        ])

    let name, keyFile: String

    init(parsing arguments: inout ArgumentReader) throws {
        name = try arguments.positional("NAME")
        keyFile = try arguments.required("key")
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        let (name, key) = (self.name, try InputFile.text(keyFile))
        let recorded = try await context.record(in: store) { rules in try PeerWitnessKey.decide(peer: name, keyText: key, in: rules) }
        let words = Catalogue.transferWords
        let text = (context.isDryRun ? words.wouldRecordWitnessKey : words.witnessKeyRecorded).text(
            in: context.language, ["index": String(recorded.index), "name": try recorded.entry.payload(PeerWitnessKey.self).peer])
        try context.output.emit(ModuleEntryResult(recorded, isDryRun: context.isDryRun), text: text)
    }
}
