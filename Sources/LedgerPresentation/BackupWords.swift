/// What `ledger backup` and `ledger restore` print.
public struct BackupWords: CatalogueSection {
    public let backedUp = Wording(
        zh: "已备份到 {path}：{entries} 条记录，根 {root}，最新检查点规模 {checkpoint}",
        en: "Backed up to {path}: log size {entries}, root {root}, latest checkpoint at size {checkpoint}")
    public let keysExcluded = Wording(
        zh: "备份不含私钥：请另行妥善保管 {key}", en: "The backup holds no private key: keep {key} safe on its own")
    public let restored = Wording(
        zh: "已将 {path} 恢复为 {store}：{entries} 条记录，根 {root}",
        en: "Restored {path} as {store}: log size {entries}, root {root}")
    public let replacedKept = Wording(zh: "被替换的数据库保留在 {path}", en: "The database it replaced is kept at {path}")
    public let entriesOnlyInReplaced = Wording(
        zh: "被替换的数据库另有 {count} 条记录不在备份中，仅保留在 {path}",
        en: "The database it replaced held {count} entries the backup lacks; they are only in {path}")
    public let entryOnlyInReplaced = Wording(
        zh: "被替换的数据库另有 1 条记录不在备份中，仅保留在 {path}",
        en: "The database it replaced held 1 entry the backup lacks; it is only in {path}")
    public let privateKeyMissing = Wording(
        zh: "警告：私钥 {path} 不存在：恢复的台账库可查阅和校验，放回私钥后才能签名写入",
        en: "WARNING: the private key {path} is missing: the restored store reads and verifies, and signs once the key is back")
}

extension Catalogue {
    public static let backup = BackupWords()
}
