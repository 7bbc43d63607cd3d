public import Foundation

/// A witness's cosignature of a checkpoint (c2sp.org/tlog-cosignature v1): a signed-note signature line whose
/// bytes are a big-endian 64-bit timestamp followed by the signature of
///
///     cosignature/v1
///     time <timestamp>
///     <the checkpoint note's whole text>
///
/// under a key of its own type: 0x04 for Ed25519 (C2SP). For SM2 (the gm profile) we extend it the way the
/// note keys do: the private-use type 0xFF with the tag `sm2cosig_sm3`, the public key as DER, and the header
/// `pl-sm2-cosignature/v1` in place of `cosignature/v1`, so that no SM2 cosignature is ever mistaken for
/// another statement. The key name is not signed: every witness has its own key.
///
/// Its meaning: as of that time, the largest checkpoint of that log the witness verified consistent with
/// everything it saw before has this root hash.
public enum Cosignature {
    static let ed25519Type: UInt8 = 0x04
    static let sm2Tag = Data("sm2cosig_sm3".utf8)

    /// The statement signed for a note of `text` at `time` (seconds since the epoch).
    static func message(_ text: String, time: UInt64, algorithm: SignatureAlgorithm) -> Data {
        let header = algorithm == .sm2 ? "pl-sm2-cosignature/v1" : "cosignature/v1"
        return Data("\(header)\ntime \(time)\n\(text)".utf8)
    }

    static func encode(_ key: VerificationKey) throws -> Data {
        switch key.algorithm {
        case .ed25519: Data([ed25519Type]) + (try key.rawEd25519)
        case .sm2: Data([NoteKeyType.privateUse]) + sm2Tag + key.subjectPublicKeyInfo
        }
    }

    static func decodePublic(_ bytes: Data) throws -> VerificationKey {
        let rest = Data(bytes.dropFirst())
        switch bytes.first {
        case ed25519Type: return try VerificationKey(ed25519: rest)
        case NoteKeyType.privateUse where rest.starts(with: sm2Tag):
            return try VerificationKey(algorithm: .sm2, subjectPublicKeyInfo: Data(rest.dropFirst(sm2Tag.count)))
        default: throw NoteFormatError(Reason("cosignature-key-type-unsupported"))
        }
    }
}

/// A witness's public key for cosignatures, as C2SP verifier-key text: `<name>+<hex key ID>+<base64(type ‖ key)>`.
public struct CosignatureVerifier: Sendable {
    public let name: String
    public let keyID: UInt32
    public let key: VerificationKey

    /// How far in the future a cosignature's time may be (clocks of two agencies differ).
    public static let allowedClockSkew: TimeInterval = 600

    public init(name: String, key: VerificationKey) throws {
        guard NoteKeyType.isValidName(name) else { throw NoteFormatError(Reason("key-name-invalid", ["name": name])) }
        self.name = name
        self.key = key
        self.keyID = try NoteKeyType.keyID(name: name, encodedKey: Cosignature.encode(key))
    }

    /// Parses verifier-key text of a cosignature key (type 0x04, or our SM2 extension), checking its key ID.
    public init(text: String) throws {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].count == 8, let keyID = UInt32(parts[1], radix: 16),
            let encoded = Data(canonicalBase64: parts[2])
        else { throw NoteFormatError(Reason("verifier-key-malformed")) }
        try self.init(name: String(parts[0]), key: try Cosignature.decodePublic(encoded))
        guard self.keyID == keyID else { throw NoteFormatError(Reason("verifier-key-id-mismatch", ["id": String(parts[1])])) }
    }

    public var text: String {
        get throws { "\(name)+\(hexKeyID(keyID))+\(try Cosignature.encode(key).base64EncodedString())" }
    }

    /// The time of this witness's cosignature on `note`, checked: present, well formed, valid, not from
    /// further in the future than ``allowedClockSkew`` after `now`.
    ///
    /// - Throws: ``VerificationError``: `cosignature-missing`, `cosignature-malformed`, `cosignature-invalid`,
    ///   `cosignature-from-future`.
    public func verify(_ note: SignedNote, now: Date = Date()) throws -> Date {
        guard let signature = note.signatures.first(where: { $0.name == name && $0.keyID == keyID }) else {
            throw VerificationError(Reason("cosignature-missing", ["key": "\(name)+\(hexKeyID(keyID))"]))
        }
        guard signature.bytes.count > 8 else { throw VerificationError(Reason("cosignature-malformed", ["name": name])) }
        let time = signature.bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard time <= UInt64(Int64.max) else { throw VerificationError(Reason("cosignature-malformed", ["name": name])) }
        let message = Cosignature.message(note.text, time: time, algorithm: key.algorithm)
        guard try key.isValidSignature(Data(signature.bytes.dropFirst(8)), for: message) else {
            throw VerificationError(Reason("cosignature-invalid", ["name": name]))
        }
        let date = Date(timeIntervalSince1970: TimeInterval(time))
        guard date.timeIntervalSince(now) <= Self.allowedClockSkew else {
            throw VerificationError(Reason("cosignature-from-future", ["name": name, "time": String(time)]))
        }
        return date
    }
}

