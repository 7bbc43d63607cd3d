import Foundation
import PropertyLedger

/// Evaluates the rules over the custody state as it stands, with the clock at `asOf` and the policy in force
/// then: every open deadline, each graded at `asOf`.
///
/// Only candidates are read — checked-out objects, items not yet checked in, dossiers of the cases the
/// one-month rule covers that are not in central custody, items marked unrelated and still in custody — never
/// every object. Each candidate goes through ``deadlines(of:case:)``, the one place that says which deadlines
/// an object has, whichever query found it.
struct DeadlineFinder {
    let custody: CustodyView
    let agency: Agency
    /// The agency's zone, made once (``Agency/timeZone`` makes it anew at every call).
    let zone: TimeZone
    let policy: Policy
    let asOf: Date
    /// When each current check-out started.
    let checkoutStarts: [String: Date]
    /// The open unrelated marks, by object.
    let marks: [String: UnrelatedMark]
    /// Objects received from another agency: their arrival, and whether the goods stayed with the sender.
    let arrivals: [String: (at: Date, heldElsewhere: Bool)]
    /// Deadlines under these rules only.
    let rules: Set<RuleID>
    private var cases: [String: CaseRecord?] = [:]
    private var centralLocations: [String: Bool] = [:]
    /// Due times by the local day (days since 1970-01-01) the clock started on.
    private var centralDue: [Int: Date] = [:]

    init(
        custody: CustodyView, agency: Agency, policy: Policy, asOf: Date, checkoutStarts: [String: Date], marks: [String: UnrelatedMark],
        arrivals: [String: (at: Date, heldElsewhere: Bool)], rules: Set<RuleID>
    ) {
        self.arrivals = arrivals
        self.custody = custody
        self.agency = agency
        self.zone = agency.timeZone
        self.policy = policy
        self.asOf = asOf
        self.checkoutStarts = checkoutStarts
        self.marks = marks
        self.rules = rules
    }

    /// The finder for the state `tables` and `custody` hold, at `asOf`, under the policy in force then.
    static func make(
        tables: borrowing ProjectionTables, custody: CustodyView, agency: Agency, asOf: Date, rules: Set<RuleID> = Set(RuleID.allCases)
    ) throws -> DeadlineFinder {
        DeadlineFinder(
            custody: custody, agency: agency, policy: try PolicyLog.policy(in: tables, agency: agency, at: asOf), asOf: asOf,
            checkoutStarts: rules.contains(.checkoutDue) ? try CheckoutClock.starts(in: tables) : [:],
            marks: rules.contains(.releaseUnrelated)
                ? Dictionary(try UnrelatedProperty.openMarks(in: tables).map { ($0.object, $0) }) { first, _ in first } : [:],
            arrivals: rules.contains(.intake) ? try ReceivedObjects.arrivals(in: tables) : [:], rules: rules)
    }

    /// Every open deadline matching `filter`, by due time (then rule, then object), and the objects they name.
    mutating func allWithObjects(matching filter: DeadlineFilter) throws -> (deadlines: [Deadline], objects: [String: CustodyObject]) {
        var candidates: [CustodyObject] = []
        var seen: Set<String> = []
        func add(_ objects: [CustodyObject]) {
            candidates.reserveCapacity(candidates.count + objects.count)
            for object in objects where seen.insert(object.id).inserted { candidates.append(object) }
        }
        // Only the items not yet checked in need their registration (the seizure time); the other queries leave
        // it out, and cannot find those items.
        if rules.contains(.intake) {
            add(try custody.objects(matching: ObjectFilter(status: .registered, kind: .item, limit: .max), now: asOf))
        }
        if rules.contains(.checkoutDue) {
            add(try custody.objects(matching: ObjectFilter(status: .checkedOut, includesRegistration: false, limit: .max), now: asOf))
        }
        // Checked-out dossiers taken from elsewhere than central storage are found here too.
        if rules.contains(.centralStorage) {
            for cases in CentralStorageRule.coveredCases(unit: filter.unit) {
                // The covered cases in one query each, rather than one lookup per dossier's case.
                for record in try custody.cases(matching: cases) { self.cases[record.number] = record }
                let dossiers = ObjectFilter(kind: .dossier, inCentralCustody: false, cases: cases, includesRegistration: false, limit: .max)
                add(try custody.objects(matching: dossiers, now: asOf))
            }
        }
        // Marked items not found above, read at once (the mark's deadline needs no registration).
        let marked = marks.keys.filter { !seen.contains($0) }
        add(try custody.objectsWithoutRegistration(marked).sorted { $0.id < $1.id })
        var found: [Deadline] = []
        var objects: [String: CustodyObject] = [:]
        found.reserveCapacity(candidates.count)
        objects.reserveCapacity(candidates.count)
        for object in candidates {
            let record = try caseRecord(object.caseNumber)
            if let unit = filter.unit, record?.unit != unit { continue }
            for deadline in try deadlines(of: object, case: record) where filter.grades?.contains(deadline.grade) ?? true {
                found.append(deadline)
                objects[object.id] = object
            }
        }
        return (Self.sorted(found), objects)
    }

