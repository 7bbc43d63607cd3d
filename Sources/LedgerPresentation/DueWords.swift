/// `ledger due`: the table of open deadlines, the count under it, and the sources of the rules listed.
public struct DueWords: CatalogueSection {
    public let gradeHeading = Wording(zh: "预警", en: "GRADE")
    public let dueHeading = Wording(zh: "期限", en: "DUE")
    public let leftHeading = Wording(zh: "剩余时间", en: "TIME LEFT")
    public let objectHeading = Wording(zh: "编号", en: "OBJECT")
    public let nameHeading = Wording(zh: "名称", en: "NAME")
    public let caseHeading = Wording(zh: "案件编号", en: "CASE")
    public let ruleHeading = Wording(zh: "规则", en: "RULE")
    public let actionHeading = Wording(zh: "应办", en: "TO DO")
    public let none = Wording(zh: "截至 {asOf}，没有未办结的期限。", en: "No open deadlines as of {asOf}.")
    /// Under the table; `grades` is the count of each grade (``gradeCount``), most urgent first.
    public let count = Wording(zh: "截至 {asOf}，共 {count} 项期限：{grades}", en: "{count} open deadlines as of {asOf}: {grades}")
    public let countOne = Wording(zh: "截至 {asOf}，共 1 项期限：{grades}", en: "1 open deadline as of {asOf}: {grades}")
    public let gradeCount = Wording(zh: "{grade} {count}", en: "{count} {grade}")
    public let gradeSeparator = Wording(zh: "、", en: ", ")
    /// Before the rules listed, each with its full name and the document it comes from.
    public let sources = Wording(zh: "规则来源：", en: "Sources of the rules:")
    public let source = Wording(zh: "  {rule}（{name}）：{source}", en: "  {rule} ({name}): {source}")
}

extension Catalogue {
    public static let due = DueWords()
}
