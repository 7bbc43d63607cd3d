import Foundation
import LedgerPresentation
import Testing

@testable import PropertyLedger
@testable import ledger

/// `ledger officer retire` (issue 7, item 5): the override flag for objects still held needs a reason, and
/// the last supervisor cannot be retired.
@Suite(.offThePool)
struct OfficerRetireCLITests {
    @Test func overridingHoldingsNeedsAReason() throws {
        let parsed = try Invocation(parsing: ["officer", "retire", "000002", "--reason", "调离", "--override-holdings"])
        #expect(
            (parsed.command as? OfficerRetireCommand)?.custodyCommand
                == .retireOfficer(badge: "000002", reason: "调离", overridesHoldings: true))
        #expect(
            (try Invocation(parsing: ["officer", "retire", "000002"]).command as? OfficerRetireCommand)?.custodyCommand
                == .retireOfficer(badge: "000002", reason: nil, overridesHoldings: false))
        for arguments in [
            ["officer", "retire", "000002", "--override-holdings"],
            ["officer", "retire", "000002", "--override-holdings", "--reason", " "],
        ] {
            let error = #expect(throws: UsageError.self) { try Invocation(parsing: arguments) }
            #expect(error?.reason == .overrideHoldingsNeedsReason, "\(arguments)")
            #expect(error?.help == .command("officer retire"))
        }
    }

    @Test func theLastSupervisorStaysAndAHolderNeedsTheOverride() async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            let id = try ledger([
                "item", "register", "--case", CustodyCLITests.caseNumber, "--name", "手机", "--quantity", "1", "--unit", "部",
                "--seized-by", "000002,000003", "--actor", "000002",
            ]).stdout.split(separator: " ")[1]
            for arguments in [
                ["checkin", String(id), "--to", "CAB-01"],
                [
                    "checkout", String(id), "--to", "000002", "--reason", "court", "--approved-by", "000001", "--due",
                    Timestamp.string(Date().addingTimeInterval(86_400)),
                ],
            ] {
                let result = try ledger(arguments + ["--actor", "000004"])
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
            }
            let before = try CLITests.snapshot(directory)
            let cases: [([String], Int32, String)] = [
                (["officer", "retire", "000001", "--actor", "000001"], 2, "only active supervisor"),
                (["officer", "retire", "000002", "--actor", "000001"], 2, "still holds \(id)"),
                (["officer", "retire", "000002", "--override-holdings", "--actor", "000001"], 64, "--override-holdings needs --reason"),
            ]
            for (arguments, status, fragment) in cases {
                let result = try ledger(arguments)
                #expect(result.status == status, "\(arguments): \(result.stderr)")
                #expect(result.stderr.contains(fragment), "\(arguments): \(result.stderr)")
            }
            #expect(try CLITests.snapshot(directory) == before, "a refused command changed the store")
            let retired = try ledger(["officer", "retire", "000002", "--reason", "调离", "--override-holdings", "--actor", "000001"])
            #expect(retired.status == 0, "\(retired.stderr)")
            let back = try ledger(["return", String(id), "--to", "CAB-01", "--condition", "完好", "--actor", "000004"])
            #expect(back.status == 0, "\(back.stderr)")
        }
    }
}
