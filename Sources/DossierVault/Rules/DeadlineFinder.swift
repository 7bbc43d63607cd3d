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
    let policy: Policy
    let asOf: Date
    /// When each current check-out started.
    let checkoutStarts: [String: Date]
    /// The open unrelated marks, by object.
    let marks: [String: UnrelatedMark]
    /// Deadlines under these rules only.
    let rules: Set<RuleID>
    private var cases: [String: CaseRecord?] = [:]
    private var centralLocations: [String: Bool] = [:]
    private var centralDue: [String: Date] = [:]

    init(
        custody: CustodyView, agency: Agency, policy: Policy, asOf: Date, checkoutStarts: [String: Date], marks: [String: UnrelatedMark],
        rules: Set<RuleID>
    ) {
        self.custody = custody
        self.agency = agency
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
            rules: rules)
    }

    /// Every open deadline matching `filter`, by due time (then rule, then object).
    mutating func all(matching filter: DeadlineFilter) throws -> [Deadline] {
        var candidates: [String: CustodyObject] = [:]
        func add(_ objects: [CustodyObject]) {
            for object in objects { candidates[object.id] = object }
        }
        if rules.contains(.checkoutDue) || rules.contains(.centralStorage) {
            add(try custody.objects(matching: ObjectFilter(status: .checkedOut, limit: .max), now: asOf))
        }
        if rules.contains(.intake) {
            add(try custody.objects(matching: ObjectFilter(status: .registered, kind: .item, limit: .max), now: asOf))
        }
        if rules.contains(.centralStorage) {
            for cases in CentralStorageRule.coveredCases(unit: filter.unit) {
                add(
                    try custody.objects(
                        matching: ObjectFilter(kind: .dossier, inCentralCustody: false, cases: cases, limit: .max), now: asOf))
            }
        }
        for mark in marks.values where candidates[mark.object] == nil {
            if let object = try custody.object(mark.object) { candidates[mark.object] = object }
        }
        var found: [Deadline] = []
        for object in candidates.values {
            let record = try caseRecord(object.caseNumber)
            if let unit = filter.unit, record?.unit != unit { continue }
            found += try deadlines(of: object, case: record).filter { filter.grades?.contains($0.grade) ?? true }
        }
        return found.sorted { ($0.due, $0.rule.rawValue, $0.object) < ($1.due, $1.rule.rawValue, $1.object) }
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
        guard object.status != .disposed else { return [] }
        if object.kind == .dossier, let record, CentralStorageRule.covers(record), !(try isInCentralCustody(object)),
            let start = CentralStorageRule.clockStart(of: record)
        {
            add(.centralStorage, .moveToCentralStorage, since: start, due: centralStorageDue(of: record, start: start))
        }
        if object.kind == .item, object.status == .registered, let seized = object.item.flatMap({ StoredTime.date($0.seizedAt) }) {
            add(.intake, .checkIn, since: seized, due: seized.addingTimeInterval(policy.intakeLimit))
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
        case .registered, .disposed: place = nil
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

    private mutating func centralStorageDue(of record: CaseRecord, start: Date) -> Date {
        if let known = centralDue[record.number] { return known }
        let due = CentralStorageRule.due(clockStart: start, months: policy.centralStorageMonths, in: agency.timeZone)
        centralDue[record.number] = due
        return due
    }
}
