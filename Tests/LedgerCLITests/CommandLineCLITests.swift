import Foundation
import LedgerPresentation
import PropertyLedger
import Testing

/// The command line itself: a bare `ledger`, empty arguments, and where the store is by default.
@Suite(.offThePool)
struct CommandLineCLITests {
    /// The store path `init --json` reports.
    static func store(_ result: CLITests.Result) throws -> String? {
        (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["store"] as? String
    }

    @Test func emptyArgumentsAreUsageErrorsNotLookups() async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            let before = try CLITests.snapshot(directory)
            for (arguments, reason) in [
                (["show", ""], Reason.objectArgumentEmpty("OBJECT")), (["where", " "], .argumentEmpty("UID")),
                (["history", ""], .objectArgumentEmpty("OBJECT")),
                (["checkin", "", "--to", "CAB-01", "--actor", "000004"], .objectArgumentEmpty("OBJECT")),
            ] {
                let result = try ledger(arguments + ["--json"])
                #expect(result.status == 64, "\(arguments): \(result.stderr)")
                #expect(result.stderrLines.count == 1, "\(arguments): \(result.stderr)")
                let error = try ErrorReasonCLITests.failure(result)
                #expect(error.reason == reason.id && error.args == reason.arguments, "\(arguments): \(result.stderr)")
            }
            #expect(try CLITests.snapshot(directory) == before)
        }
    }

    @Test func aBareLedgerPrintsTheUsageOnStandardErrorAndExits64() throws {
        let directory = FileManager.default.temporaryDirectory
        for arguments in [[], ["--json"], ["--store", "x.db"]] {
            let bare = try CLITests.ledger(arguments, in: directory)
            #expect(bare.status == 64, "\(arguments)")
            #expect(bare.stderr.contains("USAGE: ledger COMMAND [OPTIONS]"))
            #expect(bare.stderr.hasSuffix("ledger: error: no command given; see `ledger --help`\n"))
            #expect(arguments == ["--json"] ? bare.stdout.contains("\"status\":64") : bare.stdout.isEmpty)
        }
        let help = try CLITests.ledger(["--help"], in: directory)
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: ledger COMMAND [OPTIONS]"))
    }

    @Test func theDefaultStoreFollowsXDGDataHomeElseHome() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let initialize = ["init", "--agency-code", "370321", "--agency-name", "临淄区公安分局", "--kind", "police", "--json"]

        // CLITests.ledger sets HOME to the directory and clears XDG_DATA_HOME.
        let home = try CLITests.ledger(initialize, in: directory)
        #expect(home.status == 0, "\(home.stderr)")
        let expected = directory.appendingPathComponent(".local/share/propertyledger/ledger.db").path
        #expect(try Self.store(home) == expected)
        #expect(FileManager.default.fileExists(atPath: expected))

        let data = directory.appendingPathComponent("data").path
        let xdg = try CLITests.ledger(initialize, environment: ["XDG_DATA_HOME": data], in: directory)
        #expect(xdg.status == 0, "\(xdg.stderr)")
        #expect(try Self.store(xdg) == data + "/propertyledger/ledger.db")

        // A relative XDG_DATA_HOME is invalid (XDG Base Directory spec) and ignored: HOME again, which exists.
        let relative = try CLITests.ledger(initialize, environment: ["XDG_DATA_HOME": "data"], in: directory)
        #expect(relative.status == 6, "\(relative.stderr)")
    }
}
