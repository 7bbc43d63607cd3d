public import Foundation

/// Which objects `ledger list` shows; every condition given must hold.
public struct ObjectFilter: Sendable, Equatable {
    public var caseNumber: String?
    /// This location or any location below it.
    public var location: String?
    public var status: ObjectStatus?
    public var holder: String?
    public var kind: ObjectKind?
    /// Only check-outs past their due time.
    public var isOverdue = false
    public var limit = 10_000

    public init(
        caseNumber: String? = nil, location: String? = nil, status: ObjectStatus? = nil, holder: String? = nil,
        kind: ObjectKind? = nil, isOverdue: Bool = false, limit: Int = 10_000
    ) {
        self.caseNumber = caseNumber
        self.location = location
        self.status = status
        self.holder = holder
        self.kind = kind
        self.isOverdue = isOverdue
        self.limit = limit
    }
}

/// One entry in an object's chain of custody.
public struct HistoryEntry: Sendable, Equatable {
    public var index: Int64
    public var entry: CustodyEntry
    /// The exact stored bytes, for a receipt.
    public var bytes: Data
}
