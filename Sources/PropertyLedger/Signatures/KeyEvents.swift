public import Foundation

/// A personal signing key enrolled in the log (`key.enrolled`): from this entry on, what its holder causes is
/// signed with it and checked against it. Only the public key is in the log; the private key stays in its
/// holder's own encrypted file.
public struct KeyEnrolled: Codable, Sendable, Equatable {
    /// The key's id (``SigningKeyID``).
    public var key: String
    /// Whose key it is, as ``KeyHolder`` text: `officer:000123`, `cabinet:CAB-01`.
    public var holder: String
    /// `sm2` or `ed25519`: the log's profile's signature algorithm.
    public var algorithm: SignatureAlgorithm
    /// The DER SubjectPublicKeyInfo, base64.
    public var publicKey: String
    /// The key this one replaces (a rekey), which signs this entry and is revoked by it.
    public var replaces: String?
    /// The new key's signature of ``KeyEnrolled/possessionMessage(origin:key:holder:)``, base64: whoever
    /// enrolled it held the private key.
    public var possession: String

    /// ``holder`` read back; nil for a text no holder has.
    public var keyHolder: KeyHolder? { KeyHolder(holder) }

    /// What a new key signs to prove it is held: `PropertyLedger/key-possession/v1`, the log's origin, the key's
    /// id and its holder, one per line.
    public static func possessionMessage(origin: String, key: String, holder: KeyHolder) -> Data {
        Data("PropertyLedger/key-possession/v1\n\(origin)\n\(key)\n\(holder)\n".utf8)
    }
}

/// An enrolled key revoked (`key.revoked`): it signs nothing after this entry. Retiring an officer and
/// replacing a key revoke too, without an entry of this type.
public struct KeyRevoked: Codable, Sendable, Equatable {
    public var key: String
    public var reason: String
}

/// From this entry on, every entry must be signed (`log.signatures-required`): a one-way switch for a log made
/// before keys, once its officers have theirs.
public struct SignaturesRequired: Codable, Sendable, Equatable {
    public var reason: String
}

extension SignatureAlgorithm: Codable {}

/// A key enrolment to record (``CustodyCommand/enrollKey(_:)``): the public key, and the new key's proof that
/// it is held.
public struct KeyEnrolment: Sendable, Equatable {
    public var holder: KeyHolder
    /// DER SubjectPublicKeyInfo.
    public var publicKey: Data
    /// The signature by the new key of ``KeyEnrolled/possessionMessage(origin:key:holder:)``.
    public var possession: Data
    /// The holder's key this one replaces, if any.
    public var replaces: String?

    public init(holder: KeyHolder, publicKey: Data, possession: Data, replaces: String? = nil) {
        self.holder = holder
        self.publicKey = publicKey
        self.possession = possession
        self.replaces = replaces
    }

    /// The enrolment of `key` for `holder` in the log `identity`, its possession proof signed by the key itself.
    public static func of(
        _ key: SigningKey, for holder: KeyHolder, in identity: LogIdentity, replacing replaced: String? = nil
    ) throws -> KeyEnrolment {
        let publicKey = try key.publicKey
        let id = try SigningKeyID(of: publicKey, hashAlgorithm: identity.profile.hashAlgorithm)
        let proof = try key.sign(KeyEnrolled.possessionMessage(origin: identity.origin, key: id.text, holder: holder))
        return KeyEnrolment(holder: holder, publicKey: publicKey.subjectPublicKeyInfo, possession: proof, replaces: replaced)
    }
}

/// An enrolled key as the log has it (``LedgerStore/signingKeys(of:)``).
public struct EnrolledKey: Sendable, Equatable {
    public var id: String
    public var holder: String
    public var algorithm: SignatureAlgorithm
    /// DER SubjectPublicKeyInfo.
    public var publicKey: Data
    /// The entry that enrolled it.
    public var enrolledAt: Int64
    /// The entry that revoked it (a revocation, a replacement, the holder's retirement), if any. It signs
    /// entries from ``enrolledAt`` up to and including this one.
    public var revokedAt: Int64?

    public var isActive: Bool { revokedAt == nil }

    /// Whether it may sign the entry at `index`.
    public func isValid(at index: Int64) -> Bool {
        index >= enrolledAt && (revokedAt.map { index <= $0 } ?? true)
    }
}
