/// `ledger location list`: the table's headings, and the mark of central storage (kinds are
/// ``CustodyTermWords``).
public struct LocationListWords: CatalogueSection {
    public let codeHeading = Wording(zh: "编号", en: "CODE")
    public let nameHeading = Wording(zh: "名称", en: "NAME")
    public let kindHeading = Wording(zh: "类型", en: "KIND")
    public let parentHeading = Wording(zh: "上级位置", en: "PARENT")
    public let centralHeading = Wording(zh: "集中保管", en: "CENTRAL")
    public let central = Wording(zh: "是", en: "yes")
}

extension Catalogue {
    public static let locationList = LocationListWords()
}
