import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger approve checkout OBJECT --to BADGE --reason R --due TIME --out FILE`: the supervisor (`--actor`)
/// signs his approval of exactly this check-out, valid for a while and usable once, into a file the clerk then
/// gives to `ledger checkout … --approval FILE`. Nothing is written to the log.
struct ApproveCheckoutCommand: LedgerCommand {
    static let spec = CommandSpec(
        "approve checkout", arguments: "OBJECT",
        summary: Wording(
            zh: "审批领导签发出库审批文件（只对该财物、领用人、事由和期限有效，限用一次）",
            en: "a supervisor signs an approval file for one check-out (this object, recipient, reason and due time; usable once)"),
        options: [
            Option(name: "to", value: "BADGE", help: Wording(zh: "领用民警的警号", en: "the officer who takes it")),
            .choice("reason", CheckoutReason.self, help: Wording(zh: "出库事由", en: "why")),
            Option(name: "due", value: "TIME", help: Wording(zh: "归还期限（见下文 TIME）", en: "when it is due back (see TIME below)")),
            Option(
                name: "valid", value: "DURATION",
                help: Wording(
                    zh: "审批的有效期：如 90m、8h、2d（默认 24h，最长 7d）", en: "how long the approval may be used: 90m, 8h, 2d (default 24h, at most 7d)")),
            Option(name: "out", value: "FILE", help: Wording(zh: "审批文件写到这里", en: "where to write the approval file")),
        ],
        notes: [
            Wording(
                zh: "--actor 为审批领导本人，用其私钥签名（--passphrase-fd 或终端口令）。出库时 --approved-by 须为同一人，OBJECT、--to、"
                    + "--reason、--due 须与审批一致。",
                en: "--actor is the approving supervisor, who signs with his key (--passphrase-fd or the terminal). The check-out must "
                    + "name him in --approved-by, and OBJECT, --to, --reason and --due must be the approval's.")
        ] + CommandSpec.timeNotes)

    let object, recipient, out: String
    let reason: CheckoutReason
    let due: TypedTime
    let validity: TimeInterval

    init(parsing arguments: inout ArgumentReader) throws {
        guard let due = try arguments.time("due") else { throw arguments.error(.optionMissing("--due")) }
        self.due = due
        object = try arguments.object()
        recipient = try arguments.required("to")
        reason = try arguments.requiredChoice("reason", CheckoutReason.self)
        out = try arguments.required("out")
        let valid = arguments.take("valid") ?? "24h"
        guard let seconds = Self.duration(valid), seconds > 0, seconds <= 7 * 86_400 else {
            throw arguments.error(.approvalValidityInvalid(valid))
        }
        validity = seconds
    }

    /// `90m`, `8h`, `2d` in seconds.
    static func duration(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let count = Int(text.dropLast()), count > 0 else { return nil }
        switch unit {
        case "m": return TimeInterval(count * 60)
        case "h": return TimeInterval(count * 3600)
        case "d": return TimeInterval(count * 86_400)
        default: return nil
        }
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        guard let approver = context.actor?.trimmingCharacters(in: .whitespaces), !approver.isEmpty else {
            throw LedgerError(.refused, Reason("actor-required", ["action": "approve"]))
        }
        guard let key = try await store.activeKey(of: .officer(approver)) else {
            throw LedgerError(.refused, .officerHasNoKey(badge: approver))
        }
        let signer = try await OfficerSigners.shared.signer(
            badge: approver, key: key, store: store, keyFile: context.officerKey, passphraseFD: context.passphraseFD,
            language: context.language)
        let due = self.due.date(in: store.identity.agency.timeZone)
        let terms = [
            "object": try await store.resolve(object),
            "to": recipient.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces), "reason": reason.rawValue,
            "due": Timestamp.string(due),
        ]
        let statement = try ApprovalStatement(
            origin: store.identity.origin, action: .checkout, terms: terms, approver: approver, expires: Date().addingTimeInterval(validity)
        )
        let approval = try SignedApproval.signing(statement, with: signer)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try OutputFile.write(String(decoding: try encoder.encode(approval), as: UTF8.self) + "\n", to: out)
        let people = try await People.read(from: store)
        let timeFormat = context.timeFormat(for: store)
        let text = Catalogue.officerKeys.approvalWritten.text(
            in: context.language,
            [
                "path": out, "object": terms["object"] ?? "", "recipient": people.name(terms["to"] ?? ""),
                "due": timeFormat.string(stored: terms["due"] ?? ""), "expires": timeFormat.string(stored: statement.expires),
            ])
        try context.output.emit(ApprovalFileResult(path: out, approval: approval, expires: statement.expires), text: text)
    }

    struct ApprovalFileResult: Encodable {
        let path: String
        let approval: SignedApproval
        let expires: String
    }
}
