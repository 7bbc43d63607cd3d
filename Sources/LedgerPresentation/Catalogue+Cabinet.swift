public import PropertyLedger

/// The smart cabinets' reasons (DossierVault's cabinet part and its protocol), declared here beside their
/// wording. Arguments: `cabinet` and `location` are location codes, `session` an `S…` id, `finding` an `F…` id,
/// `card` a card's UID, `expires` a stored time, `index` a log index.
extension Reason {
    public static let cabinetReasons: [ReasonSpec] = [
        .init("card-needs-actor"), .init("card-needs-clerk-or-supervisor", "badge", "role"), .init("card-bound-elsewhere", "card", "badge"),
        .init("card-already-bound", "card", "badge"), .init("cabinet-approval-needs-actor"),
        .init("cabinet-approval-needs-clerk", "badge", "role"), .init("object-not-in-cabinet", "object", "location"),
        .init("cabinet-approval-exists", "object", "index"), .init("cabinet-checkout-unapproved", "object", "cabinet", "badge"),
        .init("finding-needs-actor"), .init("finding-needs-supervisor", "badge", "role"), .init("finding-not-found", "finding"),
        .init("finding-already-resolved", "finding", "index"),
        .init("cabinet-line-not-json"), .init("cabinet-line-too-long", "limit"), .init("cabinet-version-unsupported"),
        .init("cabinet-type-unknown", "type", "allowed"), .init("cabinet-field-invalid", "field"), .init("cabinet-unknown", "cabinet"),
        .init("cabinet-mismatch", "cabinet", "expected"), .init("cabinet-peer-refused", "uid"),
        .init("cabinet-card-unknown", "card"), .init("cabinet-officer-unknown", "badge"), .init("cabinet-officer-retired", "badge"),
        .init("cabinet-session-unfinished", "session"), .init("cabinet-nothing-to-do", "badge"),
        .init("cabinet-approval-expired", "object", "expires"), .init("cabinet-needs-clerk"), .init("cabinet-witness-not-clerk", "badge"),
        .init("cabinet-witness-is-officer", "badge"),
        .init("cabinet-session-unknown", "session"), .init("cabinet-session-ended", "session", "state"),
        .init("cabinet-door-not-open", "session"), .init("cabinet-door-open", "session"), .init("cabinet-round-incomplete"),
        .init("cabinet-rounds-disagree", "undecided"), .init("cabinet-alarm-kind-invalid", "kind"),
    ]
}

