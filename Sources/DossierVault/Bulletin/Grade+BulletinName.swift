public import LedgerPresentation

extension Grade {
    /// The grade as a word (红, red), shown beside its colour so that it survives a printer without colour.
    public var bulletinName: Wording {
        let words = Catalogue.bulletin
        return switch self {
        case .red: words.red
        case .orange: words.orange
        case .yellow: words.yellow
        case .green: words.green
        }
    }
}
