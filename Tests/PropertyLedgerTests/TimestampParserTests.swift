import Foundation
import Testing

@testable import PropertyLedger

/// The one parser for every time argument, and the one display format: accepted forms give exactly the
/// instant meant, everything else is refused with a message that shows the accepted forms.
struct TimestampParserTests {
    /// Text as typed, and the instant it means (UTC, as stored in entries).
    static let accepted: [(String, String)] = [
        ("2026-12-20T12:00:00+08:00", "2026-12-20T04:00:00Z"),
        ("2026-12-20T12:00:00Z", "2026-12-20T12:00:00Z"),
        ("2026-12-20T12:00:00z", "2026-12-20T12:00:00Z"),
        ("2026-12-20T12:00:00+0800", "2026-12-20T04:00:00Z"),
        ("2026-12-20T12:00:00+08", "2026-12-20T04:00:00Z"),
        ("2026-12-20T12:00:00-05:30", "2026-12-20T17:30:00Z"),
        ("2026-12-20T12:00:00+14:00", "2026-12-19T22:00:00Z"),
        ("2026-12-20T12:00:00-14:00", "2026-12-21T02:00:00Z"),
        ("2026-12-20 12:00:00+08:00", "2026-12-20T04:00:00Z"),
        // No zone: the agency's (China time, UTC+8) — the defect stored these as 00:00 China time.
        ("2026-12-20T12:00", "2026-12-20T04:00:00Z"),
        ("2026-12-20T12:00:00", "2026-12-20T04:00:00Z"),
        ("2026-12-20 12:00", "2026-12-20T04:00:00Z"),
        ("2026-12-20 12:00:00", "2026-12-20T04:00:00Z"),
        ("2026-12-20T00:00", "2026-12-19T16:00:00Z"),
        ("2026-12-20T23:59:59", "2026-12-20T15:59:59Z"),
        // A bare date: the end of that day in China.
        ("2026-12-20", "2026-12-20T15:59:59Z"),
        ("2028-02-29", "2028-02-29T15:59:59Z"),
        ("2000-02-29", "2000-02-29T15:59:59Z"),
        ("1990-01-01", "1990-01-01T15:59:59Z"),
        ("2100-12-31", "2100-12-31T15:59:59Z"),
        // Full-width digits and punctuation from a Chinese IME; surrounding spaces.
        ("２０２６－１２－２０", "2026-12-20T15:59:59Z"),
        ("２０２６-１２-２０ １２：００", "2026-12-20T04:00:00Z"),
        ("  2026-12-20T12:00  ", "2026-12-20T04:00:00Z"),
        ("2026-12-20T12:00\n", "2026-12-20T04:00:00Z"),
        ("2026-12-20\u{3000}12:00", "2026-12-20T04:00:00Z"),
    ]

    @Test(arguments: accepted)
    func acceptedFormsMeanExactlyThisInstant(text: String, utc: String) throws {
        #expect(Timestamp.string(try Timestamp.parse(text)) == utc, "\(text)")
    }

    @Test func fractionalSecondsAreKept() throws {
        let date = try Timestamp.parse("2026-12-20T12:00:00.250+08:00")
        #expect(date.timeIntervalSince1970 == (try Timestamp.parse("2026-12-20T04:00:00Z")).timeIntervalSince1970 + 0.25)
        #expect(Timestamp.string(try Timestamp.parse("2026-12-20T12:00:00,5Z")) == "2026-12-20T12:00:00Z")
    }

    /// Text that must be refused, and a fragment of the reason given.
    static let refused: [(String, String)] = [
        ("", "time-empty"),
        ("   ", "time-empty"),
        ("tomorrow", "time-no-date"),
        ("2026-12-20 garbage", "time-no-clock"),
        ("2026-12-20T12:00:00+25:00", "time-offset-out-of-range"),
        ("2026-12-20T12:00:00+14:01", "time-offset-out-of-range"),
        ("2026-12-20T12:00:00+08:60", "time-offset-out-of-range"),
        ("2026-12-20T12:00:00 +08:00", "time-junk-after-time"),
        ("2026-12-20T12:00:00+08:00 x", "time-junk-at-end"),
        ("2026-12-20T12:00:00CST", "time-junk-after-time"),
        ("2027-02-30", "time-no-such-day"),
        ("2027-02-29", "time-no-such-day"),
        ("1900-02-29", "time-year-out-of-range"),
        ("2026-04-31", "time-no-such-day"),
        ("2026-13-01", "time-no-such-month"),
        ("2026-00-10", "time-no-such-month"),
        ("2026-12-00", "time-no-such-day"),
        ("2026-12-20T24:00", "time-no-such-hour"),
        ("2026-12-20T12:60", "time-no-such-minute"),
        ("2026-12-20T12:00:60", "time-no-such-second"),
        ("1989-12-31", "time-year-out-of-range"),
        ("2101-01-01", "time-year-out-of-range"),
        ("26-12-20", "time-no-date"),
        ("2026-1-20", "time-no-date"),
        ("2026/12/20", "time-no-date"),
        ("20261220", "time-no-date"),
        ("2026-12-20T12", "time-no-clock"),
        ("2026-12-20T1:00", "time-no-clock"),
        ("2026-12-20T12:00:0", "time-no-seconds"),
        ("2026-12-20T12:00:00.", "time-no-fraction"),
        ("2026-12-20T12:00:00.1234567890Z", "time-junk-after-time"),
        ("2026-12-20  12:00", "time-no-clock"),
        ("2026-12-20_12:00", "time-no-separator"),
        ("2026-12-20Z", "time-no-separator"),
        ("2026-12-20T12:00+8", "time-no-offset"),
        ("+2026-12-20", "time-no-date"),
        ("2026-12-20T１２:00:00+08:00x", "time-junk-at-end"),
    ]

    @Test(arguments: refused)
    func impossibleOrMalformedTimesAreRefused(text: String, reason: String) {
        do {
            let date = try Timestamp.parse(text)
            Issue.record("\"\(text)\" was accepted as \(Timestamp.string(date))")
        } catch let error as LedgerError {
            #expect(error.code == .invalidInput)
            #expect(error.reason.id == reason, "\(text): \(error.reason)")
            #expect(error.reason.arguments["text"] == text)
        } catch {
            Issue.record("\(text): unexpected \(error)")
        }
    }

    @Test func aZoneOtherThanTheAgencysCanBeGiven() throws {
        let utc = TimeZone(secondsFromGMT: 0) ?? .gmt
        #expect(Timestamp.string(try Timestamp.parse("2026-12-20T12:00", zone: utc)) == "2026-12-20T12:00:00Z")
        #expect(Timestamp.string(try Timestamp.parse("2026-12-20", zone: utc)) == "2026-12-20T23:59:59Z")
    }

    /// The parser's hand-written calendar agrees with Foundation's for each day of two years.
    @Test func handWrittenCalendarAgreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Timestamp.agencyZone
        var day = try #require(calendar.date(from: DateComponents(year: 2027, month: 1, day: 1, hour: 8, minute: 7)))
        for _ in 0..<(365 * 2 + 1) {
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: day)
            let two = { (value: Int?) in (value ?? 0) < 10 ? "0\(value ?? 0)" : "\(value ?? 0)" }
            let text = "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
            #expect(try Timestamp.parse(text) == day, "\(text)")
            day = try #require(calendar.date(byAdding: .day, value: 1, to: day))
        }
    }
}