    /// `deadlines` in the report's order (``precedes(_:_:)``), sorting small keys rather than the deadlines
    /// themselves: thousands of them are moved once, not at every step of the sort.
    static func sorted(_ deadlines: [Deadline]) -> [Deadline] {
        let dues = deadlines.map(\.due)
        let ranks = deadlines.map { ruleRank[$0.rule] ?? 0 }
        let objects = deadlines.map(\.object)
        let order = deadlines.indices.sorted { a, b in
            if dues[a] != dues[b] { return dues[a] < dues[b] }
            if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
            return objects[a] < objects[b]
        }
        return order.map { deadlines[$0] }
    }

    /// Each rule's place in the order of their ids.
    static let ruleRank = Dictionary(
        uniqueKeysWithValues: RuleID.allCases.sorted { $0.rawValue < $1.rawValue }.enumerated().map { ($1, $0) })

    /// The report's order: by due time, then rule, then object.
    static func precedes(_ a: Deadline, _ b: Deadline) -> Bool {
        if a.due != b.due { return a.due < b.due }
        if a.rule != b.rule { return a.rule.rawValue < b.rule.rawValue }
        return a.object < b.object
    }

    /// The open deadlines of `object`, whose case is `record`.
    mutating func deadlines(of object: CustodyObject, case record: CaseRecord?) throws -> [Deadline] {
        var found: [Deadline] = []
        func add(_ rule: RuleID, _ action: Deadline.Action, since: Date, due: Date) {
            guard rules.contains(rule) else { return }
            found.append(
                Deadline(
                    rule: rule, action: action, object: object.id, caseNumber: object.caseNumber, unit: record?.unit, since: since,
                    due: due,
                    location: object.status == .inStorage ? object.location : nil,
                    holder: object.status == .checkedOut ? object.holder : nil, grade: policy.grade(due: due, at: asOf)))
        }
        guard object.status != .disposed, object.status != .transferred else { return [] }
        if object.kind == .dossier, let record, CentralStorageRule.covers(record), !(try isInCentralCustody(object)),
            let start = CentralStorageRule.clockStart(of: record)
        {
            add(.centralStorage, .moveToCentralStorage, since: start, due: centralStorageDue(of: record, start: start))
        }
        if object.kind == .item, object.status == .registered, let seized = object.item.flatMap({ StoredTime.date($0.seizedAt) }) {
            // Received from another agency: from its arrival, and not at all when the goods stayed with the sender.
            let arrival = arrivals[object.id]
            if arrival?.heldElsewhere != true {
                let since = arrival?.at ?? seized
                add(.intake, .checkIn, since: since, due: since.addingTimeInterval(policy.intakeLimit))
            }
        }
        if object.status == .checkedOut, let due = object.due.flatMap(StoredTime.date) {
            add(.checkoutDue, .returnOrExtend, since: checkoutStarts[object.id] ?? due, due: due)
        }
        if let mark = marks[object.id], mark.endedBy == nil {
            add(.releaseUnrelated, .returnToOwner, since: mark.at, due: mark.at.addingTimeInterval(policy.releaseUnrelatedLimit))
        }
        return found
    }

    /// Stored at a central location, or checked out from one.
    mutating func isInCentralCustody(_ object: CustodyObject) throws -> Bool {
        let place: String?
        switch object.status {
        case .inStorage: place = object.location
        case .checkedOut: place = object.checkedOutFrom
        case .registered, .disposed, .transferred: place = nil
        }
        guard let place else { return false }
        if let known = centralLocations[place] { return known }
        let central = try custody.location(place)?.isCentral ?? false
        centralLocations[place] = central
        return central
    }

    mutating func caseRecord(_ number: String) throws -> CaseRecord? {
        if let known = cases[number] { return known }
        let record = try custody.caseRecord(number)
        cases[number] = record
        return record
    }

    /// The due time for a clock that started at `start`: one calendar computation per day the clocks start on.
    private mutating func centralStorageDue(of record: CaseRecord, start: Date) -> Date {
        let day = Int((start.timeIntervalSince1970 + TimeInterval(zone.secondsFromGMT(for: start))).rounded(.down) / 86_400)
        if let known = centralDue[day] { return known }
        let due = CentralStorageRule.due(clockStart: start, months: policy.centralStorageMonths, in: zone)
        centralDue[day] = due
        return due
    }
}
