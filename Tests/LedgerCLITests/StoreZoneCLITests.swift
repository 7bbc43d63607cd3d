import Foundation
import LedgerPresentation
import Testing

@testable import PropertyLedger

/// A store whose agency chose another zone at `init`: local times typed on the command line are read in it,
/// and times are shown in it.
@Suite(.offThePool)
struct StoreZoneCLITests {
    /// The date `days` from now in `zone`, as `YYYY-MM-DD` (tests must not go stale on a fixed date).
    static func date(daysFromNow days: Int, in zone: TimeZone) -> String {
        String(TimeFormat(zone: zone, language: .en).string(Date().addingTimeInterval(Double(days) * 86_400)).prefix(10))
    }

    static let kolkata = TimeZone(identifier: "Asia/Kolkata") ?? .gmt

    /// A store created with `--zone zone`, the four officers, CAB-01, the case, and the bicycle checked in.
    static func withStoredItem(
        zone: String, _ body: (URL, String, @escaping ([String]) throws -> CLITests.Result) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-zone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = ["LEDGER_STORE": directory.appendingPathComponent("ledger.db").path]
        let ledger = { (arguments: [String]) in try CLITests.ledger(arguments, environment: environment, in: directory) }
        let setup: [[String]] = [
            [
                "init", "--agency-code", "370321", "--agency-name", "临淄区公安分局", "--kind", "police", "--zone", zone, "--signatures",
                "optional",
            ],
            ["officer", "add", "000001", "--name", "魏江", "--role", "supervisor"],
            ["officer", "add", "000002", "--name", "李明", "--role", "officer", "--actor", "000001"],
            ["officer", "add", "000003", "--name", "王强", "--role", "officer", "--actor", "000001"],
            ["officer", "add", "000004", "--name", "张丽", "--role", "clerk", "--actor", "000001"],
            ["location", "add", "CAB-01", "--kind", "room", "--name", "智能柜01", "--actor", "000004"],
            ["case", "open", CustodyCLITests.caseNumber, "--kind", "criminal", "--title", "自行车被盗案", "--actor", "000002"],
        ]
        for arguments in setup {
            let result = try ledger(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let registered = try ledger([
            "item", "register", "--case", CustodyCLITests.caseNumber, "--name", "自行车", "--quantity", "1", "--unit", "辆",
            "--seized-by", "000002,000003", "--actor", "000002", "--json",
        ])
        let id = try #require(try TimeArgumentCLITests.json(registered)["id"] as? String)
        #expect(try ledger(["checkin", id, "--to", "CAB-01", "--actor", "000004"]).status == 0)
        try await body(directory, id, ledger)
    }

    /// The due time a dry-run check-out with `--due due` would record.
    static func recordedDue(_ due: String, of id: String, _ ledger: ([String]) throws -> CLITests.Result) throws -> String? {
        let result = try ledger([
            "checkout", id, "--to", "000002", "--reason", "court", "--approved-by", "000001", "--due", due, "--actor", "000004",
            "--dry-run", "--json",
        ])
        #expect(result.status == 0, "\(due): \(result.stderr)")
        let entry = try #require(try TimeArgumentCLITests.json(result)["entry"] as? String)
        let object = try JSONSerialization.jsonObject(with: Data(entry.utf8)) as? [String: Any]
        return object?["due"] as? String
    }

    @Test func initRecordsAndReportsTheZone() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-zone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let initialise = { (name: String, options: [String]) in
            try CLITests.ledger(
                ["init", "--agency-code", "370321", "--agency-name", "x", "--kind", "police"] + options,
                environment: ["LEDGER_STORE": directory.appendingPathComponent(name).path], in: directory)
        }
        let json = try initialise("a.db", ["--zone", "Asia/Kolkata", "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(try TimeArgumentCLITests.json(json)["zone"] as? String == "Asia/Kolkata")
        let text = try initialise("b.db", ["--zone", "America/New_York"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("America/New_York"), "\(text.stdout)")
        // No --zone: China time, recorded as such.
        let plain = try initialise("c.db", ["--json"])
        #expect(try TimeArgumentCLITests.json(plain)["zone"] as? String == "Asia/Shanghai")
        let entry = try CLITests.ledger(
            ["entry", "0"], environment: ["LEDGER_STORE": directory.appendingPathComponent("a.db").path], in: directory)
        #expect(entry.stdout.contains("\"zone\":\"Asia/Kolkata\""), "\(entry.stdout)")
    }

    @Test func anUnknownZoneIsRefusedAndNothingIsCreated() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-zone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("store/ledger.db")
        let result = try CLITests.ledger(
            ["init", "--agency-code", "370321", "--agency-name", "x", "--kind", "police", "--zone", "Mars/Olympus", "--json"],
            environment: ["LEDGER_STORE": store.path], in: directory)
        #expect(result.status == 4, "\(result.stderr)")
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("Mars/Olympus"), "\(result.stderr)")
        let error = try #require(try TimeArgumentCLITests.json(result)["error"] as? [String: Any])
        #expect(error["reason"] as? String == "agency-zone-unknown")
        #expect(error["args"] as? [String: String] == ["zone": "Mars/Olympus"])
        #expect(!FileManager.default.fileExists(atPath: store.deletingLastPathComponent().path), "a refused init made files")
    }

    /// In a Kolkata store (UTC+5:30) 12:00 is 06:30Z and a bare date ends at 18:29:59Z; an offset is absolute.
    @Test func localTimesAreReadInTheStoresZone() async throws {
        try await Self.withStoredItem(zone: "Asia/Kolkata") { _, id, ledger in
            let day = Self.date(daysFromNow: 20, in: Self.kolkata)
            #expect(try Self.recordedDue("\(day)T12:00", of: id, ledger) == "\(day)T06:30:00Z")
            #expect(try Self.recordedDue(day, of: id, ledger) == "\(day)T18:29:59Z")
            #expect(try Self.recordedDue("\(day)T12:00:00+08:00", of: id, ledger) == "\(day)T04:00:00Z")
            #expect(try Self.recordedDue("\(day)T12:00Z", of: id, ledger) == "\(day)T12:00:00Z")

            let checkout = try ledger([
                "checkout", id, "--to", "000002", "--reason", "appraisal", "--approved-by", "000001", "--due", "\(day) 12:00",
                "--actor", "000004",
            ])
            #expect(checkout.status == 0, "\(checkout.stderr)")
            #expect(checkout.stdout.hasSuffix("checked out \(id), due \(day) 12:00 (UTC+5:30)\n"), "\(checkout.stdout)")
            // JSON shows the agency's reading of the instant, with its offset.
            #expect(try TimeArgumentCLITests.json(try ledger(["show", id, "--json"]))["due"] as? String == "\(day)T12:00:00+05:30")
            #expect(try ledger(["show", id]).stdout.contains("due \(day) 12:00 (UTC+5:30)"))
            let parts = day.split(separator: "-").compactMap { Int($0) }
            #expect(try ledger(["show", id, "--lang", "zh"]).stdout.contains("\(parts[0])年\(parts[1])月\(parts[2])日 12:00"))
        }
    }

    @Test func aLocalSeizureTimeIsReadInTheStoresZone() async throws {
        try await Self.withStoredItem(zone: "Asia/Kolkata") { _, _, ledger in
            let day = Self.date(daysFromNow: -2, in: Self.kolkata)
            let registered = try ledger([
                "item", "register", "--case", CustodyCLITests.caseNumber, "--name", "手机", "--quantity", "1", "--unit", "部",
                "--seized-by", "000002,000003", "--seized-at", "\(day) 09:30", "--actor", "000002", "--json",
            ])
            #expect(registered.status == 0, "\(registered.stderr)")
            let id = try #require(try TimeArgumentCLITests.json(registered)["id"] as? String)
            let item = try #require(try TimeArgumentCLITests.json(try ledger(["show", id, "--json"]))["item"] as? [String: Any])
            #expect(item["seizedAt"] as? String == "\(day)T09:30:00+05:30")
            let history = try TimeArgumentCLITests.json(try ledger(["history", id, "--json"]))
            let entries = try #require(history["entries"] as? [[String: Any]])
            let stored = try #require(entries.first?["entry"] as? String)
            #expect(stored.contains("\"seizedAt\":\"\(day)T04:00:00Z\""), "the entry stores UTC: \(stored)")
            #expect(try ledger(["show", id]).stdout.contains("\(day) 09:30 (UTC+5:30)"))
        }
    }

    /// New York across its next change of clocks: noon the day before and noon the day after are read with
    /// the offset of their own day, and each bare date ends at 23:59:59 on that day's clock.
    @Test func localTimesAcrossTheNextChangeOfClocks() async throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let transition = try #require(newYork.nextDaylightSavingTimeTransition(after: Date().addingTimeInterval(2 * 86_400)))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = newYork
        try await Self.withStoredItem(zone: "America/New_York") { _, id, ledger in
            for offset in [-1, 1] {
                let noon = try #require(
                    calendar.date(bySettingHour: 12, minute: 0, second: 0, of: transition.addingTimeInterval(Double(offset) * 86_400)))
                let day = String(TimeFormat(zone: newYork, language: .en).string(noon).prefix(10))
                #expect(try Self.recordedDue("\(day) 12:00", of: id, ledger) == Timestamp.string(noon), "\(day)")
                let endOfDay = try #require(calendar.date(bySettingHour: 23, minute: 59, second: 59, of: noon))
                #expect(try Self.recordedDue(day, of: id, ledger) == Timestamp.string(endOfDay), "\(day)")
            }
        }
    }

