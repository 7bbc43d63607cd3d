/// What `ledger rebuild --check` prints.
public struct RebuildWords: CatalogueSection {
    public let identical = Wording(zh: "校验通过：投影表与台账重放的结果完全一致", en: "OK: the projections are exactly what the log produces")
    public let different = Wording(zh: "校验失败：投影表与台账重放的结果不一致：", en: "FAILED: the projections differ from the log:")
}

extension Catalogue {
    public static let rebuild = RebuildWords()
}
