public import Foundation

/// An item marked unrelated to its case (``ItemUnrelated``), and whether it has left custody since.
public struct UnrelatedMark: Sendable, Hashable {
    public let object: String
    /// The marking entry's index.
    public let index: Int64
    public let actor: String
    /// When it was marked: the `release-unrelated` clock starts here.
    public let at: Date
    public let reason: String
    /// The disposal that ended the deadline (any method: the item has left custody), if any.
    public let endedBy: Int64?

    public init(object: String, index: Int64, actor: String, at: Date, reason: String, endedBy: Int64?) {
        self.object = object
        self.index = index
        self.actor = actor
        self.at = at
        self.reason = reason
        self.endedBy = endedBy
    }
}
