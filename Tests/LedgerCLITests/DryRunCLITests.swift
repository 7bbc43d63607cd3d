import Foundation
import Testing

@testable import PropertyLedger

/// `--dry-run` (issue 8, item 6): a write command checked under the rules prints what it would record, or the
/// refusal a real run gives, and leaves every file of the store byte-identical.
@Suite(.offThePool)
struct DryRunCLITests {
    static func json(_ result: CLITests.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
    }

    /// Runs `arguments` with `--dry-run` (text, then JSON), checks that nothing changed, then runs them for real;
    /// returns the dry-run and the real JSON results.
    static func dryThenReal(
        _ arguments: [String], in directory: URL, _ ledger: ([String]) throws -> CLITests.Result
    ) throws -> (dry: [String: Any], real: [String: Any], text: String) {
        let before = try CLITests.snapshot(directory)
        let text = try ledger(arguments + ["--dry-run"])
        #expect(text.status == 0, "\(arguments): \(text.stderr)")
        let dry = try ledger(arguments + ["--dry-run", "--json"])
        #expect(dry.status == 0, "\(arguments): \(dry.stderr)")
        #expect(try CLITests.snapshot(directory) == before, "--dry-run changed the store: \(arguments)")
        let real = try ledger(arguments + ["--json"])
        #expect(real.status == 0, "\(arguments): \(real.stderr)")
        return (try json(dry), try json(real), text.stdout)
    }

    @Test func registrationCheckoutAndCorrectionAreShownAndNotWritten() async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            let register = [
                "item", "register", "--case", CustodyCLITests.caseNumber, "--name", "自行车", "--quantity", "1", "--unit", "辆",
                "--seized-by", "000002,000003", "--actor", "000002",
            ]
            let registered = try Self.dryThenReal(register, in: directory, ledger)
            let id = try #require(registered.real["id"] as? String)
            let index = try #require(registered.real["index"] as? Int)
            #expect(registered.text == "Would register \(id) (entry #\(index))\n")
            #expect(registered.dry["dryRun"] as? Bool == true)
            #expect(registered.real["dryRun"] == nil)
            // The same shape as the real result, plus dryRun: the same id, index and type.
            #expect(Set(registered.dry.keys) == Set(registered.real.keys).union(["dryRun"]))
            #expect(registered.dry["id"] as? String == id)
            #expect(registered.dry["index"] as? Int == index)
            #expect(registered.dry["type"] as? String == "item.registered")

            #expect(try ledger(["checkin", id, "--to", "CAB-01", "--actor", "000004"]).status == 0)
            // Due back within a year of today: a check-out is never due further ahead.
            let due = Timestamp.string(Date().addingTimeInterval(30 * 86_400))
            let checkout = [
                "checkout", id, "--to", "000002", "--reason", "appraisal", "--approved-by", "000001", "--due", due, "--actor", "000004",
            ]
            let checkedOut = try Self.dryThenReal(checkout, in: directory, ledger)
            let checkoutIndex = try #require(checkedOut.real["index"] as? Int)
            #expect(checkedOut.text.hasPrefix("Would record entry #\(checkoutIndex): checked out \(id), due "))
            #expect(checkedOut.dry["index"] as? Int == checkoutIndex)
            #expect(checkedOut.dry["type"] as? String == "custody.checked-out")
            #expect(Set(checkedOut.dry.keys) == Set(checkedOut.real.keys).union(["dryRun"]))

