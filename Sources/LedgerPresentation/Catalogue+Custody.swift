extension Catalogue {
    /// The custody rules' refusals (``PropertyLedger/Reason/custodyReasons``).
    static let custody: [String: Wording] = [
        "actor-required": .init(
            zh: "须指定执行人才能{action}",
            en: "an actor is required to {action}"),
        "officer-unknown": .init(
            zh: "{party} {badge} 不是已登记的警员",
            en: "{party} {badge} is not a known officer"),
        "officer-retired": .init(
            zh: "{party} {badge} 已注销，不能再办理任何业务",
            en: "{party} {badge} is retired and can do nothing"),
        "officer-lacks-role": .init(
            zh: "{party} {badge} 是{role}；须为{roles}",
            en: "{party} {badge} is {role}; {roles} required"),
        "actor-lacks-role": .init(
            zh: "执行人 {badge} 是{role}，无权{action}：须为{roles}",
            en: "the actor {badge} is {role}; {roles} required to {action}"),
        "first-officer-actor-unknown": .init(
            zh: "尚未登记任何警员，执行人 {actor} 不是已登记的警员：添加第一位审批领导时不指定执行人，或以其本人警号 {badge} 作为执行人",
            en:
                "there are no officers yet, so the actor {actor} is not a known officer: add the first supervisor with no actor, or with his own badge {badge} as the actor"
        ),
        "first-officer-not-supervisor": .init(
            zh: "第一位登记的警员必须是审批领导",
            en: "the first officer must be a supervisor"),
        "officer-exists": .init(zh: "警号 {badge} 已登记", en: "officer {badge} already exists"),
        "officer-not-found": .init(zh: "没有警号为 {badge} 的警员", en: "there is no officer {badge}"),
        "officer-already-retired": .init(zh: "警员 {badge} 已注销", en: "officer {badge} is already retired"),
        "last-supervisor": .init(
            zh: "{badge} 是唯一在职的审批领导：没有审批领导，就无人能添加警员或审批任何事项；请先添加另一位审批领导，再注销 {badge}",
            en:
                "{badge} is the only active supervisor: without one nobody can add officers or approve anything; add another supervisor first, then retire {badge}"
        ),
        "override-needs-reason": .init(
            zh: "强制注销仍领用财物的警员须说明原因",
            en: "overriding the objects an officer holds needs a reason"),
        "officer-holds-objects": .init(
            zh: "警员 {badge} 仍领用着 {objects}（共 {count} 件）：请先办理归还，或说明原因后强制注销",
            en:
                "officer {badge} still holds {objects} ({count} in all): have them returned first, or retire overriding the holdings with a reason"
        ),

        "location-exists": .init(zh: "位置 {code} 已存在", en: "location {code} already exists"),
        "location-needs-parent": .init(zh: "{kind}必须有上级位置", en: "a {kind} must have a parent location"),
        "location-not-found": .init(zh: "没有编号为 {code} 的存放位置", en: "there is no location {code}"),
        "case-exists": .init(zh: "案件 {case} 已登记", en: "case {case} already exists"),
        "case-not-found": .init(zh: "没有案件编号为 {case} 的案件", en: "there is no case {case}"),
        "case-closed": .init(zh: "案件 {case} 已结案", en: "case {case} is closed"),
        "case-already-closed": .init(zh: "案件 {case} 已经结案", en: "case {case} is already closed"),
        "case-not-unsolved": .init(zh: "案件 {case} 不是未破状态", en: "case {case} is not unsolved"),

        "object-already-here": .init(
            zh: "{object} 已在本单位台账中：不能再次接收", en: "{object} is in this ledger already: it cannot be received again"),
        "received-record-malformed": .init(
            zh: "接收的 {object} 登记信息不完整或与编号不符", en: "the record received for {object} is incomplete or names another object"),
        "object-not-found": .init(zh: "没有编号为 {object} 的涉案财物或案卷", en: "there is no item or dossier {object}"),
        "object-disposed": .init(zh: "{object} 已处置，不再由本室保管", en: "{object} was disposed of and is no longer in custody"),
        "object-in-other-case": .init(
            zh: "{object} 属于案件 {case}，不属于 {given}",
            en: "{object} belongs to case {case}, not {given}"),
        "object-not-new": .init(
            zh: "{object} {status}；只有新登记的财物才能办理入库（已入库过的请办理归还或移库）",
            en: "{object} is {status}; only a newly registered object is checked in (return or move it instead)"),
        "object-not-checked-out": .init(
            zh: "{object} {status}，未出库：无需归还",
            en: "{object} is {status}, not checked out: there is nothing to return"),
        "object-not-stored-yet": .init(
            zh: "{object} 已登记但尚未入库：请先办理入库，然后才能{operation}",
            en: "{object} is registered but not in storage yet: check it in first, then it can be {operation}"),
        "object-not-in-storage": .init(
            zh: "{object} {status}，不在库：不能{operation}",
            en: "{object} is {status}, not in storage: it cannot be {operation}"),
        "object-already-at": .init(zh: "{object} 已在 {location}", en: "{object} is already at {location}"),
        "object-has-chip": .init(
            zh: "{object} 已绑定芯片 {chip}：如需换芯片，请办理芯片更换",
            en: "{object} already has chip {chip}: replace the chip rather than bind another"),
        "object-has-no-chip": .init(
            zh: "{object} 尚未绑定芯片：请先绑定芯片",
            en: "{object} has no chip yet: bind one rather than replace it"),
        "chip-bound-elsewhere": .init(
            zh: "芯片 {chip} 已绑定到 {object}：一枚芯片只能对应一件财物",
            en: "chip {chip} is already bound to {object}: one chip, one object"),
        "chip-not-bound": .init(zh: "芯片 {chip} 未绑定任何涉案财物或案卷", en: "chip {chip} is not bound to any item or dossier"),

        "approver-is-holder": .init(
            zh: "审批人 {badge} 正是领用人：延期须由另一人审批",
            en: "the approver {badge} holds the object: an extension needs a second person's approval"),
        "extension-not-later": .init(
            zh: "延期后的归还时间 {due} 不晚于现定的 {current}", en: "the extended due time {due} is not later than the current {current}"),
        "approver-is-recipient": .init(
            zh: "审批人 {badge} 同时是领用人：出库须由另一人审批",
            en: "the approver {badge} is also the recipient: a check-out needs a second person's approval"),
        "cabinet-actor-not-recipient": .init(
            zh: "智能柜识别的是 {actor}，而领用人是 {recipient}：柜门处只能由领用人本人取出",
            en: "the cabinet identified {actor} but the recipient is {recipient}: at a cabinet only the recipient takes the object"),
        "cabinet-actor-not-returner": .init(
            zh: "智能柜识别的是 {actor}，而归还人是 {returner}：柜门处只能由归还人本人放回",
            en: "the cabinet identified {actor} but the returner is {returner}: at a cabinet only the returner puts the object back"),
        "due-not-in-future": .init(zh: "归还期限 {due} 不晚于现在", en: "the due time {due} is not in the future"),
        "due-too-far": .init(
            zh: "归还期限 {due} 超过一年：出库须在 366 天内归还（最晚 {latest}）；请定一个更早的期限，到期时再办理延期",
            en:
                "the due time {due} is more than a year away: a check-out is due back within 366 days (by {latest}); give an earlier due time and extend it when it falls due"
        ),
        "dossier-not-disposable": .init(zh: "{object} 是案卷：案卷不得处置", en: "{object} is a dossier: dossiers are never disposed of"),
        "owner-return-needs-recipient": .init(
            zh: "发还原主须写明接收人（原主或其代理人）",
            en: "a return to the owner needs a recipient (the owner or a proxy)"),
        "recipient-is-officer": .init(
            zh: "{recipient} 是警员：财物只能发还原主或其代理人，不能交给警员",
            en: "{recipient} is an officer: property is returned to the owner or a proxy, never to an officer"),
        "too-few-seizers": .init(
            zh: "扣押须由至少两名民警进行；现在只有 {count} 名",
            en: "at least two officers must seize an item; got {count}"),
        "seizure-in-future": .init(
            zh: "扣押时间 {seizedAt} 晚于登记时间 {recordedAt}：扣押不能发生在将来",
            en: "the seizure time {seizedAt} is after the time of recording {recordedAt}: a seizure cannot be in the future"),
        "seizure-too-early": .init(zh: "扣押时间 {seizedAt} 早于 1990-01-01", en: "the seizure time {seizedAt} is before 1990-01-01"),
        "dossier-needs-pages": .init(zh: "每卷案卷至少有一页", en: "a dossier volume has at least one page"),
        "volume-out-of-range": .init(
            zh: "第 {volume} 卷（共 {volumes} 卷）不是有效卷号：卷号应在 1 到总卷数之间",
            en: "volume {volume} of {volumes} is not a valid volume number: the volume is between 1 and the number of volumes"),

        "entry-not-found": .init(zh: "没有第 {index} 条记录", en: "there is no entry {index}"),
        "entry-not-correctable": .init(
            zh: "第 {index} 条记录不是保管记录，不能更正",
            en: "entry {index} is not a custody entry and cannot be corrected"),
        "field-not-correctable": .init(
            zh: "{type} 记录的字段“{fieldName}”不能更正（可更正：{correctable}）",
            en: "field \"{fieldName}\" of a {type} entry cannot be corrected (correctable: {correctable})"),
        "correction-unchanged": .init(zh: "{fieldName} 已经是“{value}”", en: "{fieldName} is already \"{value}\""),
    ]
}
