import Foundation
import Testing

@testable import PropertyLedger

/// `ledger checkout extend` (延期) beside `ledger checkout`, and `case open --unit`.
@Suite(.offThePool)
struct CheckoutExtendCLITests {
    static func day(_ days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Agency.defaultTimeZone
        let date = Date().addingTimeInterval(Double(days) * 86_400)
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    @Test func anExtensionMovesTheDueTimeAndARefusalShowsTimesInTheAgencysZone() async throws {
        try await CustodyCLITests.withCase { _, ledger in
            let id = try #require(
                try ledger([
                    "item", "register", "--case", CustodyCLITests.caseNumber, "--name", "手机", "--quantity", "1", "--unit", "部",
                    "--seized-by", "000002,000003", "--actor", "000002",
                ]).stdout.split(separator: " ").dropFirst().first.map(String.init))
            #expect(try ledger(["checkin", id, "--to", "CAB-01", "--actor", "000004"]).status == 0)
            let checkout = try ledger([
                "checkout", id, "--to", "000002", "--reason", "appraisal", "--approved-by", "000001", "--due", Self.day(3),
                "--actor", "000004",
            ])
            #expect(checkout.status == 0, "\(checkout.stderr)")

            let extended = try ledger([
                "checkout", "extend", id, "--due", Self.day(10), "--approved-by", "000001", "--reason", "鉴定未完成", "--actor", "000004",
            ])
            #expect(extended.status == 0, "\(extended.stderr)")
            #expect(extended.stdout.contains("check-out extended \(id)"), "\(extended.stdout)")
            #expect(try ledger(["show", id]).stdout.contains("due \(Self.day(10)) 23:59:59 (UTC+8)"))

            let earlier = try ledger([
                "checkout", "extend", id, "--due", Self.day(5), "--approved-by", "000001", "--reason", "x", "--actor", "000004", "--json",
            ])
            #expect(earlier.status == 2)
            #expect(earlier.stdout.contains("\"reason\":\"extension-not-later\""))
            // The words show both times as the clerk reads them; the arguments stay the stored UTC times.
            #expect(
                earlier.stderr.contains("\(Self.day(5)) 23:59:59 (UTC+8) is not later than the current \(Self.day(10)) 23:59:59 (UTC+8)"),
                "\(earlier.stderr)")
            let holder = try ledger([
                "checkout", "extend", id, "--due", Self.day(20), "--approved-by", "000002", "--reason", "x", "--actor", "000004", "--json",
            ])
            #expect(holder.status == 2 && holder.stdout.contains("\"reason\":\"officer-lacks-role\""), "\(holder.stdout)")
            let history = try ledger(["history", id, "--lang", "zh"]).stdout
            #expect(history.contains("出库延期"), "\(history)")
        }
    }

    @Test func aCaseTakesTheUnitGivenOrTheOpeningOfficersUnit() async throws {
        try await CustodyCLITests.withCase { _, ledger in
            // The demo's case was opened by 000002 of 刑侦大队.
            let opened = try TimeArgumentCLITests.json(try ledger(["case", "show", CustodyCLITests.caseNumber, "--json"]))
            #expect((opened["case"] as? [String: Any])?["unit"] as? String == "刑侦大队")
            #expect(
                try ledger([
                    "case", "open", "A2", "--kind", "administrative", "--title", "盗窃自行车", "--property-crime", "--unit", "城关派出所",
                    "--actor", "000003",
                ]).status == 0)
            let given = try TimeArgumentCLITests.json(try ledger(["case", "show", "A2", "--json"]))
            #expect((given["case"] as? [String: Any])?["unit"] as? String == "城关派出所")
        }
    }
}
