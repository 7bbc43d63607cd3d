public import Foundation
public import PropertyLedger

/// The daily problem bulletin (每日执法问题通报, after 桓台's and 渭滨's daily patrols): for one calendar day in
/// the agency's zone and optionally one handling unit, what needs doing, unit by unit and section by
/// section, with counts, and what it was computed from so that it can be checked against the log later.
///
/// A bulletin is values in no language; ``rendered(as:in:)`` gives its text, JSON and HTML forms.
///
/// ```swift
/// let bulletin = try await Bulletin.compute(from: store, day: day, unit: unit) { snapshot, asOf in
///     try DossierVault.deadlines(in: snapshot, asOf: asOf, filter: …)
/// }
/// print(bulletin.rendered(as: .text, in: .zh))
/// ```
public struct Bulletin: Sendable {
    public let day: BulletinDay
    /// The handling unit asked for; nil for all units.
    public let unit: String?
    public let agency: Agency
    /// When the bulletin was computed.
    public let computedAt: Date
    /// When its deadlines were graded (``BulletinContext/asOf``).
    public let asOf: Date
    /// The log size and signed checkpoint it was computed from.
    public let source: BulletinSource
    /// Its sections, in order.
    public let sections: [any BulletinSection]
    /// The units with rows, by name, "unit unknown" last; the one unit asked for even without rows.
    public let units: [BulletinUnit]
    /// Over all units.
    public let counts: BulletinCounts

    /// Computes the bulletin on `snapshot`.
    ///
    /// - Parameters:
    ///   - checkpoint: the signed checkpoint to name: the one at the snapshot's size, when there is one.
    ///   - now: the computation time; deadlines are graded at it, kept within the day (``gradingTime(for:now:zone:)``).
    ///   - deadlines: the open deadlines graded at that time, all units (the bulletin keeps `unit`'s).
    ///   - sections: the sections, in order, each id once.
    public init(
        snapshot: borrowing StoreSnapshot, checkpoint: Checkpoint, day: BulletinDay, unit: String? = nil, now: Date,
        deadlines: [Deadline], sections: [any BulletinSection] = Bulletin.standardSections
    ) throws {
        precondition(Set(sections.map(\.id)).count == sections.count, "two bulletin sections with one id")
        let agency = snapshot.agency
        let asOf = Self.gradingTime(for: day, now: now, zone: agency.timeZone)
        let context = try BulletinContext(snapshot: snapshot, day: day, asOf: asOf, unit: unit, deadlines: deadlines)

        // Each section's rows of the unit asked for, then grouped by unit.
        let rowsBySection = try sections.map { section in
            try section.rows(in: context, from: snapshot).filter { context.includes(unit: $0.unit) }
        }
        var names = Set(rowsBySection.joined().map(\.unit))
        names.formUnion(context.deadlines.filter { $0.grade == .red || $0.grade == .orange }.map(\.unit))
        if let unit { names = [unit] }
        let ordered = names.sorted { ($0 == nil ? 1 : 0, $0 ?? "") < ($1 == nil ? 1 : 0, $1 ?? "") }

        units = ordered.map { name in
            let parts = zip(sections, rowsBySection).map { section, rows in
                BulletinPart(sectionID: section.id, title: section.title, rows: rows.filter { $0.unit == name })
            }
            var byRule = Dictionary(uniqueKeysWithValues: RuleID.deadlineRules.map { ($0, BulletinCounts.Grades()) })
            for deadline in context.deadlines where deadline.unit == name {
                if deadline.grade == .red { byRule[deadline.rule, default: .init()].red += 1 }
                if deadline.grade == .orange { byRule[deadline.rule, default: .init()].orange += 1 }
            }
            let counts = BulletinCounts(
                rowsBySection: Dictionary(parts.map { ($0.sectionID, $0.rows.count) }, uniquingKeysWith: +), deadlinesByRule: byRule)
            return BulletinUnit(unit: name, parts: parts, counts: counts)
        }
        counts = units.map(\.counts).reduce(
            BulletinCounts(
                rowsBySection: Dictionary(sections.map { ($0.id, 0) }, uniquingKeysWith: +),
                deadlinesByRule: Dictionary(uniqueKeysWithValues: RuleID.deadlineRules.map { ($0, BulletinCounts.Grades()) }))
        ) { $0.adding($1) }

        self.day = day
        self.unit = unit
        self.agency = agency
        self.computedAt = now
        self.asOf = asOf
        self.source = BulletinSource(
            logSize: snapshot.size, checkpointOrigin: checkpoint.origin, checkpointSize: Int64(checkpoint.size),
            checkpointRoot: checkpoint.rootHash)
        self.sections = sections
    }

    /// The time a bulletin for `day` grades deadlines at: `now`, or the day's last second for a day past,
    /// or its first second for a day to come — so that a day's bulletin shows that day's grades.
    public static func gradingTime(for day: BulletinDay, now: Date, zone: TimeZone) -> Date {
        let interval = day.interval(in: zone)
        return min(max(now, interval.start), interval.end.addingTimeInterval(-1))
    }
}
