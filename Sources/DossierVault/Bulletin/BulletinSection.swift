public import LedgerPresentation
public import PropertyLedger

/// One section of the daily bulletin: what it lists, under a permanent id and a title in both languages.
///
/// A section is one type: it reads what it needs from the context (the day, the deadlines, the day's
/// corrections and stocktakes) and from the snapshot the bulletin is computed on, and returns its rows,
/// each with the handling unit it belongs to; the bulletin groups them by unit and keeps only the unit
/// asked for. Adding one to ``Bulletin/standardSections`` adds it to every bulletin, in every form.
public protocol BulletinSection: Sendable {
    /// A permanent kebab-case id: the JSON key, the HTML anchor.
    var id: String { get }
    var title: Wording { get }
    /// The section's rows for `context.day`, in the order they are to be read (most urgent first).
    func rows(in context: BulletinContext, from snapshot: borrowing StoreSnapshot) throws -> [BulletinRow]
}
