/// What `ledger verify` prints: the summary of an intact log, the problems of one that is not, and warnings
/// about the files beside it.
public struct VerifyWords: CatalogueSection {
    public let intact = Wording(zh: "校验通过：已核验 {entries}、{nodes}、{checkpoints}", en: "OK: {entries}, {nodes} and {checkpoints} verified")
    public let entry = Wording(zh: "1 条记录", en: "1 entry")
    public let entries = Wording(zh: "{count} 条记录", en: "{count} entries")
    public let node = Wording(zh: "1 个树节点", en: "1 tree node")
    public let nodes = Wording(zh: "{count} 个树节点", en: "{count} tree nodes")
    public let checkpoint = Wording(zh: "1 个检查点（最新规模 {size}）", en: "1 checkpoint (latest at size {size})")
    public let checkpoints = Wording(zh: "{count} 个检查点（最新规模 {size}）", en: "{count} checkpoints (latest at size {size})")
    public let noCheckpoints = Wording(zh: "0 个检查点", en: "no checkpoints")
    /// After ``intact``, once the log holds signed entries.
    public let signatures = Wording(
        zh: "；{signed} 条记录的签名已按其登记的密钥验证，{unsigned} 条未签名",
        en: "; the signatures of {signed} entries verified against their enrolled keys, {unsigned} unsigned")
    public let failed = Wording(zh: "校验失败：发现 {problems}；首个出错序号：{index}", en: "FAILED: {problems}; first bad index {index}")
    public let problem = Wording(zh: "1 处问题", en: "1 problem")
    public let problems = Wording(zh: "{count} 处问题", en: "{count} problems")
    /// The first bad index when no entry is bad (a checkpoint or a file is).
    public let noBadIndex = Wording(zh: "无", en: "none")
    /// A finding: where, and what is wrong there.
    public let finding = Wording(zh: "{place}：{problem}", en: "{place}: {problem}")
    public let warning = Wording(zh: "警告：{finding}", en: "WARNING: {finding}")
}

extension Catalogue {
    public static let verify = VerifyWords()
}
