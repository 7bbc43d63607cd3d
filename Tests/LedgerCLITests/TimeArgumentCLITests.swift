import Foundation
import LedgerPresentation
import Testing

@testable import PropertyLedger

/// Time arguments as a clerk types them, in a store of the default zone: a local time means China time, is
/// stored in UTC, and is shown back in China time; anything the parser refuses writes nothing. (Stores in
/// other zones: StoreZoneCLITests.)
@Suite(.offThePool)
struct TimeArgumentCLITests {
    /// The date `days` from now in China, as `YYYY-MM-DD` (tests must not go stale on a fixed date).
    static func chinaDate(daysFromNow days: Int) -> String {
        String(
            TimeFormat(zone: Agency.defaultTimeZone, language: .en).string(Date().addingTimeInterval(Double(days) * 86_400)).prefix(10))
    }

    /// The bicycle, registered and checked in to CAB-01.
    static func withStoredItem(_ body: (URL, String, @escaping ([String]) throws -> CLITests.Result) async throws -> Void) async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            let registered = try ledger([
                "item", "register", "--case", CustodyCLITests.caseNumber, "--name", "自行车", "--quantity", "1", "--unit", "辆",
                "--seized-by", "000002,000003", "--actor", "000002", "--json",
            ])
            let id = try #require(
                (try JSONSerialization.jsonObject(with: Data(registered.stdout.utf8)) as? [String: Any])?["id"] as? String)
            #expect(try ledger(["checkin", id, "--to", "CAB-01", "--actor", "000004"]).status == 0)
            try await body(directory, id, ledger)
        }
    }

    static func json(_ result: CLITests.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
    }

    @Test func aLocalDueTimeIsChinaTimeStoredInUTCAndEchoedInChinaTime() async throws {
        try await Self.withStoredItem { _, id, ledger in
            let day = Self.chinaDate(daysFromNow: 20)
            let checkout = try ledger([
                "checkout", id, "--to", "000002", "--reason", "appraisal", "--approved-by", "000001", "--due", "\(day)T12:00",
                "--actor", "000004",
            ])
            #expect(checkout.status == 0, "\(checkout.stderr)")
            #expect(checkout.stdout.hasSuffix("checked out \(id), due \(day) 12:00 (UTC+8)\n"), "\(checkout.stdout)")

            // Stored as 04:00Z, the instant meant (the defect stored 00:00 China time, 16:00Z the day before); JSON
            // gives that instant with the agency's offset, the entry's own bytes as stored.
            let shown = try Self.json(try ledger(["show", id, "--json"]))
            #expect(shown["due"] as? String == "\(day)T12:00:00+08:00")
            let entry = try Self.json(try ledger(["history", id, "--json"]))
            let last = try #require((entry["entries"] as? [[String: Any]])?.last?["entry"] as? String)
            #expect(last.contains("\"due\":\"\(day)T04:00:00Z\""))

            // Shown back in China time wherever a person reads it.
            #expect(try ledger(["show", id]).stdout.contains("checked out to 李明 (000002), due \(day) 12:00 (UTC+8)"))
            #expect(try ledger(["list"]).stdout.contains("\(day) 12:00 (UTC+8)"))
            let history = try ledger(["history", id]).stdout
            #expect(history.contains("due \(day) 12:00 (UTC+8)"), "\(history)")
            #expect(!history.contains("T04:00:00Z"))
            let rows = history.split(separator: "\n").dropFirst()
            #expect(rows.count == 3 && rows.allSatisfy { $0.contains("(UTC+8)") }, "the AT column is in China time: \(history)")
        }
    }

    @Test func aBareDueDateMeansTheEndOfThatDay() async throws {
        try await Self.withStoredItem { _, id, ledger in
            let day = Self.chinaDate(daysFromNow: 10)
            let checkout = try ledger([
                "checkout", id, "--to", "000002", "--reason", "court", "--approved-by", "000001", "--due", day, "--actor", "000004",
            ])
            #expect(checkout.status == 0, "\(checkout.stderr)")
            #expect(checkout.stdout.contains("due \(day) 23:59:59 (UTC+8)"))
            #expect(try Self.json(try ledger(["show", id, "--json"]))["due"] as? String == "\(day)T23:59:59+08:00")
        }
    }

    @Test func aLocalSeizureTimeIsChinaTime() async throws {
        try await CustodyCLITests.withCase { _, ledger in
            let day = Self.chinaDate(daysFromNow: -2)
            let registered = try ledger([
                "item", "register", "--case", CustodyCLITests.caseNumber, "--name", "手机", "--quantity", "1", "--unit", "部",
                "--seized-by", "000002,000003", "--seized-at", "\(day) 09:30", "--actor", "000002", "--json",
            ])
            #expect(registered.status == 0, "\(registered.stderr)")
            let id = try #require(try Self.json(registered)["id"] as? String)
            let item = try #require(try Self.json(try ledger(["show", id, "--json"]))["item"] as? [String: Any])
            #expect(item["seizedAt"] as? String == "\(day)T09:30:00+08:00")
            #expect(try ledger(["show", id]).stdout.contains("seized    \(day) 09:30 (UTC+8) by 李明 (000002), 王强 (000003)"))
        }
    }

    @Test func refusedTimesExitWithOneLineAndWriteNothing() async throws {
        try await Self.withStoredItem { directory, id, ledger in
            let before = try CLITests.snapshot(directory)
            let year = Self.chinaDate(daysFromNow: 30).prefix(4)
            for (option, value, reason) in [
                ("--due", "\(Self.chinaDate(daysFromNow: 20)) garbage", "expected a time"),
                ("--due", "\(Self.chinaDate(daysFromNow: 20))T12:00:00+25:00", "offsets"),
                ("--due", "\((Int(year) ?? 2026) + 1)-02-30", "day 30 does not exist"),
                ("--due", "\(Self.chinaDate(daysFromNow: 20))T12:60", "no minute 60"),
                ("--due", "\(Self.chinaDate(daysFromNow: 20))T24:00", "no hour 24"),
                ("--due", "", "empty"),
            ] {
                let result = try ledger([
                    "checkout", id, "--to", "000002", "--reason", "court", "--approved-by", "000001", option, value, "--actor", "000004",
                ])
                #expect(result.status == 64, "\(value): \(result.stderr)")
                #expect(result.stderrLines.count == 1, "\(value): \(result.stderr)")
                #expect(result.stderr.contains(reason), "\(value): \(result.stderr)")
                #expect(result.stderr.contains("2026-12-20T12:00:00+08:00"), "the accepted forms are shown")
            }
            let seized = try ledger([
                "item", "register", "--case", CustodyCLITests.caseNumber, "--name", "钱包", "--quantity", "1", "--unit", "个",
                "--seized-by", "000002,000003", "--seized-at", "2026-11-31", "--actor", "000002",
            ])
            #expect(seized.status == 64)
            #expect(seized.stderr.contains("--seized-at: \"2026-11-31\" is not a valid time"))
            #expect(try CLITests.snapshot(directory) == before, "a refused time changed the store")
        }
    }
}

extension TimeArgumentCLITests {
    /// In Chinese, times are written the Chinese way: `2026年12月20日 12:00`.
    @Test func timesAreShownTheChineseWayInChinese() async throws {
        try await Self.withStoredItem { _, id, ledger in
            let day = Self.chinaDate(daysFromNow: 3)
            let out = try ledger([
                "checkout", id, "--to", "000002", "--reason", "appraisal", "--approved-by", "000001", "--due", "\(day) 12:00",
                "--actor", "000004", "--lang", "zh",
            ])
            #expect(out.status == 0, "\(out.stderr)")
            let parts = day.split(separator: "-").compactMap { Int($0) }
            #expect(out.stdout.contains("\(parts[0])年\(parts[1])月\(parts[2])日 12:00"), "\(out.stdout)")
            let list = try ledger(["list", "--lang", "zh"])
            #expect(list.stdout.contains("\(parts[0])年\(parts[1])月\(parts[2])日 12:00"), "\(list.stdout)")
        }
    }
}
