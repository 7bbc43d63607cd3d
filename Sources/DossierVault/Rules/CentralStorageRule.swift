import Foundation
import PropertyLedger

/// The one-month rule (洪泽): which cases it covers, when its clock starts, and when a dossier falls due.
enum CentralStorageRule {
    /// Unsolved, and criminal or an administrative property crime. Solved and closed cases, and administrative
    /// cases that are not property crimes, are exempt.
    static func covers(_ record: CaseRecord) -> Bool {
        record.status == .unsolved && (record.kind == .criminal || record.isPropertyCrime)
    }

    /// The cases it covers, as queries: criminal, and administrative property crimes, both unsolved (of `unit`
    /// if one is given).
    static func coveredCases(unit: String?) -> [CaseFilter] {
        [
            CaseFilter(status: .unsolved, kind: .criminal, unit: unit),
            CaseFilter(status: .unsolved, kind: .administrative, isPropertyCrime: true, unit: unit),
        ]
    }

    /// The later of the case's opening and its last substantive progress.
    static func clockStart(of record: CaseRecord) -> Date? {
        StoredTime.date(max(record.openedAt, record.lastProgressAt))
    }

    /// The end of the day (in the agency's zone) `months` calendar months after the clock started.
    static func due(clockStart: Date, months: Int, in zone: TimeZone) -> Date {
        CalendarMonths.endOfDay(months, after: clockStart, in: zone)
    }
}
