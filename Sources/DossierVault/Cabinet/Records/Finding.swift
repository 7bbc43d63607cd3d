public import Foundation

/// A finding (`vault_findings`): an irregularity a cabinet reported or reconciliation found, open until a
/// supervisor resolves it (``FindingResolved``).
public struct Finding: Sendable, Hashable {
    /// `F` and the index of the entry that recorded it.
    public let id: String
    public let index: Int64
    public let at: Date
    public let kind: FindingKind
    public let cabinet: String
    public let session: String?
    public let object: String?
    public let uid: String?
    public let slot: String?
    /// What else it says: the alarm's kind, the slot expected, the reason a custody entry was refused.
    public let detail: String?
    /// The officer the cabinet had identified in the session, if any.
    public let officer: String?
    public let resolution: Resolution?

    /// How a supervisor closed it.
    public struct Resolution: Sendable, Hashable {
        public let index: Int64
        public let at: Date
        public let by: String
        public let note: String
    }

    public var isOpen: Bool { resolution == nil }
}
