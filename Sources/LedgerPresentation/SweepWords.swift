/// `ledger dossier sweep`: the transfer list to central storage (移交案管中心集中保管清单), and what recording it
/// moved and could not move.
public struct SweepWords: CatalogueSection {
    public let dossierHeading = Wording(zh: "案卷编号", en: "DOSSIER")
    public let nameHeading = Wording(zh: "名称", en: "NAME")
    public let caseHeading = Wording(zh: "案件编号", en: "CASE")
    public let unitHeading = Wording(zh: "办案单位", en: "UNIT")
    public let dueHeading = Wording(zh: "期限", en: "DUE")
    public let whereHeading = Wording(zh: "现在位置/领用人", en: "LOCATION/HOLDER")
    public let nextHeading = Wording(zh: "须办", en: "NEXT")
    /// What must happen before each dossier can be moved.
    public let movable = Wording(zh: "可移交", en: "move it")
    public let mustBeReturned = Wording(zh: "须先归还", en: "return it first")
    public let mustBeCheckedIn = Wording(zh: "须先入库", en: "check it in first")
    public let neverStored = Wording(zh: "尚未入库", en: "never checked in")
    /// Above the list.
    public let title = Wording(zh: "移交案管中心集中保管清单（截至 {asOf}）", en: "Transfer list to central storage as of {asOf}")
    public let destination = Wording(zh: "移交至 {location}", en: "to {location}")
    public let none = Wording(zh: "截至 {asOf}，没有须移交集中保管的案卷。", en: "No dossier is due for central storage as of {asOf}.")
    /// Under the list.
    public let count = Wording(zh: "（共 {count} 卷，其中 {movable} 卷可立即移交）", en: "({count} dossiers, {movable} can be moved now)")
    public let countOne = Wording(zh: "（共 1 卷，其中 {movable} 卷可立即移交）", en: "(1 dossier, {movable} can be moved now)")
    /// Recording the sweep (`--record`).
    public let moved = Wording(
        zh: "已记录 {count} 条移库记录（第 {first}–{last} 条），依规则 central-storage 移交至 {location}：",
        en: "Recorded {count} moves to {location} under rule central-storage (entries #{first}–#{last}):")
    public let movedOne = Wording(
        zh: "已记录 1 条移库记录（第 {first} 条），依规则 central-storage 移交至 {location}：",
        en: "Recorded 1 move to {location} under rule central-storage (entry #{first}):")
    public let wouldMove = Wording(
        zh: "试运行（未写入）：将记录 {count} 条移库记录（第 {first}–{last} 条），依规则 central-storage 移交至 {location}：",
        en: "Would record {count} moves to {location} under rule central-storage (entries #{first}–#{last}):")
    public let wouldMoveOne = Wording(
        zh: "试运行（未写入）：将记录 1 条移库记录（第 {first} 条），依规则 central-storage 移交至 {location}：",
        en: "Would record 1 move to {location} under rule central-storage (entry #{first}):")
    public let movedNone = Wording(zh: "没有可立即移交的案卷，未记录任何内容。", en: "No dossier could be moved now; nothing was recorded.")
    public let movedLine = Wording(zh: "  第 {index} 条  {dossier}  {name}  自 {from}", en: "  #{index}  {dossier}  {name}  from {from}")
    public let notMoved = Wording(zh: "未能移交 {count} 卷：", en: "Not moved ({count}):")
    public let notMovedLine = Wording(zh: "  {dossier}  {name}  {status}：{next}", en: "  {dossier}  {name}  {status}: {next}")
}

extension Catalogue {
    public static let sweep = SweepWords()
}