    /// The instant `--due text` is read as: from a dry run's entry, or from the refusal of a due time too near
    /// or too far (whose `due` argument is the instant read) — either way it got past the parser.
    static func dueAsRead(_ text: String, of id: String, _ ledger: ([String]) throws -> CLITests.Result) throws -> String? {
        let result = try ledger([
            "checkout", id, "--to", "000002", "--reason", "court", "--approved-by", "000001", "--due", text, "--actor", "000004",
            "--dry-run", "--json",
        ])
        let json = try TimeArgumentCLITests.json(result)
        if result.status == 0 {
            let entry = try #require(json["entry"] as? String)
            return (try JSONSerialization.jsonObject(with: Data(entry.utf8)) as? [String: Any])?["due"] as? String
        }
        #expect(result.status == 2, "\(text): \(result.stderr)")
        let error = try #require(json["error"] as? [String: Any])
        #expect(["due-too-far", "due-not-in-future"].contains(error["reason"] as? String ?? ""), "\(text): \(result.stderr)")
        return (error["args"] as? [String: String])?["due"]
    }

    /// Month ends and the leap day, read in Kolkata; 29 February 2027 and 31 April do not exist (exit 64).
    @Test func monthEndsAndTheLeapDayInAnotherZone() async throws {
        try await Self.withStoredItem(zone: "Asia/Kolkata") { directory, id, ledger in
            for day in ["2027-01-31", "2027-04-30", "2028-02-29", "2027-12-31"] {
                #expect(try Self.dueAsRead(day, of: id, ledger) == "\(day)T18:29:59Z")
                #expect(try Self.dueAsRead("\(day) 12:00", of: id, ledger) == "\(day)T06:30:00Z")
            }
            // 1 January 2028 00:00 in Kolkata is still 31 December in UTC.
            #expect(try Self.dueAsRead("2028-01-01 00:00", of: id, ledger) == "2027-12-31T18:30:00Z")
            let before = try CLITests.snapshot(directory)
            for day in ["2027-02-29", "2027-04-31"] {
                let result = try ledger([
                    "checkout", id, "--to", "000002", "--reason", "court", "--approved-by", "000001", "--due", day, "--actor", "000004",
                    "--json",
                ])
                #expect(result.status == 64, "\(day): \(result.stderr)")
                #expect((try TimeArgumentCLITests.json(result)["error"] as? [String: Any])?["reason"] as? String == "time-no-such-day")
            }
            #expect(try CLITests.snapshot(directory) == before)
        }
    }
}