/// A witness's private key for cosignatures, as C2SP private-key text
/// `PRIVATE+KEY+<name>+<hex key ID>+<base64(type ‖ private key)>` (the Ed25519 seed; DER for SM2).
public struct CosignatureSigner: Sendable {
    public let name: String
    public let keyID: UInt32
    public let key: SigningKey

    public init(name: String, key: SigningKey) throws {
        guard NoteKeyType.isValidName(name) else { throw NoteFormatError(Reason("key-name-invalid", ["name": name])) }
        self.name = name
        self.key = key
        self.keyID = try NoteKeyType.keyID(name: name, encodedKey: Cosignature.encode(key.publicKey))
    }

    public init(text: String) throws {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY", parts[3].count == 8,
            let keyID = UInt32(parts[3], radix: 16), let encoded = Data(canonicalBase64: parts[4])
        else { throw NoteFormatError(Reason("private-key-malformed")) }
        let rest = Data(encoded.dropFirst())
        let key: SigningKey
        switch encoded.first {
        case Cosignature.ed25519Type: key = try SigningKey.ed25519(seed: rest)
        case NoteKeyType.privateUse where rest.starts(with: Cosignature.sm2Tag):
            key = try SigningKey.sm2(der: Data(rest.dropFirst(Cosignature.sm2Tag.count)))
        default: throw NoteFormatError(Reason("cosignature-key-type-unsupported"))
        }
        try self.init(name: String(parts[2]), key: key)
        guard self.keyID == keyID else { throw NoteFormatError(Reason("private-key-id-mismatch", ["id": String(parts[3])])) }
    }

    public var text: String {
        get throws {
            let encoded =
                switch key.algorithm {
                case .ed25519: Data([Cosignature.ed25519Type]) + (try key.privateEncoding)
                case .sm2: Data([NoteKeyType.privateUse]) + Cosignature.sm2Tag + (try key.privateEncoding)
                }
            return "PRIVATE+KEY+\(name)+\(hexKeyID(keyID))+\(encoded.base64EncodedString())"
        }
    }

    public var verifier: CosignatureVerifier {
        get throws { try CosignatureVerifier(name: name, key: key.publicKey) }
    }

    /// `note` with this witness's cosignature at `time` added (replacing an earlier one of this key).
    public func cosign(_ note: SignedNote, at time: Date = Date()) throws -> SignedNote {
        let seconds = UInt64(max(0, time.timeIntervalSince1970.rounded(.down)))
        let signature = try key.sign(Cosignature.message(note.text, time: seconds, algorithm: key.algorithm))
        var bytes = Data()
        withUnsafeBytes(of: seconds.bigEndian) { bytes.append(contentsOf: $0) }
        bytes.append(signature)
        var cosigned = note
        cosigned.signatures.removeAll { $0.name == name && $0.keyID == keyID }
        cosigned.signatures.append(SignedNote.Signature(name: name, keyID: keyID, bytes: bytes))
        return cosigned
    }

    /// The signature line alone, as tlog-witness's `add-checkpoint` answers: `— <name> <base64>`.
    public func cosignatureLine(_ note: SignedNote, at time: Date = Date()) throws -> String {
        let cosigned = try cosign(note, at: time)
        let only = SignedNote(text: note.text, signatures: [cosigned.signatures.last!])
        return String(only.formatted.dropFirst(note.text.count + 1))
    }
}
