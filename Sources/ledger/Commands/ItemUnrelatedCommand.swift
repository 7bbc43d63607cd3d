import CommandLineSupport
import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger item unrelated OBJECT --reason TEXT`: a clerk or supervisor marks an item unrelated to its case, which
/// opens its `release-unrelated` deadline: returned to its owner within the policy's limit (MPS 2015: 3 days).
struct ItemUnrelatedCommand: LedgerCommand {
    static let spec = CommandSpec(
        "item unrelated", arguments: "OBJECT",
        summary: Wording(
            zh: "认定涉案财物与案件无关：须在时限内发还权利人",
            en: "mark an item unrelated to its case: return it to its owner in time"),
        writesEntry: true,
        options: [Option(name: "reason", value: "TEXT", help: Wording(zh: "认定无关的理由", en: "why it is unrelated"))],
        notes: [
            Wording(
                zh: "须由涉案财物管理员或审批领导办理；每件财物只能认定一次，案卷不能认定。发还期限（release-unrelated.limit，默认 3 天）"
                    + "自本条记录起算，直到该财物被处置。",
                en: "A clerk or a supervisor marks it, once; dossiers are never marked. The release deadline "
                    + "(release-unrelated.limit, 3 days by default) runs from the entry until the item is disposed of.")
        ])

    let reference, reason: String

    init(parsing arguments: inout ArgumentReader) throws {
        reference = try arguments.object()
        reason = try arguments.required("reason")
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openVaultStore()
        let (reference, reason) = (self.reference, self.reason)
        let recorded = try await context.record(in: store) { rules in try ItemUnrelated.decide(reference, reason: reason, in: rules) }
        let mark = try recorded.entry.payload(ItemUnrelated.self)
        // The deadline as it runs from this entry, under the policy in force at its time.
        let at = Timestamp.storedDate(recorded.entry.at) ?? Date()
        let limit = try await store.read { snapshot in try DossierVault.policy(in: snapshot, at: at).releaseUnrelatedLimit }
        let timeFormat = context.timeFormat(for: store)
        let words = Catalogue.itemUnrelated
        let text = (context.isDryRun ? words.wouldRecord : words.recorded).text(
            in: context.language,
            ["index": String(recorded.index), "object": mark.object, "due": timeFormat.string(at.addingTimeInterval(limit))])
        try context.output.emit(ModuleEntryResult(recorded, isDryRun: context.isDryRun), text: text)
    }
}
