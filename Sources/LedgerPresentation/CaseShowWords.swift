/// `ledger case show`: a case's card and the table of its items and dossiers.
public struct CaseShowWords: CatalogueSection {
    public let kindLabel = Wording(zh: "类别", en: "kind")
    public let statusLabel = Wording(zh: "状态", en: "status")
    public let openedLabel = Wording(zh: "立案时间", en: "opened")
    public let lastProgressLabel = Wording(zh: "最近进展", en: "last progress")
    public let idHeading = Wording(zh: "编号", en: "ID")
    public let nameHeading = Wording(zh: "名称", en: "NAME")
    public let statusHeading = Wording(zh: "状态", en: "STATUS")
    public let whereHeading = Wording(zh: "位置", en: "WHERE")
    public let heldBy = Wording(zh: "{holder} 领用", en: "held by {holder}")
}

extension Catalogue {
    public static let caseShow = CaseShowWords()
}