            let correct = ["correct", String(index), "--field", "features", "--value", "红色", "--reason", "录入遗漏", "--actor", "000004"]
            let corrected = try Self.dryThenReal(correct, in: directory, ledger)
            #expect(corrected.text.hasPrefix("Would record entry #\(corrected.real["index"] as? Int ?? -1): "))
            #expect(corrected.dry["type"] as? String == corrected.real["type"] as? String)
            #expect(corrected.dry["index"] as? Int == corrected.real["index"] as? Int)
            #expect(try ledger(["verify"]).status == 0)
        }
    }

    @Test func aRefusalIsTheRealRunsRefusal() async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            let id = try ledger([
                "item", "register", "--case", CustodyCLITests.caseNumber, "--name", "手机", "--quantity", "1", "--unit", "部",
                "--seized-by", "000002,000003", "--actor", "000002",
            ]).stdout.split(separator: " ")[1]
            #expect(try ledger(["checkin", String(id), "--to", "CAB-01", "--actor", "000004"]).status == 0)
            let before = try CLITests.snapshot(directory)
            // The recipient approving their own check-out is refused by a custody rule.
            let refused = [
                "checkout", String(id), "--to", "000002", "--reason", "appraisal", "--approved-by", "000002", "--due",
                Timestamp.string(Date().addingTimeInterval(30 * 86_400)), "--actor", "000004",
            ]
            for json in [[], ["--json"]] {
                let dry = try ledger(refused + ["--dry-run"] + json)
                let real = try ledger(refused + json)
                #expect(real.status == 2, "\(real.stderr)")
                #expect(dry.status == real.status)
                #expect(dry.stderr == real.stderr)
                #expect(dry.stderrLines.count == 1)
                #expect(dry.stdout == real.stdout)
            }
            // A dry run of a command the store refuses for another reason (no such object) is refused alike.
            let missing = ["move", "P-370321-2026-009999", "--to", "ROOM-1", "--actor", "000004"]
            let dryMissing = try ledger(missing + ["--dry-run"])
            let realMissing = try ledger(missing)
            #expect(dryMissing.status == realMissing.status && dryMissing.stderr == realMissing.stderr)
            #expect(try CLITests.snapshot(directory) == before)
        }
    }

    @Test func aStocktakeUnderDryRunIsReportedAndNotRecorded() async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            let id = try ledger([
                "item", "register", "--case", CustodyCLITests.caseNumber, "--name", "手机", "--quantity", "1", "--unit", "部",
                "--seized-by", "000002,000003", "--actor", "000002",
            ]).stdout.split(separator: " ")[1]
            for arguments in [["chip", "bind", String(id), "04A1B2C3D4E580"], ["checkin", String(id), "--to", "CAB-01"]] {
                #expect(try ledger(arguments + ["--actor", "000004"]).status == 0)
            }
            let before = try CLITests.snapshot(directory)
            // A keyboard-wedge reader on standard input: a real shell pipes the UIDs into the real binary.
            let audit = try CLITests.ledgerLike(
                "/bin/sh",
                [
                    "-c", "printf '04A1B2C3D4E580\\n' | \"$0\" audit CAB-01 --reader stdin --dry-run --json --actor 000004",
                    try CLITests.productsDirectory().appendingPathComponent("ledger").path,
                ],
                environment: ["LEDGER_STORE": directory.appendingPathComponent("ledger.db").path], in: directory)
            #expect(audit.status == 0, "\(audit.stderr)")
            let json = try Self.json(audit)
            #expect(json["dryRun"] as? Bool == true)
            let report = try #require(json["report"] as? [String: Any])
            #expect((report["counts"] as? [String: Any])?["found"] as? Int == 1)
            #expect(try CLITests.snapshot(directory) == before)
        }
    }

    @Test func scanningUnderDryRunShowsTheCheckInAndRecordsNothing() async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            let id = try ledger([
                "item", "register", "--case", CustodyCLITests.caseNumber, "--name", "手机", "--quantity", "1", "--unit", "部",
                "--seized-by", "000002,000003", "--actor", "000002",
            ]).stdout.split(separator: " ")[1]
            #expect(try ledger(["chip", "bind", String(id), "04A1B2C3D4E580", "--actor", "000004"]).status == 0)
            let before = try CLITests.snapshot(directory)
            let scan = try CLITests.ledgerLike(
                "/bin/sh",
                [
                    "-c",
                    "printf '04A1B2C3D4E580\\n' | \"$0\" scan --reader stdin --action checkin --to CAB-01 --count 1 --dry-run --actor 000004",
                    try CLITests.productsDirectory().appendingPathComponent("ledger").path,
                ],
                environment: ["LEDGER_STORE": directory.appendingPathComponent("ledger.db").path], in: directory)
            #expect(scan.status == 0, "\(scan.stderr)")
            #expect(scan.stdout.contains("registered, not yet in storage  → checkin would be recorded as entry #"), "\(scan.stdout)")
            #expect(try CLITests.snapshot(directory) == before)
        }
    }

    @Test func dryRunOnACommandThatWritesNothingIsAUsageError() async throws {
        try await CLITests.withStore { directory, ledger in
            let before = try CLITests.snapshot(directory)
            for arguments in [["verify"], ["show", "P-1"], ["list"], ["officer", "list"], ["checkpoint"], ["export"]] {
                let result = try ledger(arguments + ["--dry-run", "--json"])
                #expect(result.status == 64, "\(arguments): \(result.stderr)")
                #expect(result.stderrLines.count == 1, "\(arguments): \(result.stderr)")
                let error = try ErrorReasonCLITests.failure(result)
                #expect(error.reason == "dry-run-not-recording", "\(arguments): \(result.stderr)")
                #expect(error.args == ["command": arguments.prefix(arguments[0] == "officer" ? 2 : 1).joined(separator: " ")])
            }
            #expect(try CLITests.snapshot(directory) == before)
        }
    }
}
