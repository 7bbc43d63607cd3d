import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger officer revoke-key BADGE --reason TEXT`: the officer's key signs nothing after this entry (a lost
/// key file, a forgotten passphrase, a suspected compromise). By a supervisor or the officer himself.
struct OfficerRevokeKeyCommand: LedgerCommand {
    static let spec = CommandSpec(
        "officer revoke-key", arguments: "BADGE",
        summary: Wording(
            zh: "吊销警员的签名密钥：此后该密钥不能再签名（遗失、忘记口令、疑似泄露）",
            en: "revoke an officer's signing key: it signs nothing after this (lost, passphrase forgotten, suspected compromise)"),
        writesEntry: true,
        options: [Option(name: "reason", value: "TEXT", help: Wording(zh: "吊销原因（必填）", en: "why (required)"))],
        notes: [
            Wording(
                zh: "智能柜的密钥写作 cabinet:CODE（如 cabinet:CAB-01），由审批领导吊销后可再 cabinet enroll。",
                en: "A smart cabinet's key is named cabinet:CODE (cabinet:CAB-01); a supervisor revokes it, then cabinet enroll again.")
        ])

    let badge: String
    let reason: String

    init(parsing arguments: inout ArgumentReader) throws {
        badge = try arguments.positional("BADGE").trimmingCharacters(in: .whitespaces)
        reason = try arguments.required("reason")
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        let holder = badge.hasPrefix("cabinet:") ? KeyHolder(badge) ?? .officer(badge) : .officer(badge)
        guard let key = try await store.activeKey(of: holder) else {
            throw LedgerError(.notFound, .officerHasNoKey(badge: badge))
        }
        let recorded = try await context.record(.revokeKey(key: key.id, reason: reason), in: store)
        let people = try await People.read(from: store)
        let result = try RecordedEntryResult(recorded, isDryRun: context.isDryRun)
        let text =
            context.isDryRun
            ? result.text(for: recorded, people: people, timeFormat: context.timeFormat(for: store))
            : Catalogue.officerKeys.revoked.text(
                in: context.language,
                ["officer": badge.hasPrefix("cabinet:") ? badge : people.name(badge), "key": key.id, "index": String(recorded.index)])
        try context.output.emit(result, text: text)
    }
}
