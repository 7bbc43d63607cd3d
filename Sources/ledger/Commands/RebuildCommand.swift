import CommandLineSupport
import PropertyLedger

/// `ledger rebuild --check`: recomputes the projections from the log and reports any difference.
struct RebuildCommand: LedgerCommand {
    static let spec = CommandSpec(
        "rebuild", summary: "recompute the projections from the log and report any difference",
        options: [.flag("check", help: "compare only (required: projections are never rewritten in place)")])

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
