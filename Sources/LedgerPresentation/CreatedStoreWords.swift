/// What `ledger init` prints about the store it created.
public struct CreatedStoreWords: CatalogueSection {
    public let created = Wording(zh: "已为{agency}创建台账 {origin}（{profile}）", en: "Created ledger {origin} ({profile}) for {agency}")
    public let store = Wording(zh: "台账库", en: "store")
    public let privateKey = Wording(zh: "私钥", en: "private key")
    public let checkpoint = Wording(zh: "检查点", en: "checkpoint")
    public let verifierKey = Wording(zh: "验证公钥", en: "verifier key")
    public let timeZone = Wording(zh: "时区", en: "time zone")
    public let language = Wording(zh: "默认语言", en: "language")
    public let languageValue = Wording(
        zh: "{language}（未用 --lang 或语言环境另选时）", en: "{language} (unless --lang or the locale chooses another)")
    public let privateKeyPath = Wording(
        zh: "{path}（权限 0600：不要放进他人可读取的备份）", en: "{path} (mode 0600: keep it off backups others can read)")
}

extension Catalogue {
    public static let createdStore = CreatedStoreWords()
}
