import Foundation
import LedgerPresentation
import PropertyLedger

/// The acting officer's key, unlocked once per run: a command that records many entries (the scan loop, a
/// sweep) asks for the passphrase once.
actor OfficerSigners {
    static let shared = OfficerSigners()

    private var unlocked: [String: UnlockedKey] = [:]

    /// The signer for `badge`'s enrolled `key` in `store`: his login agent when one runs and holds the key,
    /// else his key file, unlocked with the passphrase from `passphraseFD` or the terminal.
    func signer(
        badge: String, key: EnrolledKey, store: LedgerStore, keyFile: String?, passphraseFD: Int32?, language: Language
    ) async throws -> any EntrySigner {
        if let known = unlocked[key.id] { return known }
        if passphraseFD == nil, let agent = try await onOwnThread({ AgentSigner(badge: badge, key: key) }) { return agent }
        return try await unlock(badge: badge, key: key, store: store, keyFile: keyFile, passphraseFD: passphraseFD, language: language)
    }

    /// `badge`'s key file, unlocked with the passphrase from `passphraseFD` or the terminal.
    func unlock(
        badge: String, key: EnrolledKey, store: LedgerStore, keyFile: String?, passphraseFD: Int32?, language: Language
    ) async throws -> UnlockedKey {
        if let known = unlocked[key.id] { return known }
        let path = OfficerKeyLocation.path(for: badge, option: keyFile)
        guard FileManager.default.fileExists(atPath: path) else { throw LedgerError(.notFound, .keyFileMissing(path)) }
        let prompt = Catalogue.officerKeys.passphrasePrompt.text(in: language, ["badge": badge, "path": path])
        let passphrase = try await Passphrase.read(fd: passphraseFD, badge: badge, prompt: prompt)
        let algorithm = key.algorithm
        let signer = try store.unlocked(try await onOwnThread { try KeyFile.unlock(path, passphrase: passphrase, as: algorithm) })
        guard signer.keyID == key.id else {
            throw LedgerError(.refused, .keyFileNotEnrolled(path, key: signer.keyID, enrolled: key.id))
        }
        unlocked[key.id] = signer
        return signer
    }
}
