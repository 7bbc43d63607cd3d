import CommandLineSupport
import LedgerPresentation
import PropertyLedger
import Transfers

/// `ledger peer unfreeze NAME --reason TEXT`: a supervisor lets a frozen peer's checkpoints be accepted again
/// (``PeerUnfrozen``).
struct PeerUnfreezeCommand: LedgerCommand {
    static let spec = CommandSpec(
        "peer unfreeze", arguments: "NAME",
        summary: Wording(zh: "核查证据后解冻交换单位（审批领导）", en: "unfreeze a peer after looking into the evidence (a supervisor)"),
        writesEntry: true,
        options: [Option(name: "reason", value: "TEXT", help: Wording(zh: "核查结论", en: "what the review found"))])

    let name, reason: String

    init(parsing arguments: inout ArgumentReader) throws {
        name = try arguments.positional("NAME")
        reason = try arguments.required("reason")
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        let (name, reason) = (self.name, self.reason)
        let recorded = try await context.record(in: store) { rules in try PeerUnfrozen.decide(peer: name, reason: reason, in: rules) }
        let words = Catalogue.transferWords
        let text = (context.isDryRun ? words.wouldUnfreezePeer : words.peerUnfrozen).text(
            in: context.language, ["index": String(recorded.index), "name": try recorded.entry.payload(PeerUnfrozen.self).peer])
        try context.output.emit(ModuleEntryResult(recorded, isDryRun: context.isDryRun), text: text)
    }
}
