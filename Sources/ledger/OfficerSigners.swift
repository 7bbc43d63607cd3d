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
        let signer: UnlockedKey
        do {
            let opened = try store.unlocked(try await onOwnThread { try KeyFile.unlock(path, passphrase: passphrase, as: algorithm) })
            guard opened.keyID == key.id else {
                throw LedgerError(.refused, .keyFileNotEnrolled(path, key: opened.keyID, enrolled: key.id))
            }
            signer = opened
        } catch {
            guard let staged = try await Self.installStaged(beside: path, passphrase: passphrase, key: key, store: store) else {
                throw error
            }
            signer = staged
        }
        unlocked[key.id] = signer
        return signer
    }

    /// The enrolled `key` from a file `officer rekey` staged beside `path` (`PATH.new-PID`), put in `path`'s place.
    ///
    /// A rekey writes the new key there, records it, and only then replaces the old file. Killed in between, it left
    /// the log with the new key and `path` with the old one: the officer could sign with neither passphrase (the old
    /// one opens a key the log no longer has; the new one does not open the file), and rekeying again needs a signature.
    /// Now his new passphrase finds the staged file, whose key is the one the log has, and finishes the rekey.
    private static func installStaged(beside path: String, passphrase: Data, key: EnrolledKey, store: LedgerStore) async throws
        -> UnlockedKey?
    {
        let directory = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".new-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        for name in names.sorted() where name.hasPrefix(prefix) && name.dropFirst(prefix.count).allSatisfy(\.isNumber) {
            let staged = directory.isEmpty ? name : directory + "/" + name
            let algorithm = key.algorithm
            guard let opened = try? await onOwnThread({ try KeyFile.unlock(staged, passphrase: passphrase, as: algorithm) }),
                let unlocked = try? store.unlocked(opened), unlocked.keyID == key.id
            else { continue }
            try await onOwnThread { try KeyFile.install(staged, at: path) }
            return unlocked
        }
        return nil
    }
}
