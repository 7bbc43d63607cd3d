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
    /// Only objects in the custody of central storage — stored at a central location, or checked out from one
    /// (`true`) — or only objects that are not: stored elsewhere, checked out from elsewhere, registered and
    /// never stored, or disposed of (`false`). What the one-month rule asks of dossiers.
    public var inCentralCustody: Bool?
    /// Only objects whose case matches this filter (its `limit` does not apply here): a rule engine's join,
    /// e.g. the dossiers of unsolved criminal cases.
    public var cases: CaseFilter?
    public var limit = 10_000

    public init(
        caseNumber: String? = nil, location: String? = nil, status: ObjectStatus? = nil, holder: String? = nil,
        kind: ObjectKind? = nil, isOverdue: Bool = false, dueBefore: Date? = nil, inCentralStorage: Bool? = nil,
        inCentralCustody: Bool? = nil, cases: CaseFilter? = nil, limit: Int = 10_000
    ) {
        self.caseNumber = caseNumber
        self.location = location
        self.status = status
        self.holder = holder
        self.kind = kind
        self.isOverdue = isOverdue
        self.dueBefore = dueBefore
        self.inCentralStorage = inCentralStorage
        self.inCentralCustody = inCentralCustody
        self.cases = cases
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
