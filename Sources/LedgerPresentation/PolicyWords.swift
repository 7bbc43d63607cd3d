/// `ledger policy show` and `policy set`: each rule with its source and parameters, each parameter's value,
/// default and the entry that set it; what a change records.
public struct PolicyWords: CatalogueSection {
    /// A rule's heading: its id (as `policy set` names it) and its name.
    public let rule = Wording(zh: "{id}  {name}", en: "{id}  {name}")
    public let sourceLabel = Wording(zh: "来源", en: "source")
    /// A rule whose deadlines carry their own time (a check-out's due time).
    public let noParameters = Wording(zh: "无可设置的参数：每次出库都有自己的归还期限", en: "no parameters: every check-out carries its own due time")
    /// A parameter as `policy set` names it, its value in force and what it means.
    public let parameter = Wording(zh: "{parameter} = {value}  {meaning}", en: "{parameter} = {value}  {meaning}")
    public let isDefault = Wording(zh: "（默认值）", en: " (the default)")
    public let defaultWas = Wording(zh: "默认值 {default}", en: "default {default}")
    /// The change in force: its entry, who, when and why.
    public let setBy = Wording(zh: "第 {index} 条记录，{actor}，{at}：{reason}", en: "entry #{index}, {actor}, {at}: {reason}")
    /// Under the rules: when the values shown apply, and how a supervisor changes one.
    public let footer = Wording(
        zh: "以上为 {asOf} 的现行值；审批领导可用 ledger policy set 规则.参数 值 --reason 原因 修改，修改记入台账，自该条记录起生效。",
        en: "Values in force at {asOf}; a supervisor changes one with ledger policy set RULE.PARAM VALUE --reason TEXT, "
            + "recorded in the log and in force from that entry on.")
    /// What `policy set` recorded (or, with `--dry-run`, would record).
    public let recorded = Wording(
        zh: "已记录第 {index} 条：规则参数 {parameter} 改为 {value}（原为 {old}），自本条记录起生效",
        en: "Recorded entry #{index}: {parameter} set to {value} (was {old}), in force from this entry on")
    public let wouldRecord = Wording(
        zh: "试运行（未写入）：将记录为第 {index} 条：规则参数 {parameter} 改为 {value}（原为 {old}）",
        en: "Would record entry #{index}: {parameter} set to {value} (was {old})")
}

extension Catalogue {
    public static let policy = PolicyWords()
}
