public import Foundation
public import LedgerPresentation
public import PropertyLedger

/// What a section computes its rows from, beside the snapshot: the day and its bounds, the time deadlines
/// were graded at, the unit asked for, the deadlines, the day's corrections and stocktakes, and the
/// officers by badge.
public struct BulletinContext: Sendable {
    public let day: BulletinDay
    /// The day in the agency's zone, from its first second up to the next day's.
    public let interval: DateInterval
    /// When the deadlines were graded: the computation time, kept within the day (the end of a past day,
    /// the start of a future one).
    public let asOf: Date
    /// The handling unit asked for; nil for all.
    public let unit: String?
    public let agency: Agency
    /// The open deadlines graded at ``asOf``, already limited to ``unit``.
    public let deadlines: [Deadline]
    /// The corrections and stocktakes recorded during the day, in log order.
    public let notableEntries: [(index: Int64, entry: CustodyEntry)]
    public let people: People
    let officers: [String: Officer]

    public init(
        day: BulletinDay, asOf: Date, unit: String?, agency: Agency, deadlines: [Deadline],
        notableEntries: [(index: Int64, entry: CustodyEntry)], officers: [Officer]
    ) {
        self.day = day
        self.interval = day.interval(in: agency.timeZone)
        self.asOf = asOf
        self.unit = unit
        self.agency = agency
        self.deadlines = deadlines
        self.notableEntries = notableEntries
        self.people = People(officers)
        self.officers = Dictionary(officers.map { ($0.badge, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether rows of `unit` belong in this bulletin.
    public func includes(unit rowUnit: String?) -> Bool {
        unit == nil || rowUnit == unit
    }

    /// An officer as the bulletin states one: the badge and the name the store has for it.
    public func person(_ badge: String) -> BulletinValue {
        .person(badge: badge, name: officers[badge]?.name)
    }

    /// An officer's own unit, for what is about an officer rather than a case.
    public func unit(ofOfficer badge: String) -> String? {
        officers[badge]?.unit
    }

    /// A location as the bulletin states one: the code and its name.
    public func place(_ code: String, in snapshot: borrowing StoreSnapshot) throws -> BulletinValue {
        .place(code: code, name: try snapshot.custody.location(code)?.name)
    }

    /// The object `id` as it stands, or only its id when the store has no such object.
    public func object(_ id: String, in snapshot: borrowing StoreSnapshot) throws -> BulletinObject {
        try snapshot.custody.object(id).map(BulletinObject.init) ?? BulletinObject(id: id)
    }

    /// The handling unit of case `number`; nil when the case has none or is unknown.
    public func unit(ofCase number: String, in snapshot: borrowing StoreSnapshot) throws -> String? {
        try snapshot.custody.caseRecord(number)?.unit
    }

    /// How long past due `deadline` is at ``asOf`` (when red), or how long it has left (otherwise).
    public func timing(of deadline: Deadline) -> BulletinFact {
        let left = deadline.due.timeIntervalSince(asOf)
        return left < 0
            ? BulletinFact("overdueSeconds", Catalogue.bulletin.overdueBy, .duration(-left))
            : BulletinFact("leftSeconds", Catalogue.bulletin.timeLeft, .duration(left))
    }
}
