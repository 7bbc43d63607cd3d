/// What `ledger chip bind --scan` prints while it waits for the tag.
public struct ChipBindWords: CatalogueSection {
    public let presentTag = Wording(zh: "请出示 {object} 的芯片……", en: "Present the tag for {object}…")
}

extension Catalogue {
    public static let chipBind = ChipBindWords()
}
