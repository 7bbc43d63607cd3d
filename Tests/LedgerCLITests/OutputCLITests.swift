import Foundation
import Testing

@testable import PropertyLedger

/// What the commands print: one JSON object with named fields per command, people by name, and list filters
/// that name nothing.
@Suite(.offThePool)
struct OutputCLITests {
    static func object(_ result: CLITests.Result) throws -> [String: Any] {
        #expect(result.stdout.split(separator: "\n").count == 1, "one JSON object on one line: \(result.stdout)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
    }

    /// Two items of the bicycle case, the first checked out to 李明 (000002).
    static func withTwoItems(_ body: (URL, [String], @escaping ([String]) throws -> CLITests.Result) async throws -> Void) async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            var ids: [String] = []
            for name in ["自行车", "手机"] {
                let registered = try ledger([
                    "item", "register", "--case", CustodyCLITests.caseNumber, "--name", name, "--quantity", "1", "--unit", "个",
                    "--seized-by", "000002,000003", "--actor", "000002", "--json",
                ])
                ids.append(try #require(try Self.object(registered)["id"] as? String))
            }
            for arguments in [
                ["checkin", ids[0], "--to", "CAB-01"], ["checkin", ids[1], "--to", "CAB-01"],
                [
                    "checkout", ids[0], "--to", "000002", "--reason", "appraisal", "--approved-by", "000001", "--due",
                    TimeArgumentCLITests.chinaDate(daysFromNow: 5),
                ],
            ] {
                let result = try ledger(arguments + ["--actor", "000004"])
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
            }
            try await body(directory, ids, ledger)
        }
    }

    @Test func everyListingIsOneObjectWithNamedFields() async throws {
        try await Self.withTwoItems { _, ids, ledger in
            let list = try Self.object(try ledger(["list", "--json"]))
            #expect((list["objects"] as? [[String: Any]])?.map { $0["id"] as? String } == ids)
            #expect(list["count"] as? Int == 2)
            #expect(list["more"] as? Bool == false)
            #expect((list["objects"] as? [[String: Any]])?.first?["overdue"] as? Bool == false)

            let officers = try Self.object(try ledger(["officer", "list", "--json"]))
            #expect((officers["officers"] as? [[String: Any]])?.count == 4)
            let locations = try Self.object(try ledger(["location", "list", "--json"]))
            #expect((locations["locations"] as? [[String: Any]])?.map { $0["code"] as? String } == ["CAB-01", "ROOM-1"])
            let history = try Self.object(try ledger(["history", ids[0], "--json"]))
            #expect(history["object"] as? String == ids[0])
            #expect((history["entries"] as? [[String: Any]])?.count == 3)
            let caseShown = try Self.object(try ledger(["case", "show", CustodyCLITests.caseNumber, "--json"]))
            #expect((caseShown["objects"] as? [[String: Any]])?.map { $0["overdue"] as? Bool } == [false, false])
        }
    }

    @Test func showAndWhereSayWhetherTheObjectIsOverdue() async throws {
        try await Self.withTwoItems { directory, ids, ledger in
            #expect(try ledger(["chip", "bind", ids[1], "04A1B2C3D4E580", "--actor", "000004"]).status == 0)
            let shown = try Self.object(try ledger(["show", ids[0], "--json"]))
            #expect(shown["overdue"] as? Bool == false)
            #expect(shown["holder"] as? String == "000002", "JSON keeps the stored badge")
            #expect(try Self.object(try ledger(["where", "04A1B2C3D4E580", "--json"]))["overdue"] as? Bool == false)

            // A check-out recorded (through the library, on the same store) with its due time already past.
            let paths = StorePaths(database: directory.appendingPathComponent("ledger.db").path, privateKey: nil)
            let store = try await LedgerStore.open(paths)
            let past = Date().addingTimeInterval(-3 * 86_400)
            _ = try await store.record(
                .checkOut(
                    object: ids[1], to: "000003", reason: .court, approvedBy: "000001", due: past.addingTimeInterval(3600), note: nil,
                    caseNumber: nil), actor: "000004", at: past)
            let overdue = try Self.object(try ledger(["where", "04A1B2C3D4E580", "--json"]))
            #expect(overdue["overdue"] as? Bool == true)
            #expect(try Self.object(try ledger(["show", ids[1], "--json"]))["overdue"] as? Bool == true)
            #expect(try ledger(["show", ids[1]]).stdout.contains("checked out to 王强 (000003)"))
            #expect(try ledger(["show", ids[1]]).stdout.contains("** OVERDUE **"))
        }
    }

    @Test func aCutShortListSaysSo() async throws {
        try await Self.withTwoItems { _, ids, ledger in
            let text = try ledger(["list", "--limit", "1"])
            #expect(text.stdout.contains(ids[0]) && !text.stdout.contains(ids[1]))
            #expect(text.stdout.hasSuffix("(the first 1 object; more match: raise --limit to see them)\n"), "\(text.stdout)")
            let json = try Self.object(try ledger(["list", "--limit", "1", "--json"]))
            #expect(json["count"] as? Int == 1)
            #expect(json["more"] as? Bool == true)
            #expect(try ledger(["list", "--limit", "2"]).stdout.hasSuffix("(2 objects)\n"))
            #expect(try Self.object(try ledger(["list", "--limit", "2", "--json"]))["more"] as? Bool == false)
        }
    }

    @Test func peopleAreShownByNameBesideTheBadge() async throws {
        try await Self.withTwoItems { _, ids, ledger in
            let history = try ledger(["history", ids[0]]).stdout
            #expect(history.contains("张丽 (000004)"), "actor: \(history)")
            #expect(history.contains("→ 李明 (000002) for appraisal, approved by 魏江 (000001)"), "recipient, approver: \(history)")
            #expect(history.contains("seized by 李明 (000002), 王强 (000003)"))
            let list = try ledger(["list"]).stdout
            #expect(list.contains("李明 (000002)"), "holder: \(list)")
            let shown = try ledger(["show", ids[0]]).stdout
            #expect(shown.contains("checked out to 李明 (000002)"))
            #expect(shown.contains("by 李明 (000002), 王强 (000003)"))
            #expect(try ledger(["case", "show", CustodyCLITests.caseNumber]).stdout.contains("held by 李明 (000002)"))
        }
    }

    @Test func filtersNamingNothingAreNotFound() async throws {
        try await Self.withTwoItems { directory, _, ledger in
            let before = try CLITests.snapshot(directory)
            for (arguments, status, fragment) in [
                (["list", "--case", "NOPE"], Int32(3), "there is no case NOPE"),
                (["list", "--location", "CAB-99"], 3, "there is no location CAB-99"),
                (["list", "--holder", "999999"], 3, "there is no officer 999999"),
            ] {
                let result = try ledger(arguments)
                #expect(result.status == status, "\(arguments): \(result.stderr)")
                #expect(result.stderrLines.count == 1, "\(arguments): \(result.stderr)")
                #expect(result.stderr.contains(fragment), "\(arguments): \(result.stderr)")
                #expect(result.stdout.isEmpty)
            }
            #expect(try CLITests.snapshot(directory) == before)
        }
    }
}
