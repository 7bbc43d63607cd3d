/// `ledger officer enroll|rekey|revoke-key`, and the passphrase prompts of every command that signs.
public struct OfficerKeyWords: CatalogueSection {
    public let passphrasePrompt = Wording(zh: "{badge} 的私钥口令（{path}）：", en: "passphrase for {badge}'s key ({path}): ")
    public let newPassphrasePrompt = Wording(
        zh: "为 {badge} 的新私钥设置口令（至少 {minimum} 个字符）：", en: "new passphrase for {badge}'s key (at least {minimum} characters): ")
    public let confirmPrompt = Wording(zh: "再次输入口令：", en: "the passphrase again: ")
    public let enrolled = Wording(
        zh: "已登记 {officer} 的签名密钥 {key}（第 {index} 条记录，见证人 {witness}）；私钥文件：{path}",
        en: "enrolled {officer}'s signing key {key} (entry {index}, witnessed by {witness}); key file: {path}")
    public let rekeyed = Wording(
        zh: "{officer} 的签名密钥已更换为 {key}（第 {index} 条记录，旧密钥 {old} 已失效）；私钥文件：{path}",
        en: "{officer}'s signing key is now {key} (entry {index}; the old key {old} signs nothing more); key file: {path}")
    public let revoked = Wording(
        zh: "已吊销 {officer} 的签名密钥 {key}（第 {index} 条记录）", en: "revoked {officer}'s signing key {key} (entry {index})")
    public let wouldEnroll = Wording(
        zh: "将登记 {officer} 的签名密钥（未写入任何内容）", en: "would enroll a signing key for {officer} (nothing written)")
    public let approvalWritten = Wording(
        zh: "已签发审批：{object} 出库给 {recipient}，应于 {due} 前归还；审批有效至 {expires}，限用一次；文件：{path}",
        en: "approval signed: {object} to {recipient}, due back {due}; usable once until {expires}; file: {path}")
    public let loggedIn = Wording(
        zh: "{officer} 已登录至 {expires}：其间由登录代理代为签名（{socket}）；下班请 ledger logout",
        en: "{officer} is logged in until {expires}: his login agent signs meanwhile ({socket}); ledger logout ends it")
    public let loggedOut = Wording(zh: "{badge} 已退出登录", en: "{badge} is logged out")
    /// `history`: who signed an entry.
    public let signedBy = Wording(zh: "{holder} · {key}", en: "{holder} · {key}")
    public let unsigned = Wording(zh: "未签名", en: "unsigned")
    public let signatureHeading = Wording(zh: "签名", en: "SIGNED")
}

extension Catalogue {
    public static let officerKeys = OfficerKeyWords()
}
