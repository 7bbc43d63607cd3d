/// `ledger scan`: what the clerk's loop prints per tag and about the readers (its errors are reasons; reader status lines are ``ScanLoopWords``).
public struct ScanWords: CatalogueSection {
    /// A tag's object in brief: id, name, case, then where it stands (``ObjectWords/status(of:locationName:people:timeFormat:now:)``).
    public let object = Wording(zh: "{id}  {name}  案件 {case}  {status}", en: "{id}  {name}  case {case}  {status}")
    public let recorded = Wording(zh: "  → {action}已记为第 {index} 条记录", en: "  → {action} recorded as entry #{index}")
    public let wouldRecord = Wording(zh: "  → {action}将记为第 {index} 条记录（试运行，未写入）", en: "  → {action} would be recorded as entry #{index}")
    public let refused = Wording(zh: "  → 未办理：{reason}", en: "  → refused: {reason}")
    /// Each open deadline of the tag's object, on a line of its own (``DeadlineWords/line``).
    public let deadline = Wording(zh: "\n    期限  {deadline}", en: "\n    deadline  {deadline}")
    /// The actions, as `--action` names them in English and the clerk reads them in Chinese.
    public let checkin = Wording(zh: "入库", en: "checkin")
    public let `return` = Wording(zh: "归还入库", en: "return")
    public let move = Wording(zh: "移库", en: "move")
    public let tagLeft = Wording(zh: "标签已移开", en: "tag left")
}

extension Catalogue {
    public static let scan = ScanWords()
}
