/// `ledger item unrelated`: what marking property unrelated to its case recorded, and its release deadline.
public struct ItemUnrelatedWords: CatalogueSection {
    public let recorded = Wording(
        zh: "已记录第 {index} 条：认定 {object} 与案件无关，应于 {due} 前发还权利人",
        en: "Recorded entry #{index}: {object} marked unrelated to its case, to be returned to its owner by {due}")
    public let wouldRecord = Wording(
        zh: "试运行（未写入）：将记录为第 {index} 条：认定 {object} 与案件无关，应于 {due} 前发还权利人",
        en: "Would record entry #{index}: {object} marked unrelated to its case, to be returned to its owner by {due}")
}

extension Catalogue {
    public static let itemUnrelated = ItemUnrelatedWords()
}
