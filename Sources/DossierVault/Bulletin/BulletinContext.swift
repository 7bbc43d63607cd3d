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
    /// The objects and location names of the red and orange deadlines, read once: several sections list
    /// them, and a large store may have many.
    private let objects: [String: CustodyObject]
    private let locationNames: [String: String]

    /// The context of a bulletin for `day` on `snapshot`: its deadlines of `unit` (all units when nil), the
    /// day's corrections and stocktakes, the officers.
    public init(snapshot: borrowing StoreSnapshot, day: BulletinDay, asOf: Date, unit: String?, deadlines: [Deadline]) throws {
        let agency = snapshot.agency
        self.day = day
        self.interval = day.interval(in: agency.timeZone)
        self.asOf = asOf
        self.unit = unit
        self.agency = agency
        self.deadlines = deadlines.filter { unit == nil || $0.unit == unit }
        self.notableEntries = try DossierVault.notableEntries(in: interval, of: snapshot)
        let officers = try snapshot.custody.officers()
        self.people = People(officers)
        self.officers = Dictionary(officers.map { ($0.badge, $0) }, uniquingKeysWith: { first, _ in first })
        // Without their registrations, in batches: sections show where objects are and what they are called.
        let listed = self.deadlines.filter { $0.grade == .red || $0.grade == .orange || $0.rule == .centralStorage }
        let objects = Dictionary(
            try snapshot.custody.objectsWithoutRegistration(Set(listed.map(\.object))).map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first })
        var locationNames: [String: String] = [:]
        for location in try snapshot.custody.locations() { locationNames[location.code] = location.name }
        self.objects = objects
        self.locationNames = locationNames
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
        .place(code: code, name: try locationNames[code] ?? snapshot.custody.location(code)?.name)
    }

    /// The object `id` as it stands, or only its id when the store has no such object.
    public func object(_ id: String, in snapshot: borrowing StoreSnapshot) throws -> BulletinObject {
        try custodyObject(id, in: snapshot).map(BulletinObject.init) ?? BulletinObject(id: id)
    }

    /// The object `id` as the store has it, if it has it.
    public func custodyObject(_ id: String, in snapshot: borrowing StoreSnapshot) throws -> CustodyObject? {
        try objects[id] ?? snapshot.custody.object(id)
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
