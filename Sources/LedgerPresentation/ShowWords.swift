/// `ledger show` and `ledger where`: an object's card, one labelled line each (the labels padded to one width).
public struct ShowWords: CatalogueSection {
    public let caseLabel = Wording(zh: "案件", en: "case")
    public let statusLabel = Wording(zh: "状态", en: "status")
    public let chipLabel = Wording(zh: "芯片", en: "chip")
    public let featuresLabel = Wording(zh: "特征", en: "features")
    public let weightLabel = Wording(zh: "重量", en: "weight")
    public let seizedLabel = Wording(zh: "扣押", en: "seized")
    public let volumeLabel = Wording(zh: "卷次", en: "volume")
    public let entriesLabel = Wording(zh: "记录", en: "entries")
    public let seized = Wording(zh: "{time}，扣押民警 {seizers}", en: "{time} by {seizers}")
    public let volume = Wording(zh: "第 {volume} 卷，共 {volumes} 卷，{pages} 页", en: "{volume} of {volumes}, {pages} pages")
    public let entries = Wording(zh: "登记于第 {registered} 条，最近一条为第 {last} 条", en: "registered at #{registered}, last #{last}")
}

extension Catalogue {
    public static let show = ShowWords()
}

extension ShowWords {
    /// Every label a card may have, so that the values of every card start in one column.
    public var labels: [Wording] {
        [caseLabel, statusLabel, chipLabel, featuresLabel, weightLabel, seizedLabel, volumeLabel, entriesLabel]
    }
}
