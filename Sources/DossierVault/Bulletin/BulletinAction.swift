public import LedgerPresentation

/// What a row asks someone to do, as a permanent code (for JSON) and its words.
public struct BulletinAction: Sendable, Hashable {
    /// A kebab-case code: a ``Deadline/Action`` raw value, or a section's own (`locate-missing`).
    public let code: String
    public let wording: Wording

    public init(code: String, wording: Wording) {
        self.code = code
        self.wording = wording
    }

    /// What a deadline requires.
    public init(_ action: Deadline.Action) {
        let words = Catalogue.bulletin
        let wording: Wording =
            switch action {
            case .moveToCentralStorage: words.moveToCentralStorage
            case .checkIn: words.checkIn
            case .returnOrExtend: words.returnOrExtend
            case .returnToOwner: words.returnToOwner
            }
        self.init(code: action.rawValue, wording: wording)
    }
}
