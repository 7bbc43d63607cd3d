public import PropertyLedger

/// The reasons of transfers and the witness (the Transfers module): declared here, beside their wording, because
/// the catalogue cannot import the module. `old` and `size` are tree sizes; `line` is a line number of an
/// add-checkpoint request (0: the request as a whole).
extension Reason {
    public static let transferReasons: [ReasonSpec] = [
        .init("peer-needs-actor"), .init("peer-needs-supervisor", "badge", "role"), .init("peer-name-malformed", "name"),
        .init("peer-key-malformed"), .init("peer-is-this-log", "origin"), .init("peer-name-taken", "name", "origin"),
        .init("peer-origin-taken", "origin", "name"), .init("peer-unknown", "name"), .init("peer-not-frozen", "name"),
        .init("peer-origin-unknown", "origin"), .init("peer-checkpoint-unsigned", "name"), .init("peer-frozen", "name", "index"),
        .init("add-checkpoint-malformed", "line"), .init("add-checkpoint-old-beyond-size", "old", "size"),
        .init("add-checkpoint-conflict", "name", "old", "size"), .init("peer-checkpoint-inconsistent", "name", "index"),
    ]
}

extension Catalogue {
    /// The wording of ``PropertyLedger/Reason/transferReasons``.
    static let transfers: [String: Wording] = [
        "peer-needs-actor": .init(zh: "须指定执行人（审批领导）才能登记或解冻交换单位", en: "an actor (a supervisor) is required to add or unfreeze a peer"),
        "peer-needs-supervisor": .init(
            zh: "执行人 {badge} 是{role}：只有审批领导才能登记或解冻交换单位", en: "the actor {badge} is {role}: only a supervisor adds or unfreezes a peer"),
        "peer-name-malformed": .init(
            zh: "“{name}”不能作交换单位简称：须以小写字母开头，只含小写字母、数字和 -，最多 32 个字符",
            en: "\"{name}\" is not a peer name: a lower-case letter, then lower-case letters, digits and -, at most 32"),
        "peer-key-malformed": .init(
            zh: "不是验证公钥：请使用对方 ledger key 输出的那一行", en: "not a verifier key: use the line the peer's ledger key prints"),
        "peer-is-this-log": .init(zh: "{origin} 是本台账自己", en: "{origin} is this ledger itself"),
        "peer-name-taken": .init(zh: "交换单位简称 {name} 已用于 {origin}", en: "the peer name {name} is taken, by {origin}"),
        "peer-origin-taken": .init(zh: "{origin} 已登记为交换单位 {name}", en: "{origin} is a peer already, named {name}"),
        "peer-unknown": .init(zh: "没有名为 {name} 的交换单位（见 ledger peer list）", en: "there is no peer named {name} (see ledger peer list)"),
        "peer-not-frozen": .init(zh: "交换单位 {name} 未被冻结", en: "the peer {name} is not frozen"),
        "peer-origin-unknown": .init(
            zh: "检查点来自未登记的台账 {origin}（先 ledger peer add）", en: "the checkpoint is of {origin}, which is no peer (ledger peer add first)"),
        "peer-checkpoint-unsigned": .init(
            zh: "检查点不是交换单位 {name} 的密钥签署的", en: "the checkpoint is not signed by the key of the peer {name}"),
        "peer-frozen": .init(
            zh: "交换单位 {name} 已因第 {index} 条记录中的证据被冻结：须由审批领导核查后 ledger peer unfreeze",
            en: "the peer {name} is frozen on the evidence in entry {index}: a supervisor looks into it, then ledger peer unfreeze"),
        "add-checkpoint-malformed": .init(
            zh: "不是 add-checkpoint 请求（第 {line} 行）：应为 old N、一致性证明各行、空行、签名检查点",
            en: "not an add-checkpoint request (line {line}): old N, the proof's lines, an empty line, the signed checkpoint"),
        "add-checkpoint-old-beyond-size": .init(
            zh: "请求的旧规模 {old} 大于检查点规模 {size}", en: "the request's old size {old} is beyond the checkpoint's size {size}"),
        "add-checkpoint-conflict": .init(
            zh: "本台账持有 {name} 的检查点规模为 {size}，而请求给出 {old}：请提供从 {size} 起的一致性证明（对方 ledger prove --consistency {size}）",
            en:
                "the checkpoint held of {name} is at size {size}, not {old}: send a consistency proof from {size} (at the peer: ledger prove --consistency {size})"
        ),
        "peer-checkpoint-inconsistent": .init(
            zh: "交换单位 {name} 的台账前后矛盾：证据已记入第 {index} 条记录，该单位已冻结",
            en: "the log of the peer {name} contradicts itself: the evidence is kept in entry {index}, and the peer is frozen"),
    ]
}
