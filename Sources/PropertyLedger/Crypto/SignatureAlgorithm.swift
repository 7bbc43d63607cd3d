/// A signature scheme for checkpoints, provided by libcrypto.
public enum SignatureAlgorithm: String, Sendable, CaseIterable {
    /// Ed25519 (RFC 8032): deterministic, C2SP signed-note key type 0x01.
    case ed25519
    /// SM2 with SM3 (GB/T 32918.2-2016), distinguishing ID `1234567812345678`: randomised signatures.
    case sm2

    /// The distinguishing ID set explicitly on every SM2 signature and verification.
    ///
    /// OpenSSL 3 uses an empty ID when none is set, which no other SM2 implementation accepts.
    static let sm2DistinguishingID = Array("1234567812345678".utf8)

    var openSSLKeyType: String {
        switch self {
        case .ed25519: "ED25519"
        case .sm2: "SM2"
        }
    }
}
