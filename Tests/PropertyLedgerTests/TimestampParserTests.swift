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
        ("", "empty"),
        ("   ", "empty"),
        ("tomorrow", "YYYY-MM-DD"),
        ("2026-12-20 garbage", "HH:MM"),
        ("2026-12-20T12:00:00+25:00", "offsets"),
        ("2026-12-20T12:00:00+14:01", "offsets"),
        ("2026-12-20T12:00:00+08:60", "offsets"),
        ("2026-12-20T12:00:00 +08:00", "unexpected"),
        ("2026-12-20T12:00:00+08:00 x", "at the end"),
        ("2026-12-20T12:00:00CST", "unexpected"),
        ("2027-02-30", "day 30 does not exist in 2027-02"),
        ("2027-02-29", "day 29"),
        ("1900-02-29", "year"),
        ("2026-04-31", "day 31"),
        ("2026-13-01", "no month 13"),
        ("2026-00-10", "no month 0"),
        ("2026-12-00", "day 0"),
        ("2026-12-20T24:00", "no hour 24"),
        ("2026-12-20T12:60", "no minute 60"),
        ("2026-12-20T12:00:60", "no second 60"),
        ("1989-12-31", "between 1990 and 2100"),
        ("2101-01-01", "between 1990 and 2100"),
        ("26-12-20", "YYYY-MM-DD"),
        ("2026-1-20", "YYYY-MM-DD"),
        ("2026/12/20", "YYYY-MM-DD"),
        ("20261220", "YYYY-MM-DD"),
        ("2026-12-20T12", "HH:MM"),
        ("2026-12-20T1:00", "HH:MM"),
        ("2026-12-20T12:00:0", "two digits"),
        ("2026-12-20T12:00:00.", "digits after the decimal point"),
        ("2026-12-20T12:00:00.1234567890Z", "unexpected \"0Z\""),
        ("2026-12-20  12:00", "HH:MM"),
        ("2026-12-20_12:00", "T or a space"),
        ("2026-12-20Z", "T or a space"),
        ("2026-12-20T12:00+8", "±HH"),
        ("+2026-12-20", "YYYY-MM-DD"),
        ("2026-12-20T１２:00:00+08:00x", "at the end"),
    ]

    @Test(arguments: refused)
    func impossibleOrMalformedTimesAreRefused(text: String, reason: String) {
        do {
            let date = try Timestamp.parse(text)
            Issue.record("\"\(text)\" was accepted as \(Timestamp.string(date))")
        } catch let error as LedgerError {
            #expect(error.code == .invalidInput)
            #expect(error.message.contains(reason), "\(text): \(error.message)")
            #expect(error.message.contains("2026-12-20T12:00:00+08:00"), "the message shows the accepted forms")
            #expect(!error.message.contains("\n"))
        } catch {
            Issue.record("\(text): unexpected \(error)")
        }
    }

    @Test func aZoneOtherThanTheAgencysCanBeGiven() throws {
        let utc = TimeZone(secondsFromGMT: 0) ?? .gmt
        #expect(Timestamp.string(try Timestamp.parse("2026-12-20T12:00", zone: utc)) == "2026-12-20T12:00:00Z")
        #expect(Timestamp.string(try Timestamp.parse("2026-12-20", zone: utc)) == "2026-12-20T23:59:59Z")
    }

    @Test func displayIsInTheAgencysZone() throws {
        #expect(Timestamp.display("2026-12-20T04:00:00Z") == "2026-12-20 12:00 (UTC+8)")
        #expect(Timestamp.display("2026-12-20T15:59:59Z") == "2026-12-20 23:59:59 (UTC+8)")
        #expect(Timestamp.display("2026-12-31T16:00:00Z") == "2027-01-01 00:00 (UTC+8)")
        #expect(Timestamp.display("2028-02-28T16:30:00Z") == "2028-02-29 00:30 (UTC+8)")
        #expect(Timestamp.display(try Timestamp.parse("2026-12-20T12:00:00Z"), zone: .gmt) == "2026-12-20 12:00 (UTC)")
        let india = TimeZone(secondsFromGMT: 5 * 3600 + 1800) ?? .gmt
        #expect(Timestamp.display("2026-12-20T04:00:00Z", zone: india) == "2026-12-20 09:30 (UTC+5:30)")
        #expect(Timestamp.display("not a time") == "not a time")
    }

    /// Parsing what display shows, and displaying what was parsed, agree for every minute of a leap day and
    /// for each day of two years (the hand-written calendar against Foundation's).
    @Test func handWrittenCalendarAgreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Timestamp.agencyZone
        var day = try #require(calendar.date(from: DateComponents(year: 2027, month: 1, day: 1, hour: 8, minute: 7)))
        for _ in 0..<(365 * 2 + 1) {
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: day)
            let two = { (value: Int?) in (value ?? 0) < 10 ? "0\(value ?? 0)" : "\(value ?? 0)" }
            let text = "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
            #expect(try Timestamp.parse(text) == day, "\(text)")
            #expect(Timestamp.display(day) == text + " (UTC+8)")
            day = try #require(calendar.date(byAdding: .day, value: 1, to: day))
        }
    }
}
