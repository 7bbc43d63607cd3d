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
    public let signatures = Wording(zh: "签名", en: "signatures")
    public let signaturesRequired = Wording(
        zh: "必须：第一位审批领导之后的每条记录都须签名，请他先登记本人密钥（ledger officer enroll）",
        en: "required: every entry after the first supervisor's is signed; he enrols his own key next (ledger officer enroll)")
    public let signaturesOptional = Wording(
        zh: "可选（培训或测试用台账）：无密钥者的记录不签名，直到 ledger policy require-signatures",
        en: "optional (a training or test store): unsigned for holders without a key, until ledger policy require-signatures")
    public let privateKeyPath = Wording(
        zh: "{path}（权限 0600：不要放进他人可读取的备份）", en: "{path} (mode 0600: keep it off backups others can read)")
}

extension Catalogue {
    public static let createdStore = CreatedStoreWords()
}
