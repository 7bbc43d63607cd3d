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
        .init("transfer-needs-actor"), .init("transfer-needs-clerk", "badge", "role"), .init("transfer-case-unknown", "case"),
        .init("transfer-nothing-to-send", "case"), .init("transfer-too-many-objects", "count", "most"),
        .init("transfer-object-not-of-case", "object", "case"), .init("transfer-object-not-in-storage", "object"),
        .init("object-in-transfer", "object", "transfer"), .init("transfer-bundle-malformed", "offset"),
        .init("transfer-peer-size-beyond-log", "old", "size"), .init("transfer-for-other", "origin"),
        .init("transfer-replayed", "transfer"), .init("transfer-proof-other-checkpoint", "position"),
        .init("transfer-proof-invalid", "position"), .init("transfer-manifest-mismatch", "detail"),
        .init("transfer-answer-unknown-object", "object"), .init("transfer-answer-twice", "object"),
        .init("transfer-object-unanswered", "object"), .init("transfer-receipt-unknown", "transfer"),
        .init("transfer-receipt-mismatch", "detail"), .init("object-transferred", "object", "transfer"),
        .init("transfer-unknown", "transfer"), .init("damaged-pair-malformed", "text"), .init("peer-witness-key-malformed"),
        .init("peer-witness-key-foreign", "name", "origin"), .init("transfer-receipt-cosignature", "detail"),
        .init("witness-listen-malformed", "address"), .init("witness-listen-address", "address"),
        .init("witness-listen-failed", "operation", "detail"), .init("transfer-scan-with-confirm"),
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
        "transfer-needs-actor": .init(zh: "须指定执行人（涉案财物管理员）才能办理移交", en: "an actor (a clerk) is required to create a transfer"),
        "transfer-needs-clerk": .init(
            zh: "执行人 {badge} 是{role}：移交由涉案财物管理员办理", en: "the actor {badge} is {role}: a clerk creates transfers"),
        "transfer-case-unknown": .init(zh: "没有案件 {case}", en: "there is no case {case}"),
        "transfer-nothing-to-send": .init(
            zh: "案件 {case} 没有在库的财物或案卷可移交", en: "case {case} has nothing in storage to transfer"),
        "transfer-too-many-objects": .init(
            zh: "一次移交最多 {most} 件，而这里有 {count} 件：请用 --objects 分批",
            en: "a transfer takes at most {most} objects, not {count}: split it with --objects"),
        "transfer-object-not-of-case": .init(zh: "{object} 不属于案件 {case}", en: "{object} is not of case {case}"),
        "transfer-object-not-in-storage": .init(
            zh: "{object} 不在库：只能移交在库的财物", en: "{object} is not in storage: only what is in storage is transferred"),
        "object-in-transfer": .init(
            zh: "{object} 正在移交中（{transfer}）：对方回执登记前不得出库、移库或处置",
            en: "{object} is in transfer {transfer}: until the receipt is recorded it is not checked out, moved or disposed of"),
        "transfer-bundle-malformed": .init(
            zh: "不是移交文件（第 {offset} 字节处出错）", en: "not a transfer bundle (wrong at byte {offset})"),
        "transfer-peer-size-beyond-log": .init(
            zh: "对方持有的规模 {old} 超过本台账的规模 {size}", en: "the size the peer holds, {old}, is beyond this log's size {size}"),
        "transfer-for-other": .init(zh: "这份移交文件是给 {origin} 的，不是给本单位的", en: "the bundle is for {origin}, not for this ledger"),
        "transfer-replayed": .init(zh: "移交 {transfer} 已经接收过", en: "transfer {transfer} was received already"),
        "transfer-proof-other-checkpoint": .init(
            zh: "第 {position} 份证明针对的检查点与文件中的不同", en: "proof {position} is against another checkpoint than the file's"),
        "transfer-proof-invalid": .init(
            zh: "第 {position} 份证明不成立：该记录不在对方签署的台账中", en: "proof {position} fails: that entry is not in the log the sender signed"),
        "transfer-manifest-mismatch": .init(
            zh: "移交清单与所附记录不符（{detail}）：清单须列明全部财物，按编号升序，各附其 transfer.out",
            en: "the manifest and the entries disagree ({detail}): it lists every object in ascending order, each with its transfer.out"),
        "transfer-answer-unknown-object": .init(zh: "{object} 不在这次移交的清单中", en: "{object} is not in this transfer's manifest"),
        "transfer-answer-twice": .init(zh: "{object} 的接收结果给了两次", en: "{object} is answered twice"),
        "transfer-object-unanswered": .init(
            zh: "{object} 没有接收结果：每件都须确认、登记缺失或登记损坏", en: "{object} is not answered: confirm each object, or record it missing or damaged"),
        "transfer-receipt-unknown": .init(
            zh: "回执所对应的移交 {transfer} 不是本单位向该单位未结的移交", en: "the receipt is for {transfer}, which is no open transfer of ours to that agency"),
        "transfer-receipt-mismatch": .init(
            zh: "回执与本单位的移交不符（{detail}）", en: "the receipt does not match our transfer ({detail})"),
        "object-transferred": .init(
            zh: "{object} 已随移交 {transfer} 交出，不在本单位保管", en: "{object} left this agency's custody with transfer {transfer}"),
        "transfer-unknown": .init(
            zh: "没有移交 {transfer}（见 ledger transfer list）", en: "there is no transfer {transfer} (see ledger transfer list)"),
        "damaged-pair-malformed": .init(
            zh: "“{text}”应写成 编号=损坏说明", en: "\"{text}\" should read ID=what is damaged"),
        "peer-witness-key-malformed": .init(
            zh: "不是见证公钥：请使用对方 ledger witness key 输出的那一行",
            en: "not a witness key: use the line the peer's ledger witness key prints"),
        "peer-witness-key-foreign": .init(
            zh: "该见证公钥属于 {name}，不是 {origin}/witness", en: "the witness key is {name}'s, not {origin}/witness"),
        "transfer-receipt-cosignature": .init(
            zh: "回执中对方对本台账检查点的联署不成立（{detail}）",
            en: "the receipt's cosignature of our checkpoint does not hold ({detail})"),
        "transfer-scan-with-confirm": .init(
            zh: "--scan 与 --confirm 只能选一种：读到芯片的即为确认", en: "--scan or --confirm, not both: what is scanned is confirmed"),
        "witness-listen-malformed": .init(
            zh: "“{address}”不是 主机:端口（如 127.0.0.1:7380）", en: "\"{address}\" is not HOST:PORT (e.g. 127.0.0.1:7380)"),
        "witness-listen-address": .init(
            zh: "“{address}”不是 IPv4 地址（如 127.0.0.1）", en: "\"{address}\" is not an IPv4 address (e.g. 127.0.0.1)"),
        "witness-listen-failed": .init(
            zh: "无法监听（{operation}）：{detail}", en: "cannot listen ({operation}): {detail}"),
        "peer-checkpoint-inconsistent": .init(
            zh: "交换单位 {name} 的台账前后矛盾：证据已记入第 {index} 条记录，该单位已冻结",
            en: "the log of the peer {name} contradicts itself: the evidence is kept in entry {index}, and the peer is frozen"),
    ]
}
