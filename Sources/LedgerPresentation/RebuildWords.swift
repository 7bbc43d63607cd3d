/// What `ledger rebuild --check` and `--repair` print.
public struct RebuildWords: CatalogueSection {
    public let identical = Wording(zh: "校验通过：投影表与台账重放的结果完全一致", en: "OK: the projections are exactly what the log produces")
    public let different = Wording(zh: "校验失败：投影表与台账重放的结果不一致：", en: "FAILED: the projections differ from the log:")
    public let repaired = Wording(
        zh: "已修复：投影表已按台账重放的结果重写（台账本身未改动）。修复前的差异：",
        en: "Repaired: the projections were rewritten from the log's replay (the log itself is unchanged). They differed in:")
}

extension Catalogue {
    public static let rebuild = RebuildWords()
}
