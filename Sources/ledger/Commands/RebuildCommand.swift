import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger rebuild --check`: recomputes the projections from the log and reports any difference.
struct RebuildCommand: LedgerCommand {
    static let spec = CommandSpec(
        "rebuild",
        summary: Wording(
            zh: "根据台账重新计算各投影表，并报告差异",
            en: "recompute the projections from the log and report any difference"),
        options: [
            .flag(
                "check",
                help: Wording(
                    zh: "只作比较（必须指定：投影表从不就地重写）",
                    en: "compare only (required: projections are never rewritten in place)"))
        ])

    init(parsing arguments: inout ArgumentReader) throws {
        guard arguments.flag("check") else { throw arguments.error(.rebuildNeedsCheck) }
    }

    struct Result: Encodable {
        let ok: Bool
        let differences: [Difference]
    }

    /// One difference: its reason for scripts, its words for people.
    struct Difference: Encodable {
        let reason: String
        let args: [String: String]
        let message: String
    }

    func run(in context: CommandContext) async throws {
        let differences = try await context.openStore().rebuildCheck()
        let words = Catalogue.rebuild
        let described = differences.map { Difference(reason: $0.id, args: $0.arguments, message: context.words($0)) }
        try context.output.emit(
            Result(ok: differences.isEmpty, differences: described),
            text: differences.isEmpty
                ? words.identical.text(in: context.language)
                : ([words.different.text(in: context.language)] + described.map { "  \($0.message)" }).joined(separator: "\n"))
        if let first = described.first {
            throw CommandFailure(status: .verificationFailed, reason: .rebuildCheckFailed(first.message), resultPrinted: true)
        }
    }
}
