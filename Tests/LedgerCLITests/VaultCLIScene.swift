import Foundation
import Testing

@testable import PropertyLedger

/// The store the DossierVault commands are tested on, built through the real binary: the officers, the room and
/// cabinet and the bicycle-theft case of ``CustodyCLITests/withCase(_:)`` (a criminal property-crime case of
/// 刑侦大队, opened now, no progress), a central-storage location `CENTRAL` (案管中心), and:
///
/// - `dossier`, volume 1 of 2, in the cabinet `CAB-01`, chip `E0040150A1B2C3D4`;
/// - `heldDossier`, volume 2 of 2, checked out of `CAB-01` to 李明 (000002), due in 5 days;
/// - `bike`, checked in at `CAB-01` and checked out to 李明, due in 3 days (yellow);
/// - `cutter`, seized two days ago and never checked in (intake: red now).
///
/// Both dossiers are due for central storage at the end of the day a month after today, so at ``monthAhead`` they
/// are red and on the sweep list; now they are green.
struct VaultCLIScene {
    let directory: URL
    let ledger: ([String]) throws -> CLITests.Result
    let dossier, heldDossier, bike, cutter: String

    static let caseNumber = CustodyCLITests.caseNumber
    static let dossierChip = "E0040150A1B2C3D4"

    /// Forty days from now as a local time in the agency's zone (Asia/Shanghai), typed as a user would.
    static var monthAhead: String { localTime(daysFromNow: 40) }

    /// `2026-12-20 12:00`, `days` from now, in China time.
    static func localTime(daysFromNow days: Int) -> String {
        day(daysFromNow: days) + " 12:00"
    }

    /// `2026-12-20`, `days` from now, in China time.
    static func day(daysFromNow days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Agency.defaultTimeZone
        let c = calendar.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(Double(days) * 86_400))
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    static func with(_ body: (VaultCLIScene) async throws -> Void) async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            func run(_ arguments: [String]) throws -> CLITests.Result {
                let result = try ledger(arguments)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                return result
            }
            func registered(_ arguments: [String]) throws -> String {
                try #require(try DryRunCLITests.json(try run(arguments + ["--json", "--actor", "000002"]))["id"] as? String)
            }
            _ = try run(["location", "add", "CENTRAL", "--kind", "room", "--name", "案管中心", "--central", "--actor", "000004"])
            let dossier = try registered(["dossier", "register", "--case", caseNumber, "--volume", "1", "--volumes", "2", "--pages", "57"])
            let held = try registered(["dossier", "register", "--case", caseNumber, "--volume", "2", "--volumes", "2", "--pages", "31"])
            let bike = try registered([
                "item", "register", "--case", caseNumber, "--name", "自行车", "--quantity", "1", "--unit", "辆", "--seized-by", "000002,000003",
            ])
            let cutter = try registered([
                "item", "register", "--case", caseNumber, "--name", "断线钳", "--quantity", "1", "--unit", "把", "--seized-by", "000002,000003",
                "--seized-at", Timestamp.string(Date().addingTimeInterval(-2 * 86_400)),
            ])
            for arguments in [
                ["chip", "bind", dossier, dossierChip], ["checkin", dossier, "--to", "CAB-01"], ["checkin", held, "--to", "CAB-01"],
                ["checkin", bike, "--to", "CAB-01"],
                [
                    "checkout", held, "--to", "000002", "--reason", "interrogation", "--approved-by", "000001", "--due",
                    day(daysFromNow: 5),
                ],
                ["checkout", bike, "--to", "000002", "--reason", "appraisal", "--approved-by", "000001", "--due", day(daysFromNow: 3)],
            ] {
                _ = try run(arguments + ["--actor", "000004"])
            }
            try await body(
                VaultCLIScene(directory: directory, ledger: ledger, dossier: dossier, heldDossier: held, bike: bike, cutter: cutter))
        }
    }

    /// `arguments` run with `--json`, its output read as one object; the command must succeed.
    func json(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let result = try ledger(arguments + ["--json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        return try DryRunCLITests.json(result)
    }

    /// The bytes of the store's files.
    func files() throws -> [String: Data] { try CLITests.snapshot(directory) }
}
