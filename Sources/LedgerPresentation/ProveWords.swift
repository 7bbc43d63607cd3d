/// What `ledger prove --check` prints for a receipt that verifies.
public struct ProveWords: CatalogueSection {
    public let verified = Wording(
        zh: "验证通过：第 {index} 条记录在 {origin} 规模 {size} 的台账中（签名和包含证明均已验证）",
        en: "OK: entry {index} is in {origin} at size {size} (signature and inclusion proof verified)")
}

extension Catalogue {
    public static let prove = ProveWords()
}
