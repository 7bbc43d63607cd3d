import Foundation
import Testing

@testable import PropertyLedger

/// A check-out to be taken at a smart cabinet carries the supervisor's signed approval of exactly its terms,
/// checked as at the desk when `checkout --at-cabinet` records it; its nonce is then used up for every kind of
/// entry, so the same approval cannot also check the object out at the desk.
extension SignedEntryCLITests {
    @Test func aCabinetCheckoutCarriesTheSupervisorsSignedApproval() async throws {
        try await Self.withKeyedStore { directory, run in
            let item = try Self.storedBicycle(run, inCabinet: true)
            let due = "\(Self.year + 1)-01-10T12:00:00+08:00"
            let terms = ["--to", "000002", "--reason", "appraisal"]
            let approve = try run.signed(["approve", "checkout", item] + terms + ["--due", due, "--out", "approval.json"], as: "000001")
            #expect(approve.status == 0, "\(approve.stderr)")
            let later = "\(Self.year + 1)-01-11T12:00:00+08:00"
            let other = try run.signed(["approve", "checkout", item] + terms + ["--due", later, "--out", "later.json"], as: "000001")
            #expect(other.status == 0, "\(other.stderr)")
            let atCabinet = ["checkout", item] + terms + ["--due", due, "--approved-by", "000001", "--at-cabinet"]

            // Without the approval, or with one for another due time: refused, nothing written.
            let before = try CLITests.snapshot(directory)
            let unapproved = try run.signed(atCabinet, as: "000004")
            #expect(unapproved.status == 64, "\(unapproved.stderr)")  // no terminal to ask the approver on
            let wrong = try run.signed(atCabinet + ["--approval", "later.json"], as: "000004")
            #expect(wrong.status == 2, "\(wrong.stderr)")
            #expect(wrong.stderr.contains("the approval's due is"), "\(wrong.stderr)")
            #expect(try CLITests.snapshot(directory) == before)

            let approved = try run.signed(atCabinet + ["--approval", "approval.json", "--json"], as: "000004")
            #expect(approved.status == 0, "\(approved.stderr)")
            let result = try #require(try JSONSerialization.jsonObject(with: Data(approved.stdout.utf8)) as? [String: Any])
            // `entry` is the entry as stored, its exact text.
            let stored = try #require(result["entry"] as? String)
            let entry = try #require(try JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [String: Any])
            let approval = try #require(entry["approval"] as? [String: Any], "\(approved.stdout)")
            #expect((approval["statement"] as? String)?.hasPrefix("PropertyLedger/approval/v1\n") == true)

            // The cabinet's approval used the nonce up: the same file does not also check it out at the desk.
            let desk = try run.signed(
                ["checkout", item] + terms + ["--due", due, "--approved-by", "000001", "--approval", "approval.json"], as: "000004")
            #expect(desk.status == 2, "\(desk.stderr)")
            #expect(desk.stderr.contains("the approval was already used by entry"), "\(desk.stderr)")

            #expect(try run(["rebuild", "--check"]).status == 0, "the rebuilt nonces differ from the live ones")
            #expect(try run(["verify"]).status == 0)
            let independent = try Self.independentVerifier(directory)
            #expect(independent.status == 0, "\(independent.stdout)")
            #expect(independent.stdout.hasSuffix(", 1 approvals\n"), "\(independent.stdout)")
        }
    }
}

/// `ledger init` makes a store that requires signatures after its first supervisor, and says so in entry 0:
/// the independent checker holds a later unsigned entry against it as `verify` does.
extension SignedEntryCLITests {
    @Test func aNewStoreRequiresSignaturesAfterItsFirstSupervisor() async throws {
        try await CLITests.withStore(signatures: "required") { directory, ledger in
            let first = try ledger(["officer", "add", "000001", "--name", "魏江", "--role", "supervisor"])
            #expect(first.status == 0, "\(first.stderr)")
            let before = try CLITests.snapshot(directory)
            let unsigned = try ledger(["officer", "add", "000002", "--name", "李明", "--role", "officer", "--actor", "000001", "--json"])
            #expect(unsigned.status == 2, "\(unsigned.stderr)")
            #expect(unsigned.stdout.contains(#""reason":"signatures-required-no-key""#), "\(unsigned.stdout)")
            #expect(try CLITests.snapshot(directory) == before)
            let entry0 = try ledger(["entry", "0"])
            #expect(entry0.stdout.contains(#""signatures":"required""#), "\(entry0.stdout)")

            let run = Signing(directory: directory, store: directory.appendingPathComponent("ledger.db").path)
            let own = try run(["officer", "enroll", "000001", "--actor", "000001"], newPassphrase: Self.passphrases["000001"])
            #expect(own.status == 0, "\(own.stderr)")
            #expect(try run.signed(["officer", "add", "000002", "--name", "李明", "--role", "officer"], as: "000001").status == 0)
            #expect(try ledger(["verify"]).status == 0)
            #expect(try Self.independentVerifier(directory).status == 0)

            // Someone holding the file slips an unsigned entry in after them: the independent checker names it.
            let database = try Database(path: run.store, create: false)
            let size = try #require(try database.queryInt("SELECT max(idx) + 1 FROM log_entries"))
            let slipped =
                #"{"actor":"000002","at":"2026-12-02T00:00:00Z","badge":"000003","name":"王强","role":"supervisor","type":"officer.added","v":1}"#
            try database.execute("INSERT INTO log_entries (idx, bytes) VALUES (?, ?)", size, Data(slipped.utf8))
            let independent = try Self.independentVerifier(directory)
            #expect(independent.status != 0)
            #expect(independent.stdout.contains("every entry must be signed since entry 2"), "\(independent.stdout)")
        }
    }
}
