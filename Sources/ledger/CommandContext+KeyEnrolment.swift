import Foundation
import LedgerPresentation
import PropertyLedger

extension CommandContext {
    /// Asks `badge` for the new key's passphrase (twice on a terminal, or once from `newPassphraseFD`), writes the
    /// key encrypted to `path` (which must not exist) and records `enrolment`, signed by `signer`. When the
    /// entry is refused the file is removed: it would hold a key the log does not know.
    func enroll(
        _ key: SigningKey, as enrolment: KeyEnrolment, for badge: String, newPassphraseFD: Int32?, writingTo path: String,
        in store: LedgerStore, signer: (any EntrySigner)?
    ) async throws -> RecordedEntry {
        let words = Catalogue.officerKeys
        let passphrase = try await Passphrase.read(
            fd: newPassphraseFD, badge: badge,
            prompt: words.newPassphrasePrompt.text(in: language, ["badge": badge, "minimum": String(SigningKey.minimumPassphraseLength)]),
            confirmation: words.confirmPrompt.text(in: language))
        try await onOwnThread { try KeyFile.create(key, passphrase: passphrase, at: path) }
        do {
            return try await store.record(.enrollKey(enrolment), actor: actor, signer: signer)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }
}
