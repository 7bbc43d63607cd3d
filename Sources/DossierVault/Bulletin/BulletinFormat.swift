public import LedgerPresentation

/// The forms of a bulletin: text for a terminal (80 columns), JSON for machines, HTML to open or print.
public enum BulletinFormat: String, Sendable, Hashable, CaseIterable {
    case text, json, html
}

extension Bulletin {
    /// The bulletin in `format`, worded in `language`, Chinese unless another is asked for (JSON has codes, not
    /// words, whatever the language).
    public func rendered(as format: BulletinFormat, in language: Language = .zh) -> String {
        switch format {
        case .text: BulletinTextRenderer(bulletin: self, language: language).rendered()
        case .json: json()
        case .html: BulletinHTMLRenderer(bulletin: self, language: language).rendered()
        }
    }

    /// The JSON form: one line, as `ledger --json` prints; `pretty`, indented by two spaces, for people.
    public func json(pretty: Bool = false) -> String {
        BulletinJSONRenderer(bulletin: self, pretty: pretty).rendered()
    }
}
