import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger rebuild --check | --repair`: recomputes the projections from the log and reports any difference; with
/// `--repair`, also replaces the projections with the replay (the log is never touched).
struct RebuildCommand: LedgerCommand {
    static let spec = CommandSpec(
        "rebuild",
        summary: Wording(
            zh: "根据台账重新计算各投影表，并报告差异",
            en: "recompute the projections from the log and report any difference"),
        options: [
            .flag(
                "check",
                help: Wording(zh: "只作比较，不改动任何内容", en: "compare only, change nothing")),
            .flag(
                "repair",
                help: Wording(
                    zh: "有差异时在一个事务中用台账重放的结果替换投影表；台账本身不改动",
                    en: "where they differ, replace the projections with the log's replay in one transaction; the log is not touched")),
        ])

    let repairs: Bool

    init(parsing arguments: inout ArgumentReader) throws {
        let checks = arguments.flag("check")
        repairs = arguments.flag("repair")
        if checks && repairs { throw arguments.error(.rebuildCheckOrRepair) }
        guard checks || repairs else { throw arguments.error(.rebuildNeedsCheck) }
    }

    struct Result: Encodable {
        let ok: Bool
        /// `--repair` only: whether the projections were rewritten.
        let repaired: Bool?
        let differences: [Difference]
    }

    /// One difference: its reason for scripts, its words for people.
    struct Difference: Encodable {
        let reason: String
        let args: [String: String]
        let message: String
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        let words = Catalogue.rebuild
        guard repairs else {
            let differences = try await store.rebuildCheck()
            let described = describe(differences, in: context)
            try context.output.emit(
                Result(ok: differences.isEmpty, repaired: nil, differences: described),
                text: differences.isEmpty
                    ? words.identical.text(in: context.language)
                    : ([words.different.text(in: context.language)] + described.map { "  \($0.message)" }).joined(separator: "\n"))
            if let first = described.first {
                throw CommandFailure(status: .verificationFailed, reason: .rebuildCheckFailed(first.message), resultPrinted: true)
            }
            return
        }
        let repair = try await store.rebuildRepair()
        let described = describe(repair.differences, in: context)
        let heading = repair.differences.isEmpty ? words.identical : repair.isRepaired ? words.repaired : words.different
        try context.output.emit(
            Result(ok: repair.differences.isEmpty || repair.isRepaired, repaired: repair.isRepaired, differences: described),
            text: ([heading.text(in: context.language)] + described.map { "  \($0.message)" }).joined(separator: "\n"))
        // Not repaired though different: an entry the replay cannot read is why, and it is what to name.
        let unreadable = Set(["rebuild-entry-unreadable", "rebuild-entry-unknown"])
        if !repair.isRepaired, let first = described.first(where: { unreadable.contains($0.reason) }) ?? described.first {
            throw CommandFailure(status: .verificationFailed, reason: .rebuildRepairRefused(first.message), resultPrinted: true)
        }
    }

    private func describe(_ differences: [Reason], in context: CommandContext) -> [Difference] {
        differences.map { Difference(reason: $0.id, args: $0.arguments, message: context.words($0)) }
    }
}
