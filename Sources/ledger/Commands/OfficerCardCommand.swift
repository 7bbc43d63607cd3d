import CommandLineSupport
import DossierVault
import LedgerPresentation
import PropertyLedger

/// `ledger officer card BADGE UID`: binds a police IC card to an officer, so that a smart cabinet can identify
/// him by it (a clerk or a supervisor records it; an officer has one card, a new one replaces the old).
struct OfficerCardCommand: LedgerCommand {
    static let spec = CommandSpec(
        "officer card", arguments: "BADGE UID",
        summary: Wording(zh: "绑定警务卡：智能柜凭卡识别民警", en: "bind a police IC card to an officer, for the smart cabinets"),
        writesEntry: true,
        notes: [
            Wording(
                zh: "UID 为卡片的十六进制卡号（可含空格或冒号）。每名民警一张卡：绑定新卡即替换旧卡；已绑定给他人的卡不能再绑定。",
                en: "UID is the card's hex number (spaces or colons allowed). One card per officer: a new card replaces the old; "
                    + "a card bound to someone else cannot be bound.")
        ])

    let badge, card: String

    init(parsing arguments: inout ArgumentReader) throws {
        badge = try arguments.positional("BADGE")
        card = try arguments.positional("UID")
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openVaultStore()
        let (badge, card) = (self.badge, self.card)
        let recorded = try await context.record(in: store) { rules in try CardBound.decide(badge: badge, card: card, in: rules) }
        let binding = try recorded.entry.payload(CardBound.self)
        let people = People(try await store.officers())
        let words = Catalogue.cabinets
        let text = (context.isDryRun ? words.cardWouldBind : words.cardBound).text(
            in: context.language,
            ["index": String(recorded.index), "card": binding.card, "officer": people.name(binding.badge)])
        try context.output.emit(ModuleEntryResult(recorded, isDryRun: context.isDryRun), text: text)
    }
}
