/// One line about an entry, as the history's DETAIL column shows it (``EventSummary``): who, what and where, in
/// the chosen language. Values are filled in already worded (people by name, codes in words, times in the
/// agency's zone).
public struct EventSummaryWords: CatalogueSection {
    /// Joins the parts of a summary that are there only sometimes (a unit, a note).
    public let separator = Wording(zh: "，", en: ", ")

    public let officerAdded = Wording(zh: "{officer}，{role}", en: "{officer}, {role}")
    public let officerAddedWithUnit = Wording(zh: "{officer}，{role}，{unit}", en: "{officer}, {role}, {unit}")
    public let officerRetiredWithReason = Wording(zh: "{officer}：{reason}", en: "{officer}: {reason}")
    public let stillHolding = Wording(zh: "注销时仍领用 {objects}", en: "still holding {objects}")
    public let locationAdded = Wording(zh: "{code} {name}，{kind}", en: "{code} {name}, {kind}")
    public let locationParent = Wording(zh: "上级位置 {parent}", en: "in {parent}")
    public let centralStorage = Wording(zh: "案管中心集中保管", en: "central storage")
    public let caseOpened = Wording(zh: "{case} {title}，{kind}", en: "{case} {title}, {kind}")
    public let caseNote = Wording(zh: "{case}：{note}", en: "{case}: {note}")
    public let itemRegistered = Wording(
        zh: "{name} ×{quantity} {unit}，扣押民警 {seizers}", en: "{name} ×{quantity} {unit}, seized by {seizers}")
    public let dossierRegistered = Wording(
        zh: "第 {volume} 卷（共 {volumes} 卷），{pages} 页", en: "volume {volume}/{volumes}, {pages} pages")
    public let dossierTitled = Wording(
        zh: "{title}，第 {volume} 卷（共 {volumes} 卷），{pages} 页", en: "{title}, volume {volume}/{volumes}, {pages} pages")
    public let chipBound = Wording(zh: "芯片 {chip}", en: "chip {chip}")
    public let chipReplaced = Wording(zh: "芯片 {old} → {new}：{reason}", en: "chip {old} → {new}: {reason}")
    public let checkedIn = Wording(zh: "→ {location}", en: "→ {location}")
    public let checkedOut = Wording(
        zh: "{from} → {recipient}，事由：{reason}，审批人 {approver}，应于 {due} 前归还",
        en: "{from} → {recipient} for {reason}, approved by {approver}, due {due}")
    public let note = Wording(zh: "备注：{note}", en: "note: {note}")
    public let returned = Wording(zh: "→ {location}，归还人 {returner}，状况：{condition}", en: "→ {location} by {returner}, {condition}")
    public let checkoutExtended = Wording(
        zh: "归还期限 {previous} → {due}，审批人 {approver}：{reason}", en: "due {previous} → {due}, approved by {approver}: {reason}")
    public let unit = Wording(zh: "办案单位 {unit}", en: "handling unit {unit}")
    public let movedUnderRule = Wording(zh: "依规则 {rule}", en: "under rule {rule}")
    public let moved = Wording(zh: "{from} → {location}", en: "{from} → {location}")
    public let movedWithReason = Wording(zh: "{from} → {location}：{reason}", en: "{from} → {location}: {reason}")
    public let disposed = Wording(zh: "{method}，审批人 {approver}", en: "{method}, approved by {approver}")
    public let disposedTo = Wording(zh: "接收人 {recipient}", en: "to {recipient}")
    public let transferredOut = Wording(zh: "移交给 {to}（移交 {transfer}），凭对方回执", en: "to {to} with transfer {transfer}, on its receipt")
    public let objectReceived = Wording(
        zh: "自 {from} 接收（移交 {transfer}），归入案件 {case}", en: "received from {from} with transfer {transfer}, for case {case}")
    public let corrected = Wording(
        zh: "更正第 {index} 条记录的{field}：{old} → {new}（{reason}）", en: "corrects #{index} {field}: {old} → {new} ({reason})")
    public let stocktake = Wording(
        zh: "{location}：账物相符 {found}，缺失 {missing}，错放 {misplaced}，未登记芯片 {unknown}",
        en: "{location}: {found} found, {missing} missing, {misplaced} misplaced, {unknown} unknown")
    public let keyEnrolled = Wording(zh: "{holder} 的签名密钥 {key}", en: "{holder}'s signing key {key}")
    public let keyReplaced = Wording(zh: "{holder} 的签名密钥 {key}，替换 {old}", en: "{holder}'s signing key {key}, replacing {old}")
    public let keyRevoked = Wording(zh: "密钥 {key}（{reason}）", en: "key {key} ({reason})")
    public let signaturesRequired = Wording(
        zh: "自此每条记录都须签名（{reason}）", en: "every entry from here on must be signed ({reason})")
}

extension Catalogue {
    public static let eventSummaries = EventSummaryWords()
}
