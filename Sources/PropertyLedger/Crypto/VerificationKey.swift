internal import COpenSSL
public import Foundation

/// A public key that verifies checkpoint signatures.
///
/// `@unchecked Sendable`: the wrapped `EVP_PKEY` is immutable after creation and safe to share for verifying.
public final class VerificationKey: @unchecked Sendable {
    public let algorithm: SignatureAlgorithm
    /// The key as a DER SubjectPublicKeyInfo, the form `openssl pkeyutl -pubin -keyform DER` reads.
    public let subjectPublicKeyInfo: Data
    let key: OpaquePointer

    /// Loads a DER SubjectPublicKeyInfo and checks that it holds a key of `algorithm`.
    public init(algorithm: SignatureAlgorithm, subjectPublicKeyInfo: Data) throws {
        let key: OpaquePointer? = subjectPublicKeyInfo.withUnsafeBytes { bytes in
            var pointer = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
            return d2i_PUBKEY(nil, &pointer, bytes.count)
        }
        guard let key else { throw CryptoError.openSSL("decode-public-key") }
        guard EVP_PKEY_is_a(key, algorithm.openSSLKeyType) == 1 else {
            EVP_PKEY_free(key)
            throw CryptoError(Reason("public-key-wrong-type", ["type": algorithm.openSSLKeyType]))
        }
        self.algorithm = algorithm
        self.subjectPublicKeyInfo = subjectPublicKeyInfo
        self.key = key
    }

    /// An Ed25519 key from its 32 raw bytes.
    public convenience init(ed25519 raw: Data) throws {
        guard raw.count == 32 else { throw CryptoError(Reason("ed25519-public-key-wrong-size", ["bytes": String(raw.count)])) }
        // RFC 8410 SubjectPublicKeyInfo: a fixed 12-byte header, then the raw key.
        let header: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]
        try self.init(algorithm: .ed25519, subjectPublicKeyInfo: Data(header) + raw)
    }

    deinit { EVP_PKEY_free(key) }

    /// The raw 32-byte Ed25519 public key (C2SP key type 0x01 carries these bytes).
    public var rawEd25519: Data {
        get throws {
            guard algorithm == .ed25519 else { throw CryptoError(Reason("key-not-ed25519")) }
            var length = 32
            var raw = Data(count: 32)
            let ok = raw.withUnsafeMutableBytes { buffer in
                EVP_PKEY_get_raw_public_key(key, buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), &length)
            }
            guard ok == 1, length == 32 else { throw CryptoError.openSSL("read-ed25519-public-key") }
            return raw
        }
    }

    /// Whether `signature` is a valid signature of `message` by this key.
    ///
    /// Malformed signatures are simply invalid; only a failure to set up libcrypto throws.
    public func isValidSignature(_ signature: Data, for message: Data) throws -> Bool {
        try withDigestContext(for: key, algorithm: algorithm, verifying: true) { context in
            let result = signature.withUnsafeBytes { sig in
                message.withUnsafeBytes { msg in
                    EVP_DigestVerify(
                        context, sig.baseAddress?.assumingMemoryBound(to: UInt8.self), sig.count,
                        msg.baseAddress?.assumingMemoryBound(to: UInt8.self), msg.count)
                }
            }
            ERR_clear_error()
            return result == 1
        }
    }
}
