import CommandLineSupport
import DossierVault
import LedgerPresentation
import PropertyLedger

/// `ledger finding resolve ID --note TEXT`: a supervisor closes a cabinet finding, saying what was found.
struct FindingResolveCommand: LedgerCommand {
    static let spec = CommandSpec(
        "finding resolve", arguments: "ID",
        summary: Wording(zh: "处理智能柜告警：写明核查结果后关闭", en: "close a cabinet finding, saying what was found"),
        writesEntry: true,
        options: [Option(name: "note", value: "TEXT", help: Wording(zh: "核查结果", en: "what the review found"))],
        notes: [
            Wording(
                zh: "须由审批领导办理。告警本身不会改变保管记录：若核查发现财物确已被取走，请另行登记相应的出库、移库或更正。",
                en: "A supervisor resolves it. A finding never changes custody: if the review finds the object really gone, record "
                    + "the check-out, move or correction that says so.")
        ])

    let finding, note: String

    init(parsing arguments: inout ArgumentReader) throws {
        finding = try arguments.positional("ID")
        note = try arguments.required("note")
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openVaultStore()
        let (finding, note) = (self.finding, self.note)
        let recorded = try await context.record(in: store) { rules in try FindingResolved.decide(finding, note: note, in: rules) }
        let resolved = try recorded.entry.payload(FindingResolved.self)
        let words = Catalogue.cabinets
        let text = (context.isDryRun ? words.wouldResolve : words.resolved).text(
            in: context.language, ["index": String(recorded.index), "finding": resolved.finding])
        try context.output.emit(ModuleEntryResult(recorded, isDryRun: context.isDryRun), text: text)
    }
}
