public import PropertyLedger

/// DossierVault's reasons: declared here, beside their wording, because the catalogue cannot import DossierVault
/// (which builds on it). Arguments: `parameter` is `RULE.PARAMETER` (`intake.limit`); `value`, `least`, `most`,
/// `yellow` and `orange` are policy values in canonical form (`3d`, `24h`, `1`); `allowed` lists ids as typed;
/// `role` is a ``Role`` raw value; `from` and `location` are location codes; `index` a log index.
extension Reason {
    /// The reasons DossierVault gives: policy changes, marking property unrelated, the central-storage hold and
    /// the sweep.
    public static let vaultReasons: [ReasonSpec] = [
        .init("policy-needs-actor"), .init("policy-needs-supervisor", "badge", "role"), .init("policy-name-malformed", "text"),
        .init("policy-rule-unknown", "rule", "allowed"), .init("policy-parameter-unknown", "rule", "parameter", "allowed"),
        .init("policy-months-invalid", "parameter", "value", "least", "most"), .init("policy-duration-invalid", "parameter", "value"),
        .init("policy-count-invalid", "parameter", "value", "least", "most"), .init("policy-flag-invalid", "parameter", "value"),
        .init("policy-duration-out-of-range", "parameter", "value", "least", "most"),
        .init("policy-value-unchanged", "parameter", "value"), .init("policy-grades-out-of-order", "yellow", "orange"),
        .init("unrelated-needs-actor"), .init("unrelated-needs-clerk-or-supervisor", "badge", "role"),
        .init("unrelated-object-is-dossier", "object"), .init("unrelated-already-marked", "object", "index"),
        .init("central-storage-holds-dossier", "object", "case", "from", "location"),
        .init("central-storage-return-elsewhere", "object", "case", "from", "location"),
        .init("sweep-needs-actor"), .init("sweep-needs-clerk", "badge", "role"), .init("sweep-target-not-central", "location"),
    ]
}

extension Catalogue {
    /// The wording of ``PropertyLedger/Reason/vaultReasons``.
    static let vault: [String: Wording] = [
        "policy-needs-actor": .init(
            zh: "须指定执行人（审批领导）才能修改规则参数",
            en: "an actor (a supervisor) is required to change a rule's parameter"),
        "policy-needs-supervisor": .init(
            zh: "执行人 {badge} 是{role}：只有审批领导才能修改规则参数",
            en: "the actor {badge} is {role}: only a supervisor changes a rule's parameter"),
        "policy-name-malformed": .init(
            zh: "“{text}”不是规则参数名：请写成 规则.参数，例如 intake.limit",
            en: "\"{text}\" is not a parameter name: write RULE.PARAMETER, e.g. intake.limit"),
        "policy-count-invalid": .init(
            zh: "{parameter} 须为 {least} 到 {most} 之间的整数，而不是“{value}”",
            en: "{parameter} takes a whole number from {least} to {most}, not \"{value}\""),
        "policy-flag-invalid": .init(
            zh: "{parameter} 须为 on（开启）或 off（关闭），而不是“{value}”",
            en: "{parameter} takes on or off, not \"{value}\""),
        "policy-rule-unknown": .init(
            zh: "没有规则 {rule}；可设置参数的规则：{allowed}",
            en: "there is no rule {rule}; rules with parameters: {allowed}"),
        "policy-parameter-unknown": .init(
            zh: "规则 {rule} 没有参数 {parameter}；它的参数：{allowed}",
            en: "rule {rule} has no parameter {parameter}; its parameters: {allowed}"),
        "policy-months-invalid": .init(
            zh: "{parameter} 的值“{value}”无效：须为 {least} 到 {most} 之间的整月数",
            en: "\"{value}\" is not a value of {parameter}: a whole number of months from {least} to {most}"),
        "policy-duration-invalid": .init(
            zh: "{parameter} 的值“{value}”无效：须写成数字加单位 m（分钟）、h（小时）或 d（天），例如 90m、24h、3d",
            en: "\"{value}\" is not a value of {parameter}: write a number and m (minutes), h (hours) or d (days), e.g. 90m, 24h, 3d"),
        "policy-duration-out-of-range": .init(
            zh: "{parameter} 的值 {value} 超出范围：须在 {least} 到 {most} 之间",
            en: "{value} is out of range for {parameter}: from {least} to {most}"),
        "policy-value-unchanged": .init(
            zh: "{parameter} 现行值已是 {value}，无需修改",
            en: "{parameter} is already {value}"),
        "policy-grades-out-of-order": .init(
            zh: "橙色预警时限（{orange}）须短于黄色预警时限（{yellow}）",
            en: "the orange threshold ({orange}) must be shorter than the yellow one ({yellow})"),
        "unrelated-needs-actor": .init(
            zh: "须指定执行人才能认定财物与案件无关",
            en: "an actor is required to mark property unrelated to the case"),
        "unrelated-needs-clerk-or-supervisor": .init(
            zh: "执行人 {badge} 是{role}：只有涉案财物管理员或审批领导才能认定财物与案件无关",
            en: "the actor {badge} is {role}: only a clerk or a supervisor marks property unrelated to the case"),
        "unrelated-object-is-dossier": .init(
            zh: "{object} 是案卷，不是涉案财物：案卷不能认定为与案件无关",
            en: "{object} is a dossier, not an item: only property is marked unrelated to the case"),
        "unrelated-already-marked": .init(
            zh: "{object} 已于第 {index} 号记录认定与案件无关",
            en: "{object} was already marked unrelated to the case (entry #{index})"),
        "central-storage-holds-dossier": .init(
            zh: "{object} 是未破案件 {case} 的案卷，须集中保管在案管中心：不能从 {from} 移至非集中保管位置 {location}；因办案需要请办理调用出库",
            en:
                "{object} is a dossier of the unsolved case {case} and is held in central storage: it cannot be moved from {from} to {location}, which is not central storage; check it out for case work instead"
        ),
        "central-storage-return-elsewhere": .init(
            zh: "{object} 是未破案件 {case} 的案卷，从案管中心 {from} 调出，须归还至集中保管位置，不能归还至 {location}",
            en:
                "{object} is a dossier of the unsolved case {case}, checked out from central storage at {from}: it is returned to central storage, not to {location}"
        ),
        "sweep-needs-actor": .init(
            zh: "须指定执行人（案管中心的涉案财物管理员）才能登记移交",
            en: "an actor (a clerk at central storage) is required to record the transfer"),
        "sweep-needs-clerk": .init(
            zh: "执行人 {badge} 是{role}：只有涉案财物管理员才能登记移交集中保管",
            en: "the actor {badge} is {role}: only a clerk records moves to central storage"),
        "sweep-target-not-central": .init(
            zh: "{location} 不是集中保管位置：移交集中保管须由案管中心的管理员在集中保管位置登记",
            en: "{location} is not central storage: the clerk recording the transfer must be at central storage"),
    ]
}
