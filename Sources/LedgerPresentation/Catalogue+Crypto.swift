extension Catalogue {
    /// ``PropertyLedger/CryptoError``'s reasons (``PropertyLedger/Reason/cryptoReasons``); `detail` is
    /// OpenSSL's own text.
    static let crypto: [String: Wording] = [
        "openssl-failed": .init(zh: "libcrypto 在{step}时出错", en: "libcrypto failed {step}"),
        "openssl-failed-detail": .init(zh: "libcrypto 在{step}时出错：{detail}", en: "libcrypto failed {step}: {detail}"),
        "crypto-unavailable": .init(zh: "本系统的 libcrypto 不提供 {algorithm}", en: "this system's libcrypto does not provide {algorithm}"),
        "sm-crypto-unavailable": .init(
            zh: "本系统的 libcrypto 不提供 {algorithm}（OpenSSL 编译时未包含国密算法）",
            en: "this system's libcrypto does not provide {algorithm} (OpenSSL built without SM algorithms)"),
        "ed25519-seed-wrong-size": .init(zh: "Ed25519 种子应为 32 字节，而不是 {bytes} 字节", en: "an Ed25519 seed is 32 bytes, not {bytes}"),
        "private-key-not-sm2": .init(zh: "私钥不是 SM2 密钥", en: "the private key is not an SM2 key"),
        "public-key-wrong-type": .init(zh: "公钥不是 {type} 密钥", en: "the public key is not an {type} key"),
        "ed25519-public-key-wrong-size": .init(
            zh: "Ed25519 公钥应为 32 字节，而不是 {bytes} 字节", en: "an Ed25519 public key is 32 bytes, not {bytes}"),
        "key-not-ed25519": .init(zh: "不是 Ed25519 密钥", en: "not an Ed25519 key"),
        "passphrase-too-short": .init(
            zh: "口令太短：至少 {minimum} 个字符", en: "the passphrase is too short: at least {minimum} characters"),
        "key-file-not-encrypted-pkcs8": .init(
            zh: "不是加密的 PKCS#8 私钥文件（ENCRYPTED PRIVATE KEY）",
            en: "not an encrypted PKCS#8 key file (ENCRYPTED PRIVATE KEY)"),
        "passphrase-wrong": .init(zh: "口令错误，无法解开私钥", en: "wrong passphrase: the key does not decrypt"),
        "private-key-wrong-type": .init(zh: "私钥不是 {type} 密钥", en: "the private key is not a {type} key"),
    ]
}
