import Foundation
import LedgerPresentation
import Testing

@testable import PropertyLedger

/// Times as people read them: in the agency's zone, in Chinese or English; month ends, the year's end and a
/// leap day cross correctly from UTC.
struct TimeFormatTests {
    static let shanghai = try! #require(TimeZone(identifier: "Asia/Shanghai"))

    @Test(arguments: [
        ("2026-12-20T04:00:00Z", "2026年12月20日 12:00", "2026-12-20 12:00 (UTC+8)"),
        ("2026-12-20T15:59:59Z", "2026年12月20日 23:59:59", "2026-12-20 23:59:59 (UTC+8)"),
        ("2026-12-31T16:00:00Z", "2027年1月1日 00:00", "2027-01-01 00:00 (UTC+8)"),
        ("2028-02-28T16:30:00Z", "2028年2月29日 00:30", "2028-02-29 00:30 (UTC+8)"),
        ("2027-02-28T16:00:00Z", "2027年3月1日 00:00", "2027-03-01 00:00 (UTC+8)"),
        ("2026-04-30T16:05:00Z", "2026年5月1日 00:05", "2026-05-01 00:05 (UTC+8)"),
        // Month ends, the leap day, and a day on which UTC and China have different dates.
        ("2027-01-31T15:59:59Z", "2027年1月31日 23:59:59", "2027-01-31 23:59:59 (UTC+8)"),
        ("2027-01-31T16:00:00Z", "2027年2月1日 00:00", "2027-02-01 00:00 (UTC+8)"),
        ("2026-04-30T15:59:00Z", "2026年4月30日 23:59", "2026-04-30 23:59 (UTC+8)"),
        ("2028-02-29T15:59:59Z", "2028年2月29日 23:59:59", "2028-02-29 23:59:59 (UTC+8)"),
        ("2028-02-29T16:00:00Z", "2028年3月1日 00:00", "2028-03-01 00:00 (UTC+8)"),
        ("2026-12-01T20:00:00Z", "2026年12月2日 04:00", "2026-12-02 04:00 (UTC+8)"),
    ])
    func storedTimesAreShownInTheAgencysZone(stored: String, zh: String, en: String) {
        #expect(TimeFormat(zone: Self.shanghai, language: .zh).string(stored: stored) == zh)
        #expect(TimeFormat(zone: Self.shanghai, language: .en).string(stored: stored) == en)
    }

    @Test func otherZonesAndDamagedText() throws {
        let urumqi = try #require(TimeZone(identifier: "Asia/Urumqi"))  // UTC+6
        #expect(TimeFormat(zone: urumqi, language: .en).string(stored: "2026-12-20T04:00:00Z") == "2026-12-20 10:00 (UTC+6)")
        let india = try #require(TimeZone(identifier: "Asia/Kolkata"))
        #expect(TimeFormat(zone: india, language: .en).string(stored: "2026-12-20T04:00:00Z") == "2026-12-20 09:30 (UTC+5:30)")
        #expect(TimeFormat(zone: .gmt, language: .en).string(stored: "2026-12-20T04:00:00Z") == "2026-12-20 04:00 (UTC)")
        #expect(TimeFormat(zone: Self.shanghai, language: .zh).string(stored: "not a time") == "not a time")
    }

    /// A store in another zone shows its own wall clock and offset: New York across both changes of its
    /// clocks in 2027 (14 March, 7 November), Kolkata half an hour off the hour.
    @Test(arguments: [
        ("America/New_York", "2027-03-14T06:59:00Z", "2027年3月14日 01:59", "2027-03-14 01:59 (UTC-5)"),
        ("America/New_York", "2027-03-14T07:00:00Z", "2027年3月14日 03:00", "2027-03-14 03:00 (UTC-4)"),
        ("America/New_York", "2027-03-15T03:59:59Z", "2027年3月14日 23:59:59", "2027-03-14 23:59:59 (UTC-4)"),
        ("America/New_York", "2027-11-07T05:30:00Z", "2027年11月7日 01:30", "2027-11-07 01:30 (UTC-4)"),
        ("America/New_York", "2027-11-07T06:30:00Z", "2027年11月7日 01:30", "2027-11-07 01:30 (UTC-5)"),
        ("America/New_York", "2026-12-01T20:00:00Z", "2026年12月1日 15:00", "2026-12-01 15:00 (UTC-5)"),
        ("America/New_York", "2027-01-01T04:59:59Z", "2026年12月31日 23:59:59", "2026-12-31 23:59:59 (UTC-5)"),
        ("Asia/Kolkata", "2026-12-20T06:30:00Z", "2026年12月20日 12:00", "2026-12-20 12:00 (UTC+5:30)"),
        ("Asia/Kolkata", "2026-12-20T18:29:59Z", "2026年12月20日 23:59:59", "2026-12-20 23:59:59 (UTC+5:30)"),
        ("Asia/Kolkata", "2026-12-01T20:00:00Z", "2026年12月2日 01:30", "2026-12-02 01:30 (UTC+5:30)"),
        ("Asia/Kolkata", "2028-02-29T18:30:00Z", "2028年3月1日 00:00", "2028-03-01 00:00 (UTC+5:30)"),
    ])
    func storedTimesAreShownInAnotherAgencysZone(zone: String, stored: String, zh: String, en: String) throws {
        let zone = try #require(TimeZone(identifier: zone))
        #expect(TimeFormat(zone: zone, language: .zh).string(stored: stored) == zh)
        #expect(TimeFormat(zone: zone, language: .en).string(stored: stored) == en)
    }

