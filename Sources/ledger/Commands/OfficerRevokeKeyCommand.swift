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
        options: [Option(name: "reason", value: "TEXT", help: Wording(zh: "吊销原因（必填）", en: "why (required)"))])

    let badge: String
    let reason: String

    init(parsing arguments: inout ArgumentReader) throws {
        badge = try arguments.positional("BADGE").trimmingCharacters(in: .whitespaces)
        reason = try arguments.required("reason")
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        guard let key = try await store.activeKey(of: .officer(badge)) else {
            throw LedgerError(.notFound, .officerHasNoKey(badge: badge))
        }
        let recorded = try await context.record(.revokeKey(key: key.id, reason: reason), in: store)
        let people = try await People.read(from: store)
        let result = try RecordedEntryResult(recorded, isDryRun: context.isDryRun)
        let text =
            context.isDryRun
            ? result.text(for: recorded, people: people, timeFormat: context.timeFormat(for: store))
            : Catalogue.officerKeys.revoked.text(
                in: context.language, ["officer": people.name(badge), "key": key.id, "index": String(recorded.index)])
        try context.output.emit(result, text: text)
    }
}
