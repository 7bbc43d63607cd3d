import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger verify`: audits the whole log.
struct VerifyCommand: LedgerCommand {
    static let spec = CommandSpec(
        "verify",
        summary: Wording(
            zh: "校验整个台账：每条记录、每个树节点、每个检查点和每个签名",
            en: "audit the whole log: every entry, tree node, checkpoint and signature"),
        notes: [
            Wording(
                zh: "全部无误时退出状态为 0；否则为 1，并指出第一个出错的序号；台账无误，但台账库旁的检查点文件或私钥缺失"
                    + "或可被他人读取时为 8（列为警告）。",
                en: "Exits 0 when everything holds, 1 with the first bad index otherwise, 8 when the log holds but the "
                    + "checkpoint file or the private key beside the store is missing or exposed (printed as WARNING lines).")
        ])

    init() {}

    init(parsing arguments: inout ArgumentReader) throws {}

    struct Result: Encodable {
        struct Finding: Encodable {
            let index: Int64?
            let place, problem: String
        }
        let ok: Bool
        let size, nodesChecked: Int64
        let checkpointsChecked: Int
        /// Entries whose signature verified, and entries without one.
        let signaturesChecked, unsignedEntries: Int64
        let latestCheckpointSize: Int64?
        let firstBadIndex: Int64?
        let findingCount: Int
        let findings: [Finding]
        let warnings: [Finding]
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        let report = try await store.audit()
        let result = Result(
            ok: report.isIntact, size: report.size, nodesChecked: report.nodesChecked,
            checkpointsChecked: report.checkpointsChecked, signaturesChecked: report.signaturesChecked,
            unsignedEntries: report.unsignedEntries, latestCheckpointSize: report.latestCheckpointSize,
            firstBadIndex: report.firstBadIndex, findingCount: report.findingCount,
            findings: report.findings.map { .init(index: $0.index, place: context.words($0.subject), problem: context.words($0.reason)) },
            warnings: report.warnings.map { .init(index: nil, place: context.words($0.subject), problem: context.words($0.reason)) })
        let language = context.language
        let words = Catalogue.verify
        // A finding as one line: where, and what is wrong there, in the chosen language.
        let described = { (finding: AuditReport.Finding) in
            words.finding.text(in: language, ["place": context.words(finding.subject), "problem": context.words(finding.reason)])
        }
        let warnings = report.warnings.map { words.warning.text(in: language, ["finding": described($0)]) }
        if report.isIntact {
            let checkpoints =
                report.latestCheckpointSize.map {
                    words.checkpoints.text(count: report.checkpointsChecked, one: words.checkpoint, in: language, ["size": String($0)])
                } ?? words.noCheckpoints.text(in: language)
            var summary = words.intact.text(
                in: language,
                [
                    "entries": words.entries.text(count: report.size, one: words.entry, in: language),
                    "nodes": words.nodes.text(count: report.nodesChecked, one: words.node, in: language), "checkpoints": checkpoints,
                ])
            if report.signaturesChecked > 0 {
                summary += words.signatures.text(
                    in: language, ["signed": String(report.signaturesChecked), "unsigned": String(report.unsignedEntries)])
            }
            try context.output.emit(result, text: ([summary] + warnings).joined(separator: "\n"))
            if let first = report.warnings.first {
                throw CommandFailure(
                    status: .verifiedWithWarnings, reason: .verifiedWithWarnings(report.warnings.count),
                    details: [first.subject, first.reason], resultPrinted: true)
            }
            return
        }
        let failed = words.failed.text(
            in: language,
            [
                "problems": words.problems.text(count: report.findingCount, one: words.problem, in: language),
                "index": report.firstBadIndex.map(String.init) ?? words.noBadIndex.text(in: language),
            ])
        try context.output.emit(result, text: ([failed] + report.findings.map { "  " + described($0) } + warnings).joined(separator: "\n"))
        throw CommandFailure(
            status: .verificationFailed, reason: .verificationFailed(at: report.firstBadIndex),
            details: report.findings.first.map { [$0.subject, $0.reason] } ?? [], resultPrinted: true)
    }
}

/// "1 entry", "2 entries".
func counted<N: BinaryInteger>(_ count: N, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}
