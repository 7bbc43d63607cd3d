import CommandLineSupport
import LedgerPresentation
import PropertyLedger

/// `ledger policy require-signatures --reason TEXT`: from this entry on every entry must be signed, by whoever
/// causes it — the switch for a log made before officers had keys, once they have them. It cannot be undone.
struct PolicyRequireSignaturesCommand: RecordingCommand {
    static let spec = CommandSpec(
        "policy require-signatures",
        summary: Wording(
            zh: "启用强制签名：自该条记录起，未签名的记录一律拒绝（不可撤销）",
            en: "require signatures: from this entry on, unsigned entries are refused (cannot be undone)"),
        writesEntry: true,
        options: [Option(name: "reason", value: "TEXT", help: Wording(zh: "原因（必填）", en: "why (required)"))],
        notes: [
            Wording(
                zh: "由已登记密钥的审批领导办理（该记录本身须签名）。此前的未签名记录照常通过校验；此后每名执行人都须先 ledger officer enroll。",
                en: "By a supervisor with an enrolled key (the entry itself is signed). Earlier unsigned entries still verify; from "
                    + "then on every actor needs a key (ledger officer enroll).")
        ])

    let custodyCommand: CustodyCommand

    init(parsing arguments: inout ArgumentReader) throws {
        custodyCommand = .requireSignatures(reason: try arguments.required("reason"))
    }
}
