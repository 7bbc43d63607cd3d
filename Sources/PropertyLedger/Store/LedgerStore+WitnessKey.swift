import Foundation

extension LedgerStore {
    /// This ledger's witness key (``StorePaths/witnessKey``), named `<origin>/witness`, of the log's profile
    /// (Ed25519, or SM2 in the gm profile); created on first use, whole or not at all, mode 0600.
    ///
    /// - Throws: ``LedgerError``: `private-key-exposed` (readable by others), `private-key-unreadable`,
    ///   `private-key-foreign` (a key of another name), or a file error creating it.
    public nonisolated func witnessSigner() throws -> CosignatureSigner {
        let path = paths.witnessKey
        if let existing = try Self.readWitnessKey(path, name: witnessName) { return existing }
        let created = try CosignatureSigner(name: witnessName, key: try SigningKey.generate(identity.profile.signatureAlgorithm))
        do {
            try DurableFile.createWhole(path, contents: Data((try created.text + "\n").utf8), mode: 0o600)
            return created
        } catch let error as LedgerError where error.code == .alreadyExists {
            // Another process created it first: use theirs.
            guard let theirs = try Self.readWitnessKey(path, name: witnessName) else { throw error }
            return theirs
        }
    }

    /// The witness key's name: the log's origin with `/witness`, a schema-less name as C2SP asks.
    public nonisolated var witnessName: String { identity.origin + "/witness" }

    private static func readWitnessKey(_ path: String, name: String) throws -> CosignatureSigner? {
        guard let text = try DurableFile.readText(path) else { return nil }
        let mode = try DurableFile.mode(of: path)
        guard mode & 0o077 == 0 else { throw LedgerError(.storeUnusable, .privateKeyExposed(path, mode: String(mode, radix: 8))) }
        let signer: CosignatureSigner
        do {
            signer = try CosignatureSigner(text: text)
        } catch {
            throw LedgerError(.invalidInput, .privateKeyUnreadable(path, detail: "\(error)"))
        }
        guard signer.name == name else { throw LedgerError(.invalidInput, .privateKeyForeign(path)) }
        return signer
    }
}
