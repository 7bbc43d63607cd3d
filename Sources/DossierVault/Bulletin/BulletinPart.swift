public import LedgerPresentation

/// One section's rows within one unit of a bulletin.
public struct BulletinPart: Sendable, Hashable {
    /// The section's id (``BulletinSection/id``).
    public let sectionID: String
    public let title: Wording
    public let rows: [BulletinRow]

    public init(sectionID: String, title: Wording, rows: [BulletinRow]) {
        self.sectionID = sectionID
        self.title = title
        self.rows = rows
    }
}
