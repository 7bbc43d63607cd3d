import DossierVault
import LedgerPresentation

extension Grade {
    /// The grade as a word (红色, red): what the reader relies on; colour only helps in a terminal.
    var wording: Wording {
        let words = Catalogue.deadlines
        return switch self {
        case .red: words.red
        case .orange: words.orange
        case .yellow: words.yellow
        case .green: words.green
        }
    }
}
