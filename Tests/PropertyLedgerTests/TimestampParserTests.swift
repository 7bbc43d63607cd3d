import Foundation
import Testing

@testable import PropertyLedger

/// The one parser for every time argument, and the one display format: accepted forms give exactly the
/// instant meant, everything else is refused with a message that shows the accepted forms.
struct TimestampParserTests {
    static let shanghai = Agency.defaultTimeZone

    /// Text as typed, and the instant it means in a Shanghai store (UTC, as stored in entries).
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
        // Month ends, and a day on which UTC and China have different dates.
        ("2026-01-31", "2026-01-31T15:59:59Z"),
        ("2026-04-30", "2026-04-30T15:59:59Z"),
        ("2026-12-31 23:59", "2026-12-31T15:59:00Z"),
        ("2026-12-02 04:00", "2026-12-01T20:00:00Z"),
        ("2026-12-01", "2026-12-01T15:59:59Z"),
    ]

    @Test(arguments: accepted)
    func acceptedFormsMeanExactlyThisInstant(text: String, utc: String) throws {
        #expect(Timestamp.string(try Timestamp.parse(text, zone: Self.shanghai)) == utc, "\(text)")
    }

    @Test func fractionalSecondsAreKept() throws {
        let date = try Timestamp.parse("2026-12-20T12:00:00.250+08:00", zone: .gmt)
        #expect(date.timeIntervalSince1970 == (try Timestamp.parse("2026-12-20T04:00:00Z", zone: .gmt)).timeIntervalSince1970 + 0.25)
        #expect(Timestamp.string(try Timestamp.parse("2026-12-20T12:00:00,5Z", zone: .gmt)) == "2026-12-20T12:00:00Z")
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
        ("2026-06-31", "time-no-such-day"),
        ("2026-01-32", "time-no-such-day"),
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
            let date = try Timestamp.parse(text, zone: Self.shanghai)
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

    /// The parser's hand-written calendar agrees with Foundation's for each day of two years, in China, in a
    /// zone with daylight saving time and in one half an hour off the hour.
    @Test(arguments: ["Asia/Shanghai", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"])
    func handWrittenCalendarAgreesWithFoundation(zone: String) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: zone))
        var day = try #require(calendar.date(from: DateComponents(year: 2027, month: 1, day: 1, hour: 8, minute: 7)))
        for _ in 0..<(365 * 2 + 1) {
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: day)
            let two = { (value: Int?) in (value ?? 0) < 10 ? "0\(value ?? 0)" : "\(value ?? 0)" }
            let text = "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
            #expect(try Timestamp.parse(text, zone: calendar.timeZone) == day, "\(text)")
            let endOfDay = try #require(calendar.date(bySettingHour: 23, minute: 59, second: 59, of: day))
            #expect(try Timestamp.parse(String(text.prefix(10)), zone: calendar.timeZone) == endOfDay, "\(text)")
            day = try #require(calendar.date(byAdding: .day, value: 1, to: day))
        }
    }
}

