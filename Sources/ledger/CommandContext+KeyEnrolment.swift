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
        let passphrase = try await newPassphrase(for: badge, fd: newPassphraseFD, confirmed: true)
        return try await enroll(key, as: enrolment, passphrase: passphrase, writingTo: path, in: store, signer: signer)
    }

    /// The same with the passphrase read already, writing the key to `path` — or, when `path` is nil, recording the
    /// enrolment of a key whose file is there already (``keyToEnroll(at:for:newPassphraseFD:in:)``), which is then
    /// left as it is if the entry is refused.
    func enroll(
        _ key: SigningKey, as enrolment: KeyEnrolment, passphrase: Data, writingTo path: String?, in store: LedgerStore,
        signer: (any EntrySigner)?
    ) async throws -> RecordedEntry {
        if let path { try await onOwnThread { try KeyFile.create(key, passphrase: passphrase, at: path) } }
        do {
            return try await store.record(.enrollKey(enrolment), actor: actor, signer: signer)
        } catch {
            if let path { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
    }

    /// The key a new enrolment writes to `path`, with its passphrase: a new key — or, when `path` holds a key file
    /// already, the key in it, and `inFile` true.
    ///
    /// A key file with no entry is what an enrolment leaves when it is killed (or the power fails) after it wrote the
    /// file and before it recorded the entry; `officer enroll` again then refused, "already exists", and the officer
    /// could not enrol until someone removed his key file by hand. Now running the command again finishes it: the
    /// file's key is enrolled — provided the new passphrase opens the file (it is the officer's) and the log has
    /// never enrolled that key (a revoked key is refused by the rules anyway). Anything else at `path` is left alone
    /// and the enrolment refused, as before (`file-exists`): it may be the holder's key of another ledger.
    func keyToEnroll(at path: String, for badge: String, newPassphraseFD: Int32?, in store: LedgerStore) async throws
        -> (key: SigningKey, passphrase: Data, inFile: Bool)
    {
        let algorithm = store.identity.profile.signatureAlgorithm
        guard FileManager.default.fileExists(atPath: path) else {
            let passphrase = try await newPassphrase(for: badge, fd: newPassphraseFD, confirmed: true)
            return (try SigningKey.generate(algorithm), passphrase, false)
        }
        let passphrase = try await newPassphrase(for: badge, fd: newPassphraseFD, confirmed: false)
        guard let key = try? await onOwnThread({ try KeyFile.unlock(path, passphrase: passphrase, as: algorithm) }),
            try await store.signingKey(try store.unlocked(key).keyID) == nil
        else { throw LedgerError(.alreadyExists, .fileExists(path)) }
        return (key, passphrase, true)
    }

    /// The new key's passphrase for `badge`, from `fd` or asked on the terminal (twice when `confirmed`).
    private func newPassphrase(for badge: String, fd: Int32?, confirmed: Bool) async throws -> Data {
        let words = Catalogue.officerKeys
        return try await Passphrase.read(
            fd: fd, badge: badge,
            prompt: words.newPassphrasePrompt.text(in: language, ["badge": badge, "minimum": String(SigningKey.minimumPassphraseLength)]),
            confirmation: confirmed ? words.confirmPrompt.text(in: language) : nil)
    }
}
