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
        guard arguments.flag("check") else { throw arguments.error("`ledger rebuild` only checks: give --check") }
    }

    struct Result: Encodable {
        let ok: Bool
        let differences: [String]
    }

    func run(in context: CommandContext) async throws {
        let differences = try await context.openStore().rebuildCheck()
        try context.output.emit(
            Result(ok: differences.isEmpty, differences: differences),
            text: differences.isEmpty
                ? "OK: the projections are exactly what the log produces"
                : (["FAILED: the projections differ from the log:"] + differences.map { "  \($0)" }).joined(separator: "\n"))
        if !differences.isEmpty {
            throw CommandFailure(status: .verificationFailed, message: "rebuild check failed: \(differences[0])", resultPrinted: true)
        }
    }
}