extension Catalogue {
    /// The wording of ``PropertyLedger/Reason/cabinetReasons``.
    static let cabinet: [String: Wording] = [
        "card-needs-actor": .init(zh: "须指定执行人（保管员或审批领导）才能绑定警务卡", en: "an actor (a clerk or a supervisor) is required to bind a card"),
        "card-needs-clerk-or-supervisor": .init(
            zh: "执行人 {badge} 是{role}：只有保管员或审批领导才能绑定警务卡",
            en: "the actor {badge} is {role}: only a clerk or a supervisor binds a card"),
        "card-bound-elsewhere": .init(zh: "警务卡 {card} 已绑定给民警 {badge}", en: "card {card} is already bound to officer {badge}"),
        "card-already-bound": .init(zh: "警务卡 {card} 已绑定给民警 {badge}，无需重复绑定", en: "card {card} is already bound to {badge}"),
        "cabinet-approval-needs-actor": .init(
            zh: "须指定执行人（保管员）才能登记柜内调用审批", en: "an actor (a clerk) is required to record an approval at a cabinet"),
        "cabinet-approval-needs-clerk": .init(
            zh: "执行人 {badge} 是{role}：柜内调用审批由保管员登记", en: "the actor {badge} is {role}: a clerk records an approval at a cabinet"),
        "object-not-in-cabinet": .init(
            zh: "{object} 不在智能柜中（现在：{location}）：只有存放在智能柜里的财物才能在柜门处取出",
            en: "{object} is not in a smart cabinet (now: {location}): only what a cabinet holds is taken at its door"),
        "cabinet-approval-exists": .init(
            zh: "{object} 已有一项未使用的柜内调用审批（第 {index} 条）", en: "{object} already has an unused approval at its cabinet (entry {index})"),
        "cabinet-checkout-unapproved": .init(
            zh: "智能柜 {cabinet} 没有 {badge} 调用 {object} 的有效审批：柜子不能自行批准出库",
            en: "cabinet {cabinet} holds no valid approval for {badge} to take {object}: a cabinet approves nothing itself"),
        "finding-needs-actor": .init(zh: "须指定执行人（审批领导）才能处理告警", en: "an actor (a supervisor) is required to resolve a finding"),
        "finding-needs-supervisor": .init(
            zh: "执行人 {badge} 是{role}：只有审批领导才能处理告警", en: "the actor {badge} is {role}: only a supervisor resolves a finding"),
        "finding-not-found": .init(zh: "没有告警 {finding}", en: "there is no finding {finding}"),
        "finding-already-resolved": .init(
            zh: "告警 {finding} 已于第 {index} 条处理完毕", en: "finding {finding} was already resolved (entry {index})"),
        "cabinet-line-not-json": .init(zh: "这一行不是 JSON", en: "the line is not JSON"),
        "cabinet-line-too-long": .init(zh: "这一行超过 {limit} 字节，已丢弃", en: "the line is longer than {limit} bytes and was dropped"),
        "cabinet-version-unsupported": .init(
            zh: "请求须是 JSON 对象且 \"v\" 为 1（协议第 1 版）", en: "a request is a JSON object with \"v\": 1 (protocol version 1)"),
        "cabinet-type-unknown": .init(zh: "未知的请求类型“{type}”；可用：{allowed}", en: "unknown request type \"{type}\"; known: {allowed}"),
        "cabinet-field-invalid": .init(zh: "字段 {field} 缺失或类型不对", en: "the field {field} is missing or of the wrong type"),
        "cabinet-unknown": .init(
            zh: "没有智能柜 {cabinet}（须是类型为 cabinet 的存放位置）", en: "there is no cabinet {cabinet} (a location of kind cabinet)"),
        "cabinet-mismatch": .init(
            zh: "此连接服务于智能柜 {expected}，而请求针对 {cabinet}", en: "this connection serves cabinet {expected}, the request names {cabinet}"),
        "cabinet-peer-refused": .init(
            zh: "用户 {uid} 不在允许连接智能柜服务的用户组中", en: "user {uid} is not in the group allowed to connect to the cabinet service"),
        "cabinet-card-unknown": .init(zh: "警务卡 {card} 未绑定任何民警", en: "card {card} is bound to no officer"),
        "cabinet-officer-unknown": .init(zh: "没有警号为 {badge} 的民警", en: "there is no officer {badge}"),
        "cabinet-officer-retired": .init(zh: "民警 {badge} 已离职，不能开柜", en: "officer {badge} has retired and may not open the cabinet"),
        "cabinet-session-unfinished": .init(
            zh: "柜门会话 {session} 尚未核对完毕：请先完成它（关门并盘点）",
            en: "door session {session} is not reconciled yet: finish it first (close the door, run the inventory)"),
        "cabinet-nothing-to-do": .init(
            zh: "{badge} 在此柜没有已审批的调用，也没有待归还的财物", en: "{badge} has no approved check-out and nothing to return at this cabinet"),
        "cabinet-approval-expired": .init(
            zh: "{object} 的柜内调用审批已于 {expires} 过期，请重新审批", en: "the approval to take {object} expired at {expires}: it needs a new approval"),
        "cabinet-needs-clerk": .init(
            zh: "按双人规则，须保管员同时刷卡确认才能开柜", en: "under the two-person rule a clerk's credential is needed beside the officer's"),
        "cabinet-witness-not-clerk": .init(zh: "确认人 {badge} 不是保管员", en: "the second person {badge} is not a clerk"),
        "cabinet-witness-is-officer": .init(zh: "确认人 {badge} 与开柜民警是同一人", en: "the second person {badge} is the officer himself"),
        "cabinet-session-unknown": .init(zh: "此柜没有会话 {session}", en: "this cabinet has no session {session}"),
        "cabinet-session-ended": .init(zh: "会话 {session} 已结束（{state}）", en: "session {session} has ended ({state})"),
        "cabinet-door-not-open": .init(zh: "会话 {session} 的柜门未打开", en: "the door of session {session} is not open"),
        "cabinet-door-open": .init(
            zh: "会话 {session} 的柜门仍开着：关门后的盘点才计入", en: "the door of session {session} is still open: only rounds after it closed count"),
        "cabinet-round-incomplete": .init(zh: "本轮盘点不完整：请再做一轮完整盘点", en: "the round was incomplete: send another complete round"),
        "cabinet-rounds-disagree": .init(
            zh: "盘点结果尚不一致（{undecided} 个标签未定）：请再做一轮完整盘点",
            en: "the rounds do not agree yet ({undecided} tags undecided): send another complete round"),
        "cabinet-alarm-kind-invalid": .init(
            zh: "告警类型“{kind}”无效（小写字母和连字符）", en: "alarm kind \"{kind}\" is invalid (lower-case letters and hyphens)"),
    ]
}
