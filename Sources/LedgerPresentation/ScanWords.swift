/// `ledger scan`: what the clerk's loop prints per tag and about the readers (its errors are reasons).
public struct ScanWords: CatalogueSection {
    /// A tag's object in brief: id, name, case, then where it stands (``ObjectWords/status(of:locationName:people:timeFormat:now:)``).
    public let object = Wording(zh: "{id}  {name}  案件 {case}  {status}", en: "{id}  {name}  case {case}  {status}")
    public let recorded = Wording(zh: "  → {action}已记为第 {index} 条记录", en: "  → {action} recorded as entry #{index}")
    public let wouldRecord = Wording(zh: "  → {action}将记为第 {index} 条记录（试运行，未写入）", en: "  → {action} would be recorded as entry #{index}")
    public let refused = Wording(zh: "  → 未办理：{reason}", en: "  → refused: {reason}")
    /// The actions, as `--action` names them in English and the clerk reads them in Chinese.
    public let checkin = Wording(zh: "入库", en: "checkin")
    public let `return` = Wording(zh: "归还入库", en: "return")
    public let tagLeft = Wording(zh: "标签已移开", en: "tag left")
    public let noReaders = Wording(zh: "没有读卡器", en: "no readers")
    public let readers = Wording(zh: "读卡器：{readers}", en: "readers: {readers}")
    public let readersChanged = Wording(zh: "新增读卡器：{added}；移除：{removed}", en: "readers added: {added}; removed: {removed}")
    public let serviceLost = Wording(
        zh: "PC/SC 服务已断开（{reason}）；正在等待其恢复", en: "the PC/SC service went away ({reason}); waiting for it to come back")
    public let serviceRestored = Wording(zh: "PC/SC 服务已恢复", en: "the PC/SC service is back")
}

extension Catalogue {
    public static let scan = ScanWords()
}
