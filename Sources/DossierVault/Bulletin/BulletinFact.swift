public import LedgerPresentation

/// One thing a row states beside its object, case and action: when it is due, who holds it, what was
/// corrected. The key is permanent (the JSON key in the row's `details`); the label words it for people.
public struct BulletinFact: Sendable, Hashable {
    /// A camelCase key, unique within the row: `due`, `overdueBy`, `holder`.
    public let key: String
    public let label: Wording
    public let value: BulletinValue

    public init(_ key: String, _ label: Wording, _ value: BulletinValue) {
        self.key = key
        self.label = label
        self.value = value
    }
}
