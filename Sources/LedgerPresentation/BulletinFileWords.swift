/// `ledger bulletin --out FILE`: where the bulletin was written.
public struct BulletinFileWords: CatalogueSection {
    public let written = Wording(zh: "每日执法问题通报已写入 {path}", en: "Bulletin written to {path}")
}

extension Catalogue {
    public static let bulletinFile = BulletinFileWords()
}
