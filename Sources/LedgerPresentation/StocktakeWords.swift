/// What `ledger audit` prints around a stocktake round: what to do, and the report that was recorded.
public struct StocktakeWords: CatalogueSection {
    public let presentThenEndInput = Wording(
        zh: "盘点 {location}：请逐一出示芯片，完毕后结束输入。", en: "Stocktake of {location}: present every tag, then end the input.")
    public let presentThenPressEnter = Wording(
        zh: "盘点 {location}：请逐一出示芯片，完毕后按回车键。", en: "Stocktake of {location}: present every tag, then press Enter.")
    public let recorded = Wording(zh: "盘点 {location}，已登记为第 {index} 条记录：", en: "Stocktake of {location}, recorded as entry #{index}:")
    public let wouldRecord = Wording(
        zh: "盘点 {location}，将登记为第 {index} 条记录（试运行，未写入）：", en: "Stocktake of {location}, would be recorded as entry #{index}:")
    public let found = Wording(zh: "在位", en: "found")
    public let missing = Wording(zh: "缺失", en: "missing")
    public let misplaced = Wording(zh: "错放", en: "misplaced")
    public let unknown = Wording(zh: "未登记", en: "unknown")
}

extension Catalogue {
    public static let stocktake = StocktakeWords()
}
