import Foundation
import PropertyLedger
import Testing

@testable import DossierVault

/// Calendar months in the agency's zone: the same day of the month, clamped to the month's end, at 23:59:59
/// local time.
struct CalendarMonthsTests {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    /// `local` (`2026-02-28 23:59:59`) in `zone` as an instant.
    static func local(_ text: String, _ zone: TimeZone = shanghai) throws -> Date {
        try Timestamp.parse(text, zone: zone)
    }

    @Test(arguments: [
        // A month after the 31st of January is the last day of February; 29 February in a leap year.
        ("2026-01-31 10:00:00", 1, "2026-02-28 23:59:59"), ("2028-01-31 10:00:00", 1, "2028-02-29 23:59:59"),
        // 2100 is not a leap year (divisible by 100, not by 400).
        ("2100-01-31 10:00:00", 1, "2100-02-28 23:59:59"), ("2100-01-29 10:00:00", 1, "2100-02-28 23:59:59"),
        ("2026-04-30 08:00:00", 1, "2026-05-30 23:59:59"), ("2026-03-31 08:00:00", 1, "2026-04-30 23:59:59"),
        ("2026-12-15 08:00:00", 1, "2027-01-15 23:59:59"), ("2026-12-31 00:00:00", 2, "2027-02-28 23:59:59"),
        ("2027-11-30 23:59:59", 3, "2028-02-29 23:59:59"), ("2026-01-01 00:00:00", 12, "2027-01-01 23:59:59"),
        ("2026-05-31 12:00:00", 1, "2026-06-30 23:59:59"), ("2026-08-31 12:00:00", 1, "2026-09-30 23:59:59"),
    ])
    func monthsLaterAtTheEndOfTheDay(start: String, months: Int, due: String) throws {
        #expect(CalendarMonths.endOfDay(months, after: try Self.local(start), in: Self.shanghai) == (try Self.local(due)))
    }

    /// 2026-01-31T16:30:00Z is already 1 February in Shanghai: a month later is 1 March, end of day there.
    @Test func theAgencysDayNotUTCs() throws {
        let opened = try #require(Timestamp.storedDate("2026-01-31T16:30:00Z"))
        #expect(CalendarMonths.endOfDay(1, after: opened, in: Self.shanghai) == (try Self.local("2026-03-01 23:59:59")))
        #expect(Timestamp.string(CalendarMonths.endOfDay(1, after: opened, in: Self.shanghai)) == "2026-03-01T15:59:59Z")
        // In UTC it is still 31 January: 28 February.
        #expect(Timestamp.string(CalendarMonths.endOfDay(1, after: opened, in: .gmt)) == "2026-02-28T23:59:59Z")
    }

    /// Across a change of daylight-saving time the due time is still 23:59:59 on the wall clock.
    @Test func daylightSavingTimeKeepsTheWallClock() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let opened = try Self.local("2026-02-10 09:00:00", newYork)
        let due = CalendarMonths.endOfDay(1, after: opened, in: newYork)
        #expect(due == (try Self.local("2026-03-10 23:59:59", newYork)))
        #expect(Timestamp.string(due) == "2026-03-11T03:59:59Z")  // EDT, UTC-4, since 8 March
    }

    @Test func civilDatesRoundTrip() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (year, month, day) = CalendarMonths.civilDate(daysSinceEpoch: days)
            let instant = Timestamp.startOfDay(year: year, month: month, day: day, in: .gmt)
            #expect(instant == Date(timeIntervalSince1970: TimeInterval(days) * 86_400), "\(days)")
        }
    }

    @Test func storedTimesReadWithoutFoundationsParser() {
        for seconds in stride(from: 631_152_000, through: 4_102_444_800, by: 7_654_321) {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(StoredTime.date(Timestamp.string(date)) == date)
        }
        // Anything else is read as the core reads stored times.
        for text in ["2026-02-30T00:00:00Z", "2026-12-01T12:00:00+08:00", "2026-12-01T12:00:00.5Z", "not a time"] {
            #expect(StoredTime.date(text) == Timestamp.storedDate(text), "\(text)")
        }
        #expect(StoredTime.date("not a time") == nil)
    }
}
