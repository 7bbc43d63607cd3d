public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// An officer's (or device's) private key file: encrypted PKCS#8 PEM (``SigningKey/encryptedPEM(passphrase:)``),
/// mode 0600, owned by its holder, in a directory only he can enter. It is useless without the passphrase.
public enum KeyFile {
    /// Writes `key` encrypted under `passphrase` to `path`, which must not exist; its directory is made (0700) if
    /// needed. Durable when it returns, and whole or absent even if the process is killed meanwhile: it is written
    /// under a temporary name and linked into place (a key file cut short would block enrolling again — the file
    /// exists, and no passphrase opens it).
    public static func create(_ key: SigningKey, passphrase: Data, at path: String) throws {
        let pem = try key.encryptedPEM(passphrase: passphrase)
        let directory = directoryPath(of: path)
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        try DurableFile.createWhole(path, contents: Data(pem.utf8), mode: 0o600)
    }

    /// Replaces the key file at `path` with `key` (a rekey), atomically.
    public static func replace(_ key: SigningKey, passphrase: Data, at path: String) throws {
        let pem = try key.encryptedPEM(passphrase: passphrase)
        try DurableFile.replace(path, contents: Data(pem.utf8), mode: 0o600)
    }

    /// Puts the key file `staged` (written by ``create(_:passphrase:at:)``) in the place of `path`, atomically:
    /// a rekey replaces the old file only once the log holds the new key.
    public static func install(_ staged: String, at path: String) throws {
        try DurableFile.rename(staged, over: path)
    }

    /// The key in the file at `path`, decrypted with `passphrase`.
    ///
    /// - Throws: ``LedgerError``: `key-file-missing` (not found) when there is no file, `key-file-exposed`
    ///   (refused) when others than its owner may read it or it is not the caller's; ``CryptoError`` when it
    ///   does not decrypt.
    public static func unlock(_ path: String, passphrase: Data, as algorithm: SignatureAlgorithm) throws -> SigningKey {
        var status = stat()
        guard stat(path, &status) == 0 else { throw LedgerError(.notFound, .keyFileMissing(path)) }
        guard status.st_mode & 0o077 == 0, status.st_uid == geteuid() else {
            throw LedgerError(.refused, .keyFileExposed(path, mode: String(status.st_mode & 0o777, radix: 8)))
        }
        guard let text = try DurableFile.readText(path) else { throw LedgerError(.notFound, .keyFileMissing(path)) }
        return try SigningKey.decrypting(pem: text, passphrase: passphrase, as: algorithm)
    }
}