/// A typed time is checked when typed and read in a zone later: the store's, when the command runs.
struct TypedTimeTests {
    static func zone(_ identifier: String) throws -> TimeZone { try #require(TimeZone(identifier: identifier)) }

    /// A local time and a bare date mean the zone they are read in; an offset or `Z` means one instant anywhere.
    @Test func localTimesMeanTheZoneOffsetsDoNot() throws {
        let kolkata = try Self.zone("Asia/Kolkata")
        let local = try TypedTime("2026-12-20T12:00")
        #expect(local.offset == nil && !local.isDate)
        #expect(Timestamp.string(local.date(in: kolkata)) == "2026-12-20T06:30:00Z")
        #expect(Timestamp.string(local.date(in: Agency.defaultTimeZone)) == "2026-12-20T04:00:00Z")
        let date = try TypedTime("2026-12-20")
        #expect(date.isDate)
        #expect(Timestamp.string(date.date(in: kolkata)) == "2026-12-20T18:29:59Z")
        for text in ["2026-12-20T12:00:00+08:00", "2026-12-20T04:00:00Z", "2026-12-20 09:30+05:30"] {
            let absolute = try TypedTime(text)
            #expect(absolute.offset != nil)
            for zone in [kolkata, Agency.defaultTimeZone, try Self.zone("America/New_York"), .gmt] {
                #expect(Timestamp.string(absolute.date(in: zone)) == "2026-12-20T04:00:00Z", "\(text) in \(zone.identifier)")
            }
        }
        #expect(local.text == "2026-12-20T12:00")
        #expect(try TypedTime("2026-12-20T12:00") == local)
    }

    /// New York moves its clocks on 14 March and 7 November 2027: a local time means the offset of that day.
    @Test func localTimesAcrossDaylightSavingTime() throws {
        let newYork = try Self.zone("America/New_York")
        let read = { (text: String) in Timestamp.string(try Timestamp.parse(text, zone: newYork)) }
        #expect(try read("2027-03-13 12:00") == "2027-03-13T17:00:00Z")  // EST, UTC-5
        #expect(try read("2027-03-14 12:00") == "2027-03-14T16:00:00Z")  // EDT, UTC-4
        #expect(try read("2027-03-13") == "2027-03-14T04:59:59Z")
        #expect(try read("2027-03-14") == "2027-03-15T03:59:59Z")
        // 02:30 does not exist that night: it reads as the 03:30 it became.
        #expect(try read("2027-03-14 02:30") == "2027-03-14T07:30:00Z")
        #expect(try read("2027-03-14 01:59") == "2027-03-14T06:59:00Z")
        #expect(try read("2027-03-14 03:00") == "2027-03-14T07:00:00Z")
        // 01:30 happens twice on 7 November: the first one.
        #expect(try read("2027-11-07 01:30") == "2027-11-07T05:30:00Z")
        #expect(try read("2027-11-07 02:00") == "2027-11-07T07:00:00Z")
        #expect(try read("2027-11-06") == "2027-11-07T03:59:59Z")
        #expect(try read("2027-11-07") == "2027-11-08T04:59:59Z")
        #expect(try read("2027-11-07T12:00:00-05:00") == "2027-11-07T17:00:00Z")
    }

    /// A refused time is refused whatever zone it would have been read in: it never gets that far.
    @Test func aBadTimeIsRefusedWhenTyped() {
        #expect(throws: LedgerError.self) { try TypedTime("2027-02-29") }
        #expect(throws: LedgerError.self) { try TypedTime("2026-04-31 12:00") }
        #expect(throws: LedgerError.self) { try TypedTime("2026-12-20T12:00+25:00") }
    }
}

/// Calendar days in a zone: what the custody rules count when a day matters.
struct CalendarDayTests {
    @Test func theEndOfADayIsTheAgencysDay() throws {
        let shanghai = Agency.defaultTimeZone
        let kolkata = try #require(TimeZone(identifier: "Asia/Kolkata"))
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        // 20:00 UTC on 1 December is already 2 December in Shanghai and Kolkata, still 1 December in New York.
        let evening = try Timestamp.parse("2026-12-01T20:00:00Z", zone: .gmt)
        #expect(Timestamp.string(Timestamp.endOfDay(after: evening, in: shanghai)) == "2026-12-02T15:59:59Z")
        #expect(Timestamp.string(Timestamp.endOfDay(after: evening, in: kolkata)) == "2026-12-02T18:29:59Z")
        #expect(Timestamp.string(Timestamp.endOfDay(after: evening, in: newYork)) == "2026-12-02T04:59:59Z")
        #expect(Timestamp.string(Timestamp.endOfDay(after: evening, in: .gmt)) == "2026-12-01T23:59:59Z")
        // Days are calendar days: across month ends, the leap day and a change of clocks.
        let jan31 = try Timestamp.parse("2028-01-31 10:00", zone: shanghai)
        #expect(Timestamp.string(Timestamp.endOfDay(29, after: jan31, in: shanghai)) == "2028-02-29T15:59:59Z")
        #expect(Timestamp.string(Timestamp.endOfDay(30, after: jan31, in: shanghai)) == "2028-03-01T15:59:59Z")
        let march13 = try Timestamp.parse("2027-03-13 23:30", zone: newYork)
        #expect(Timestamp.string(Timestamp.endOfDay(1, after: march13, in: newYork)) == "2027-03-15T03:59:59Z")
        #expect(Timestamp.string(Timestamp.endOfDay(366, after: march13, in: newYork)) == "2028-03-14T03:59:59Z")
    }

    @Test func theStartOfADay() throws {
        #expect(Timestamp.startOfDay(year: 1990, month: 1, day: 1, in: Agency.defaultTimeZone) == Date(timeIntervalSince1970: 631_123_200))
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        #expect(Timestamp.startOfDay(year: 1990, month: 1, day: 1, in: tokyo).map(Timestamp.string) == "1989-12-31T15:00:00Z")
        #expect(Timestamp.startOfDay(year: 2028, month: 2, day: 29, in: .gmt).map(Timestamp.string) == "2028-02-29T00:00:00Z")
        #expect(Timestamp.startOfDay(year: 2027, month: 2, day: 29, in: .gmt) == nil)
        #expect(Timestamp.startOfDay(year: 2026, month: 4, day: 31, in: .gmt) == nil)
    }

    /// The agency's calendar is in its zone: ids take the agency's year, not UTC's.
    @Test func theAgencysCalendarIsInItsZone() throws {
        let newYear = try Timestamp.parse("2026-12-31T17:00:00Z", zone: .gmt)  // 1 January 2027 01:00 in Shanghai
        #expect(try Agency(code: "A", name: "x", kind: .court).calendar.component(.year, from: newYear) == 2027)
        #expect(try Agency(code: "A", name: "x", kind: .court, zone: "America/New_York").calendar.component(.year, from: newYear) == 2026)
    }
}
