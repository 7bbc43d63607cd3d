/// What `ledger checkpoint --check` prints for a checkpoint that verifies.
public struct CheckpointWords: CatalogueSection {
    public let verified = Wording(
        zh: "验证通过：{origin} 规模 {size} 的检查点，根哈希 {root}，由 {signer} 签署",
        en: "OK: checkpoint of {origin} at size {size}, root {root}, signed by {signer}")
}

extension Catalogue {
    public static let checkpoint = CheckpointWords()
}