    /// JSON carries the agency's offset of that instant: -05:00 before the clocks change, -04:00 after.
    @Test func jsonTimesCarryTheOffsetOfTheirDay() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        #expect(TimeFormat(zone: newYork, language: .zh).iso8601(stored: "2027-03-14T06:59:00Z") == "2027-03-14T01:59:00-05:00")
        #expect(TimeFormat(zone: newYork, language: .zh).iso8601(stored: "2027-03-14T07:00:00Z") == "2027-03-14T03:00:00-04:00")
        let kolkata = try #require(TimeZone(identifier: "Asia/Kolkata"))
        #expect(TimeFormat(zone: kolkata, language: .en).iso8601(stored: "2026-12-01T20:00:00Z") == "2026-12-02T01:30:00+05:30")
        #expect(TimeFormat(zone: Self.shanghai, language: .en).iso8601(stored: "2026-12-01T20:00:00Z") == "2026-12-02T04:00:00+08:00")
    }

    /// What a clerk types without a zone and what is shown back agree, every day of two years, in the
    /// agency's zone, whichever it is.
    @Test(arguments: ["Asia/Shanghai", "America/New_York", "Asia/Kolkata"])
    func parsedLocalTimesAreShownAsTyped(zone: String) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: zone))
        var day = try #require(calendar.date(from: DateComponents(year: 2027, month: 1, day: 1, hour: 8, minute: 7)))
        let english = TimeFormat(zone: calendar.timeZone, language: .en)
        let chinese = TimeFormat(zone: calendar.timeZone, language: .zh)
        for _ in 0..<(365 * 2 + 1) {
            let shown = english.string(day)
            let typed = String(shown.prefix(16))
            #expect(try Timestamp.parse(typed, zone: calendar.timeZone) == day, "\(typed)")
            #expect(shown.hasPrefix(typed + " (UTC"))
            // A bare date is the end of the day shown, in both languages.
            let endOfDay = try Timestamp.parse(String(typed.prefix(10)), zone: calendar.timeZone)
            #expect(english.string(endOfDay).hasPrefix(String(typed.prefix(10)) + " 23:59:59 (UTC"), "\(typed)")
            let c = calendar.dateComponents([.year, .month, .day], from: day)
            #expect(chinese.string(endOfDay) == "\(c.year ?? 0)年\(c.month ?? 0)月\(c.day ?? 0)日 23:59:59", "\(typed)")
            day = try #require(calendar.date(byAdding: .day, value: 1, to: day))
        }
    }

    /// A store records its agency's zone, in entry 0 and in its identity; a log from before has none and
    /// means China time.
    @Test func aStoreKnowsItsAgencysZone() async throws {
        try await withTemporaryZoneStore { store in
            #expect(store.identity.agency.zone == "Asia/Shanghai")
            #expect(store.identity.agency.timeZone.identifier == "Asia/Shanghai")
            let genesis = try JSONSerialization.jsonObject(with: try await store.entry(at: 0)) as? [String: Any]
            #expect((genesis?["agency"] as? [String: Any])?["zone"] as? String == "Asia/Shanghai")
        }
        #expect(try Agency(code: "A", name: "x", kind: .court).timeZone.identifier == "Asia/Shanghai")
        #expect(throws: LedgerError.self) { try Agency(code: "A", name: "x", kind: .court, zone: "Mars/Olympus") }
    }

    /// A store in another zone keeps it: in entry 0, in its identity, and when opened again.
    @Test func aStoreInAnotherZoneKeepsIt() async throws {
        try await withTemporaryZoneStore(zone: "Asia/Kolkata") { store in
            #expect(store.identity.agency.zone == "Asia/Kolkata")
            #expect(store.identity.agency.timeZone.secondsFromGMT() == 5 * 3600 + 1800)
            let genesis = try JSONSerialization.jsonObject(with: try await store.entry(at: 0)) as? [String: Any]
            #expect((genesis?["agency"] as? [String: Any])?["zone"] as? String == "Asia/Kolkata")
        }
    }

    private func withTemporaryZoneStore(zone: String? = nil, _ body: (LedgerStore) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-zone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = StorePaths(database: directory.appendingPathComponent("ledger.db").path)
        _ = try await LedgerStore.create(
            paths, agency: try Agency(code: "370321", name: "测试县公安局", kind: .police, zone: zone), profile: .intl, signatures: .optional)
        try await body(try await LedgerStore.open(paths))
    }
}
