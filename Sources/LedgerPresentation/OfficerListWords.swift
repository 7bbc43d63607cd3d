/// `ledger officer list`: the table's headings (roles and standing are ``CustodyTermWords``).
public struct OfficerListWords: CatalogueSection {
    public let badgeHeading = Wording(zh: "警号", en: "BADGE")
    public let nameHeading = Wording(zh: "姓名", en: "NAME")
    public let roleHeading = Wording(zh: "角色", en: "ROLE")
    public let unitHeading = Wording(zh: "单位", en: "UNIT")
    public let statusHeading = Wording(zh: "状态", en: "STATUS")
}

extension Catalogue {
    public static let officerList = OfficerListWords()
}
