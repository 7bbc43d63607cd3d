/// `ledger list`: the table's headings (``ObjectListTable``), the overdue marker and the count under it.
public struct ListWords: CatalogueSection {
    public let idHeading = Wording(zh: "编号", en: "ID")
    public let kindHeading = Wording(zh: "类别", en: "KIND")
    public let caseHeading = Wording(zh: "案件编号", en: "CASE")
    public let nameHeading = Wording(zh: "名称", en: "NAME")
    public let statusHeading = Wording(zh: "状态", en: "STATUS")
    public let whereHeading = Wording(zh: "存放位置/领用人", en: "LOCATION/HOLDER")
    public let dueHeading = Wording(zh: "归还期限", en: "DUE")
    /// After a due time that has passed.
    public let overdue = Wording(zh: "已逾期", en: "OVERDUE")
    public let count = Wording(zh: "（共 {count} 件）", en: "({count} objects)")
    public let countOne = Wording(zh: "（共 1 件）", en: "(1 object)")
    public let cutShort = Wording(
        zh: "（仅列出前 {count} 件；还有更多符合条件，调大 --limit 可查看）", en: "(the first {count} objects; more match: raise --limit to see them)")
    public let cutShortOne = Wording(
        zh: "（仅列出前 1 件；还有更多符合条件，调大 --limit 可查看）", en: "(the first 1 object; more match: raise --limit to see them)")
}

extension Catalogue {
    public static let list = ListWords()
}

extension ListWords {
    /// The line under the table: how many were listed, and whether more match than `--limit` let through.
    public func footer(count: Int, more: Bool, in language: Language) -> String {
        switch (count == 1, more) {
        case (true, false): countOne.text(in: language)
        case (true, true): cutShortOne.text(in: language)
        case (false, false): self.count.text(in: language, ["count": String(count)])
        case (false, true): cutShort.text(in: language, ["count": String(count)])
        }
    }
}
