/// The hash and signature algorithms of a log, fixed when the log is created and part of its identity.
public enum CryptoProfile: String, Sendable, CaseIterable, Codable {
    /// SM3 and SM2 (GB/T 32905, GB/T 32918): the default, as commercial-cryptography assessment expects.
    case gm
    /// SHA-256 and Ed25519: interoperable with C2SP transparency-log tooling.
    case intl

    public var hashAlgorithm: HashAlgorithm {
        switch self {
        case .gm: .sm3
        case .intl: .sha256
        }
    }

    public var signatureAlgorithm: SignatureAlgorithm {
        switch self {
        case .gm: .sm2
        case .intl: .ed25519
        }
    }

    /// The profile a verifier key belongs to: the signature algorithm determines it.
    public init(signatureAlgorithm: SignatureAlgorithm) {
        switch signatureAlgorithm {
        case .sm2: self = .gm
        case .ed25519: self = .intl
        }
    }

    /// Checks that this system's libcrypto provides both algorithms, with a message that says what is missing.
    public func requireSupport() throws {
        _ = try Digester(hashAlgorithm)
        _ = try SigningKey.generate(signatureAlgorithm)
    }
}
