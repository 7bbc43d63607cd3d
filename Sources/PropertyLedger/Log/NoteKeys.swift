import Foundation

/// How a signed-note key names its algorithm: the C2SP key-type byte and, for SM2, a tag.
///
/// C2SP assigns 0x01 to Ed25519. No type exists for SM2, so we use the private-use type 0xFF followed by
/// the tag `sm2sig_sm3`, and carry the public key as a DER SubjectPublicKeyInfo.
enum NoteKeyType {
    static let ed25519: UInt8 = 0x01
    static let privateUse: UInt8 = 0xFF
    static let sm2Tag = Data("sm2sig_sm3".utf8)

    /// The bytes that identify a public key inside verifier text and the key ID.
    static func encode(_ key: VerificationKey) throws -> Data {
        switch key.algorithm {
        case .ed25519: Data([ed25519]) + (try key.rawEd25519)
        case .sm2: Data([privateUse]) + sm2Tag + key.subjectPublicKeyInfo
        }
    }

    static func decodePublic(_ bytes: Data) throws -> VerificationKey {
        guard let type = bytes.first else { throw NoteFormatError(Reason("key-empty")) }
        let rest = bytes.dropFirst()
        switch type {
        case ed25519:
            return try VerificationKey(ed25519: Data(rest))
        case privateUse where rest.starts(with: sm2Tag):
            return try VerificationKey(algorithm: .sm2, subjectPublicKeyInfo: Data(rest.dropFirst(sm2Tag.count)))
        default:
            throw NoteFormatError(Reason("key-type-unsupported", ["type": "0x\(String(type, radix: 16))"]))
        }
    }

    /// The key ID: the first 4 bytes of SHA-256(name ‖ "\n" ‖ key type ‖ public key), big-endian.
    static func keyID(name: String, encodedKey: Data) throws -> UInt32 {
        let digest = try HashAlgorithm.sha256.hash(Data(name.utf8) + Data([0x0A]) + encodedKey)
        return digest.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// A key name is non-empty and holds no Unicode spaces and no `+`.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains { $0 == "+" || $0.properties.isWhitespace || $0.value < 0x20 }
    }
}

/// A public key in C2SP verifier-key text: `<name>+<hex key ID>+<base64(key type ‖ public key)>`.
public struct NoteVerifier: Sendable {
    public let name: String
    public let keyID: UInt32
    public let key: VerificationKey

    public init(name: String, key: VerificationKey) throws {
        guard NoteKeyType.isValidName(name) else { throw NoteFormatError(Reason("key-name-invalid", ["name": name])) }
        self.name = name
        self.key = key
        self.keyID = try NoteKeyType.keyID(name: name, encodedKey: NoteKeyType.encode(key))
    }

    /// Parses verifier-key text, checking that the key ID matches the name and key.
    public init(text: String) throws {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // Base64 may itself contain '+': split on the first two only.
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw NoteFormatError(Reason("verifier-key-malformed")) }
        let name = String(parts[0])
        guard parts[1].count == 8, let keyID = UInt32(parts[1], radix: 16) else {
            throw NoteFormatError(Reason("verifier-key-id-malformed", ["id": String(parts[1])]))
        }
        guard let encoded = Data(base64Encoded: String(parts[2])) else {
            throw NoteFormatError(Reason("verifier-key-not-base64"))
        }
        let key = try NoteKeyType.decodePublic(encoded)
        try self.init(name: name, key: key)
        guard self.keyID == keyID else {
            throw NoteFormatError(Reason("verifier-key-id-mismatch", ["id": String(parts[1])]))
        }
    }

    public var text: String {
        get throws {
            let encoded = try NoteKeyType.encode(key)
            return "\(name)+\(hexKeyID(keyID))+\(encoded.base64EncodedString())"
        }
    }

    /// Whether `signature` (the signature line's bytes after the key ID) signs `message` under this key.
    func isValid(_ signature: Data, for message: Data) throws -> Bool {
        try key.isValidSignature(signature, for: message)
    }
}

/// A private key in C2SP private-key text: `PRIVATE+KEY+<name>+<hex key ID>+<base64(key type ‖ private key)>`.
///
/// For Ed25519 the private key is the 32-byte seed (C2SP); for SM2 it is DER, after the SM2 tag.
public struct NoteSigner: Sendable {
    public let name: String
    public let keyID: UInt32
    public let key: SigningKey

    public init(name: String, key: SigningKey) throws {
        guard NoteKeyType.isValidName(name) else { throw NoteFormatError(Reason("key-name-invalid", ["name": name])) }
        self.name = name
        self.key = key
        self.keyID = try NoteKeyType.keyID(name: name, encodedKey: NoteKeyType.encode(key.publicKey))
    }

    public init(text: String) throws {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = text.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY" else {
            throw NoteFormatError(Reason("private-key-malformed"))
        }
        guard parts[3].count == 8, let keyID = UInt32(parts[3], radix: 16) else {
            throw NoteFormatError(Reason("private-key-id-malformed", ["id": String(parts[3])]))
        }
        guard let encoded = Data(base64Encoded: String(parts[4])), let type = encoded.first else {
            throw NoteFormatError(Reason("private-key-not-base64"))
        }
        let rest = encoded.dropFirst()
        let key: SigningKey
        switch type {
        case NoteKeyType.ed25519:
            key = try SigningKey.ed25519(seed: Data(rest))
        case NoteKeyType.privateUse where rest.starts(with: NoteKeyType.sm2Tag):
            key = try SigningKey.sm2(der: Data(rest.dropFirst(NoteKeyType.sm2Tag.count)))
        default:
            throw NoteFormatError(Reason("private-key-type-unsupported", ["type": "0x\(String(type, radix: 16))"]))
        }
        try self.init(name: String(parts[2]), key: key)
        guard self.keyID == keyID else { throw NoteFormatError(Reason("private-key-id-mismatch", ["id": String(parts[3])])) }
    }

    public var text: String {
        get throws {
            let encoded: Data
            switch key.algorithm {
            case .ed25519: encoded = Data([NoteKeyType.ed25519]) + (try key.privateEncoding)
            case .sm2: encoded = Data([NoteKeyType.privateUse]) + NoteKeyType.sm2Tag + (try key.privateEncoding)
            }
            return "PRIVATE+KEY+\(name)+\(hexKeyID(keyID))+\(encoded.base64EncodedString())"
        }
    }

    public var verifier: NoteVerifier {
        get throws { try NoteVerifier(name: name, key: key.publicKey) }
    }
}

func hexKeyID(_ id: UInt32) -> String {
    let hex = String(id, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
}
