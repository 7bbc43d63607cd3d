internal import COpenSSL
public import Foundation

/// A private key that signs checkpoints.
///
/// `@unchecked Sendable`: the wrapped `EVP_PKEY` is never mutated after creation, and OpenSSL allows one key
/// to be used by several threads at once for signing; each call makes its own contexts.
public final class SigningKey: @unchecked Sendable {
    public let algorithm: SignatureAlgorithm
    let key: OpaquePointer

    private init(algorithm: SignatureAlgorithm, key: OpaquePointer) {
        self.algorithm = algorithm
        self.key = key
    }

    /// Takes ownership of `key`, which must be of `algorithm`.
    convenience init(wrapping key: OpaquePointer, algorithm: SignatureAlgorithm) {
        self.init(algorithm: algorithm, key: key)
    }

    deinit { EVP_PKEY_free(key) }

    /// Generates a fresh key pair from the system's random generator.
    public static func generate(_ algorithm: SignatureAlgorithm) throws -> SigningKey {
        guard let context = EVP_PKEY_CTX_new_from_name(nil, algorithm.openSSLKeyType, nil) else {
            throw unsupported(algorithm)
        }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_generate(context, &key) == 1, let key else {
            throw CryptoError.openSSL("generate-key")
        }
        return SigningKey(algorithm: algorithm, key: key)
    }

    /// An Ed25519 key from its 32-byte seed (RFC 8032 private key).
    public static func ed25519(seed: Data) throws -> SigningKey {
        guard seed.count == 32 else { throw CryptoError(Reason("ed25519-seed-wrong-size", ["bytes": String(seed.count)])) }
        let key = seed.withUnsafeBytes { bytes in
            EVP_PKEY_new_raw_private_key_ex(nil, "ED25519", nil, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), 32)
        }
        guard let key else { throw CryptoError.openSSL("load-ed25519-seed") }
        return SigningKey(algorithm: .ed25519, key: key)
    }

    /// An SM2 key from its DER encoding (as written by ``derEncoding``).
    public static func sm2(der: Data) throws -> SigningKey {
        let key: OpaquePointer? = der.withUnsafeBytes { bytes in
            var pointer = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
            return d2i_AutoPrivateKey(nil, &pointer, bytes.count)
        }
        guard let key else { throw CryptoError.openSSL("decode-sm2-private-key") }
        // An EC key on another curve would sign with ECDSA: accept only keys libcrypto treats as SM2.
        guard EVP_PKEY_is_a(key, "SM2") == 1 else {
            EVP_PKEY_free(key)
            throw CryptoError(Reason("private-key-not-sm2"))
        }
        return SigningKey(algorithm: .sm2, key: key)
    }

    /// The private key's portable encoding: the 32-byte seed for Ed25519, DER for SM2.
    public var privateEncoding: Data {
        get throws {
            switch algorithm {
            case .ed25519:
                var length = 32
                var seed = Data(count: 32)
                let ok = seed.withUnsafeMutableBytes { buffer in
                    EVP_PKEY_get_raw_private_key(key, buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), &length)
                }
                guard ok == 1, length == 32 else { throw CryptoError.openSSL("read-ed25519-seed") }
                return seed
            case .sm2:
                var buffer: UnsafeMutablePointer<UInt8>?
                let length = i2d_PrivateKey(key, &buffer)
                guard length > 0, let buffer else { throw CryptoError.openSSL("encode-sm2-private-key") }
                defer { CRYPTO_free(buffer, #fileID, #line) }
                return Data(bytes: buffer, count: Int(length))
            }
        }
    }

    /// The matching public key.
    public var publicKey: VerificationKey {
        get throws {
            var buffer: UnsafeMutablePointer<UInt8>?
            let length = i2d_PUBKEY(key, &buffer)
            guard length > 0, let buffer else { throw CryptoError.openSSL("encode-public-key") }
            defer { CRYPTO_free(buffer, #fileID, #line) }
            return try VerificationKey(algorithm: algorithm, subjectPublicKeyInfo: Data(bytes: buffer, count: Int(length)))
        }
    }

    /// Signs `message`: pure Ed25519, or SM2 with SM3 and the standard distinguishing ID.
    public func sign(_ message: Data) throws -> Data {
        try withDigestContext(for: key, algorithm: algorithm, verifying: false) { context in
            try message.withUnsafeBytes { bytes -> Data in
                let input = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
                var length = 0
                guard EVP_DigestSign(context, nil, &length, input, bytes.count) == 1 else {
                    throw CryptoError.openSSL("sign")
                }
                var signature = Data(count: length)
                let ok = signature.withUnsafeMutableBytes { out in
                    EVP_DigestSign(context, out.baseAddress?.assumingMemoryBound(to: UInt8.self), &length, input, bytes.count)
                }
                guard ok == 1 else { throw CryptoError.openSSL("sign") }
                return signature.prefix(length)
            }
        }
    }

    static func unsupported(_ algorithm: SignatureAlgorithm) -> CryptoError {
        CryptoError.unavailable(algorithm.openSSLKeyType, isSM: algorithm == .sm2)
    }
}

/// Runs `body` with a digest-sign or digest-verify context set up for `key`.
///
/// For SM2 the distinguishing ID must be set on the key context *before* the digest init: OpenSSL 3.0 rejects
/// it as an init parameter, and without it uses an empty ID.
func withDigestContext<R>(
    for key: OpaquePointer, algorithm: SignatureAlgorithm, verifying: Bool, _ body: (OpaquePointer) throws -> R
) throws -> R {
    guard let context = EVP_MD_CTX_new() else { throw CryptoError.openSSL("allocate-signature-context") }
    defer { EVP_MD_CTX_free(context) }
    var keyContext: OpaquePointer?
    // The digest context does not own a key context installed with EVP_MD_CTX_set_pkey_ctx: free it after.
    defer { EVP_PKEY_CTX_free(keyContext) }
    let digestName: String?
    switch algorithm {
    case .ed25519:
        digestName = nil
    case .sm2:
        digestName = "SM3"
        guard let created = EVP_PKEY_CTX_new_from_pkey(nil, key, nil) else {
            throw CryptoError.openSSL("allocate-sm2-context")
        }
        keyContext = created
        let id = SignatureAlgorithm.sm2DistinguishingID
        guard EVP_PKEY_CTX_set1_id(created, id, Int32(id.count)) == 1 else {
            throw CryptoError.openSSL("set-sm2-id")
        }
        EVP_MD_CTX_set_pkey_ctx(context, created)
    }
    let ok =
        verifying
        ? EVP_DigestVerifyInit_ex(context, nil, digestName, nil, nil, key, nil)
        : EVP_DigestSignInit_ex(context, nil, digestName, nil, nil, key, nil)
    guard ok == 1 else { throw CryptoError.openSSL(verifying ? "start-verification" : "start-signature") }
    return try body(context)
}
