/// The lines of `ledger scan` about the loop itself rather than a tag's object: readers coming and going,
/// the PC/SC service, and tags that cannot be read or looked up.
public struct ScanLoopWords: CatalogueSection {
    public let noReaders = Wording(zh: "没有读卡器", en: "no readers")
    public let readers = Wording(zh: "读卡器：{readers}", en: "readers: {readers}")
    public let readersChanged = Wording(zh: "新增读卡器：{added}；移除：{removed}", en: "readers added: {added}; removed: {removed}")
    public let serviceLost = Wording(
        zh: "PC/SC 服务中断（{detail}）；等待其恢复", en: "the PC/SC service went away ({detail}); waiting for it to come back")
    public let serviceRestored = Wording(zh: "PC/SC 服务已恢复", en: "the PC/SC service is back")
    public let unreadableTag = Wording(zh: "无法读取芯片：{detail}", en: "could not read the tag: {detail}")
    public let unknownTag = Wording(
        zh: "未登记的芯片 {uid}：请用 `ledger chip bind 编号 {uid}` 将其绑定到物品或案卷",
        en: "unknown tag {uid}: bind it with `ledger chip bind OBJECT {uid}`")
    public let lookupFailed = Wording(zh: "查询失败：{detail}", en: "lookup failed: {detail}")
}

extension Catalogue {
    public static let scanLoop = ScanLoopWords()
}
