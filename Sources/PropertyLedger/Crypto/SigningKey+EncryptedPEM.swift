internal import COpenSSL
public import Foundation

/// An officer's private key at rest: encrypted PKCS#8 (RFC 5958, PBES2) in PEM, the form `openssl pkey`
/// reads. The key is derived from the passphrase with scrypt and encrypts with SM4-CBC (SM2 keys) or
/// AES-256-CBC (Ed25519 keys).
extension SigningKey {
    /// scrypt's cost: N = 2^14, r = 8, p = 1, the paper's setting for interactive logins (16 MiB, about 50 ms
    /// here) and within the 32 MiB libcrypto allows a PKCS#8 decryption by default, so `openssl pkey` reads
    /// the file too.
    static let scryptCost: (n: UInt64, r: UInt64, p: UInt64) = (1 << 14, 8, 1)

    /// The shortest passphrase accepted for a new key file.
    public static let minimumPassphraseLength = 10

    /// The key, encrypted under `passphrase`, as a PEM `ENCRYPTED PRIVATE KEY` block.
    public func encryptedPEM(passphrase: Data) throws -> String {
        guard passphrase.count >= Self.minimumPassphraseLength else {
            throw CryptoError(Reason("passphrase-too-short", ["minimum": String(Self.minimumPassphraseLength)]))
        }
        let cipher = algorithm == .sm2 ? EVP_sm4_cbc() : EVP_aes_256_cbc()
        var salt = [UInt8](repeating: 0, count: 16)
        guard RAND_bytes(&salt, Int32(salt.count)) == 1 else { throw CryptoError.openSSL("random-salt") }
        let cost = Self.scryptCost
        // A nil IV: libcrypto draws a random one.
        guard let parameters = PKCS5_pbe2_set_scrypt(cipher, salt, Int32(salt.count), nil, cost.n, cost.r, cost.p) else {
            throw CryptoError.openSSL("set-key-encryption")
        }
        guard let info = EVP_PKEY2PKCS8(key) else {
            X509_ALGOR_free(parameters)
            throw CryptoError.openSSL("encode-private-key")
        }
        defer { PKCS8_PRIV_KEY_INFO_free(info) }
        let encrypted = passphrase.withUnsafeBytes { bytes in
            PKCS8_set0_pbe(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), info, parameters)
        }
        guard let encrypted else {
            X509_ALGOR_free(parameters)
            throw CryptoError.openSSL("encrypt-private-key")
        }
        defer { X509_SIG_free(encrypted) }
        guard let bio = BIO_new(BIO_s_mem()) else { throw CryptoError.openSSL("allocate-buffer") }
        defer { BIO_free(bio) }
        guard PEM_write_bio_PKCS8(bio, encrypted) == 1 else { throw CryptoError.openSSL("write-private-key") }
        var start: UnsafeMutablePointer<CChar>?
        let length = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &start)
        guard length > 0, let start else { throw CryptoError.openSSL("write-private-key") }
        return String(decoding: UnsafeRawBufferPointer(start: start, count: length), as: UTF8.self)
    }

    /// The key in `pem` (as ``encryptedPEM(passphrase:)`` writes it), decrypted with `passphrase`.
    ///
    /// - Throws: ``CryptoError``: `key-file-not-encrypted-pkcs8` for anything but an encrypted PKCS#8 block,
    ///   `passphrase-wrong` when it does not decrypt, `private-key-wrong-type` for a key of another algorithm.
    public static func decrypting(pem: String, passphrase: Data, as algorithm: SignatureAlgorithm) throws -> SigningKey {
        let text = Data(pem.utf8)
        let encrypted: OpaquePointer? = text.withUnsafeBytes { bytes in
            guard let bio = BIO_new_mem_buf(bytes.baseAddress, Int32(bytes.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_PKCS8(bio, nil, nil, nil)
        }
        guard let encrypted else {
            ERR_clear_error()
            throw CryptoError(Reason("key-file-not-encrypted-pkcs8"))
        }
        defer { X509_SIG_free(encrypted) }
        let info = passphrase.withUnsafeBytes { bytes in
            PKCS8_decrypt(encrypted, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
        }
        guard let info else {
            ERR_clear_error()
            throw CryptoError(Reason("passphrase-wrong"))
        }
        defer { PKCS8_PRIV_KEY_INFO_free(info) }
        guard let key = EVP_PKCS82PKEY(info) else { throw CryptoError.openSSL("decode-private-key") }
        // An EC key on another curve would sign with ECDSA: only what libcrypto treats as the algorithm.
        guard EVP_PKEY_is_a(key, algorithm.openSSLKeyType) == 1 else {
            EVP_PKEY_free(key)
            throw CryptoError(Reason("private-key-wrong-type", ["type": algorithm.openSSLKeyType]))
        }
        return SigningKey(wrapping: key, algorithm: algorithm)
    }
}
