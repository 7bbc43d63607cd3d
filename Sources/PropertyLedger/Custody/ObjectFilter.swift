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
    /// Only check-outs due before this time (a deadline report's horizon).
    public var dueBefore: Date?
    /// Only objects stored in central storage (`true`) or stored anywhere else (`false`).
    public var inCentralStorage: Bool?
    public var limit = 10_000

    public init(
        caseNumber: String? = nil, location: String? = nil, status: ObjectStatus? = nil, holder: String? = nil,
        kind: ObjectKind? = nil, isOverdue: Bool = false, dueBefore: Date? = nil, inCentralStorage: Bool? = nil, limit: Int = 10_000
    ) {
        self.caseNumber = caseNumber
        self.location = location
        self.status = status
        self.holder = holder
        self.kind = kind
        self.isOverdue = isOverdue
        self.dueBefore = dueBefore
        self.inCentralStorage = inCentralStorage
        self.limit = limit
    }
}

/// Which cases a query returns (a rule engine's view: unsolved cases without progress since a date).
public struct CaseFilter: Sendable, Equatable {
    public var status: CaseStatus?
    public var kind: CaseKind?
    public var isPropertyCrime: Bool?
    /// Only cases of this handling unit.
    public var unit: String?
    /// Only cases whose last substantive progress (or opening) is before this time.
    public var lastProgressBefore: Date?
    public var limit = 10_000

    public init(
        status: CaseStatus? = nil, kind: CaseKind? = nil, isPropertyCrime: Bool? = nil, unit: String? = nil,
        lastProgressBefore: Date? = nil, limit: Int = 10_000
    ) {
        self.unit = unit
        self.status = status
        self.kind = kind
        self.isPropertyCrime = isPropertyCrime
        self.lastProgressBefore = lastProgressBefore
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
