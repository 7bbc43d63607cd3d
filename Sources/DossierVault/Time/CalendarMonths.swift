import Foundation
import PropertyLedger

/// Calendar months in the agency's zone, for the one-month rule: "a month after 31 January" is the end of
/// 28 February (29 in a leap year), never 3 March.
enum CalendarMonths {
    /// The last second (23:59:59) of the day `months` calendar months after the day `date` falls on in `zone`:
    /// the same day of the month, or the month's last day when it is shorter.
    static func endOfDay(_ months: Int, after date: Date, in zone: TimeZone) -> Date {
        let (year, month, day) = civilDate(of: date, in: zone)
        let monthsSinceYearZero = year * 12 + (month - 1) + months
        let targetYear = monthsSinceYearZero.floorDividing(by: 12)
        let targetMonth = monthsSinceYearZero - targetYear * 12 + 1
        let targetDay = min(day, daysIn(month: targetMonth, year: targetYear))
        guard let start = Timestamp.startOfDay(year: targetYear, month: targetMonth, day: targetDay, in: zone) else {
            preconditionFailure("no day \(targetYear)-\(targetMonth)-\(targetDay)")
        }
        return Timestamp.endOfDay(0, after: start, in: zone)
    }

    /// The wall-calendar date `date` falls on in `zone`.
    static func civilDate(of date: Date, in zone: TimeZone) -> (year: Int, month: Int, day: Int) {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        return civilDate(daysSinceEpoch: local.floorDividing(by: 86_400))
    }

    /// The date `days` days after 1970-01-01 (after Howard Hinnant's `civil_from_days`).
    static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = z.floorDividing(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Int {
    /// The quotient rounded towards minus infinity (`-1 / 86_400` is 0; this is -1).
    fileprivate func floorDividing(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
