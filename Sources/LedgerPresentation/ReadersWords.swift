/// What `ledger readers` prints: a table of the PC/SC readers, and those the policy refuses.
public struct ReadersWords: CatalogueSection {
    public let readerHeading = Wording(zh: "读卡器", en: "READER")
    public let tagHeading = Wording(zh: "芯片", en: "TAG")
    public let standardHeading = Wording(zh: "标准", en: "STANDARD")
    public let cardHeading = Wording(zh: "卡型", en: "CARD")
    /// In the tag column: a tag is on the reader.
    public let tagPresent = Wording(zh: "有", en: "present")
    public let noReaders = Wording(zh: "没有读卡器。", en: "No readers.")
    public let refused = Wording(
        zh: "（已拒绝：{readers}——测试用虚拟读卡器；设置 LEDGER_ALLOW_VIRTUAL_READERS=1 后可使用）",
        en: "(refused: {readers} — virtual test readers; set LEDGER_ALLOW_VIRTUAL_READERS=1 to use them)")
}

extension Catalogue {
    public static let readers = ReadersWords()
}
