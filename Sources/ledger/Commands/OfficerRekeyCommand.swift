import CommandLineSupport
import Foundation
import LedgerPresentation
import PropertyLedger

/// `ledger officer rekey BADGE`: the officer replaces his own key. The entry is signed with the old key
/// (`--passphrase-fd` or the terminal), which signs nothing after it; the new key replaces the old in his file.
struct OfficerRekeyCommand: LedgerCommand {
    static let spec = CommandSpec(
        "officer rekey", arguments: "BADGE",
        summary: Wording(
            zh: "警员本人更换签名密钥：由旧密钥签名，此后旧密钥失效",
            en: "an officer replaces his own signing key: signed with the old key, which then signs nothing more"),
        options: [CommandSpec.newPassphraseFDOption],
        notes: [
            Wording(
                zh: "执行人须为 BADGE 本人。遗失私钥或忘记口令时，由审批领导 officer revoke-key 吊销，再重新 officer enroll。",
                en: "The actor must be BADGE himself. A lost key or a forgotten passphrase: a supervisor revokes it with "
                    + "officer revoke-key, then officer enroll again.")
        ])

    let badge: String
    let newPassphraseFD: Int32?

    init(parsing arguments: inout ArgumentReader) throws {
        badge = try arguments.positional("BADGE").trimmingCharacters(in: .whitespaces)
        newPassphraseFD = try Passphrase.descriptor(arguments.take("new-passphrase-fd"))
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        guard let old = try await store.activeKey(of: .officer(badge)) else {
            throw LedgerError(.refused, .officerHasNoKey(badge: badge))
        }
        let path = OfficerKeyLocation.path(for: badge, option: context.actor == badge ? context.officerKey : nil)
        let signer = try await context.signer(in: store)
        let key = try SigningKey.generate(store.identity.profile.signatureAlgorithm)
        let enrolment = try KeyEnrolment.of(key, for: .officer(badge), in: store.identity, replacing: old.id)
        let new = try store.unlocked(key)
        // The new key is written beside the old first: the old file is replaced only once the log has the new key.
        let staged = path + ".new-\(getpid())"
        let recorded = try await context.enroll(
            key, as: enrolment, for: badge, newPassphraseFD: newPassphraseFD, writingTo: staged, in: store, signer: signer)
        try await onOwnThread { try KeyFile.install(staged, at: path) }
        let people = try await People.read(from: store)
        let text = Catalogue.officerKeys.rekeyed.text(
            in: context.language,
            ["officer": people.name(badge), "key": new.keyID, "index": String(recorded.index), "old": old.id, "path": path])
        try context.output.emit(try RecordedEntryResult(recorded, isDryRun: false), text: text)
    }
}
