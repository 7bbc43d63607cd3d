/// Reasons of the cryptography: libcrypto failures and keys that cannot be used.
extension Reason {
    /// The reasons of ``CryptoError``. `step` of `openssl-failed…` is one of `generate-key`,
    /// `load-ed25519-seed`, `read-ed25519-seed`, `decode-sm2-private-key`, `encode-sm2-private-key`,
    /// `encode-public-key`, `decode-public-key`, `read-ed25519-public-key`, `sign`, `allocate-signature-context`,
    /// `allocate-sm2-context`, `set-sm2-id`, `start-verification`, `start-signature`, `allocate-digest-context`,
    /// `random-salt`, `set-key-encryption`, `encode-private-key`, `encrypt-private-key`, `allocate-buffer`,
    /// `write-private-key`, `decode-private-key`, `random-bytes`.
    public static let cryptoReasons: [ReasonSpec] = [
        .init("openssl-failed", "step"), .init("openssl-failed-detail", "step", "detail"),
        .init("crypto-unavailable", "algorithm"), .init("sm-crypto-unavailable", "algorithm"),
        .init("ed25519-seed-wrong-size", "bytes"), .init("private-key-not-sm2"), .init("public-key-wrong-type", "type"),
        .init("ed25519-public-key-wrong-size", "bytes"), .init("key-not-ed25519"),
        .init("passphrase-too-short", "minimum"), .init("key-file-not-encrypted-pkcs8"), .init("passphrase-wrong"),
        .init("private-key-wrong-type", "type"),
    ]
}
