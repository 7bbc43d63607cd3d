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

    /// What a clerk types without a zone and what is shown back agree, every day of two years.
    @Test func parsedLocalTimesAreShownAsTyped() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.shanghai
        var day = try #require(calendar.date(from: DateComponents(year: 2027, month: 1, day: 1, hour: 8, minute: 7)))
        let english = TimeFormat(zone: Self.shanghai, language: .en)
        for _ in 0..<(365 * 2 + 1) {
            let shown = english.string(day)
            let typed = String(shown.prefix(16))
            #expect(try Timestamp.parse(typed) == day, "\(typed)")
            #expect(shown == typed + " (UTC+8)")
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

    private func withTemporaryZoneStore(_ body: (LedgerStore) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-zone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = StorePaths(database: directory.appendingPathComponent("ledger.db").path)
        _ = try await LedgerStore.create(paths, agency: try Agency(code: "370321", name: "测试县公安局", kind: .police), profile: .intl)
        try await body(try await LedgerStore.open(paths))
    }
}
