import Foundation
import Testing

@testable import PropertyLedger

/// `ledger rebuild --check` on projections changed behind the log's back: exit 1, each difference with its
/// reason for scripts and its words for people, in the chosen language.
@Suite(.offThePool)
struct RebuildCLITests {
    @Test func aDifferenceCarriesItsReasonAndWords() async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            try Database(path: directory.appendingPathComponent("ledger.db").path).execute(
                "UPDATE officers SET name = '别人' WHERE badge = '000001'")
            let json = try ledger(["rebuild", "--check", "--json"])
            #expect(json.status == 1)
            let line = try #require(json.stdout.split(separator: "\n").first)
            let result = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(result["ok"] as? Bool == false)
            let differences = try #require(result["differences"] as? [[String: Any]])
            #expect(differences.map { $0["reason"] as? String } == ["rebuild-extra-rows", "rebuild-missing-rows"])
            #expect((differences.first?["args"] as? [String: String]) == ["table": "officers", "count": "1"])
            #expect(differences.first?["message"] as? String == "officers: 1 row(s) in the live projection that the log does not produce")

            let chinese = try ledger(["rebuild", "--check", "--lang", "zh"])
            #expect(chinese.status == 1)
            #expect(chinese.stdout.contains("officers：现有投影中有 1 行是按台账重放得不出的"), "\(chinese.stdout)")
        }
    }

    @Test func repairRewritesTheProjectionsFromTheLogAndLeavesTheLogAlone() async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            let path = directory.appendingPathComponent("ledger.db").path
            let clean = try ledger(["rebuild", "--repair", "--json"])
            #expect(clean.status == 0, "\(clean.stderr)")
            #expect(clean.stdout.contains("\"repaired\":false") && clean.stdout.contains("\"ok\":true"), "\(clean.stdout)")

            let database = try Database(path: path)
            try database.execute("UPDATE officers SET name = '别人' WHERE badge = '000001'")
            try database.execute("DELETE FROM locations WHERE code = 'CAB-01'")
            let entries = try database.queryInt("SELECT count(*) FROM log_entries")
            let nodes = try database.queryInt("SELECT count(*) FROM log_nodes")
            #expect(try ledger(["rebuild", "--check"]).status == 1)

            let repaired = try ledger(["rebuild", "--repair", "--json"])
            #expect(repaired.status == 0, "\(repaired.stderr)")
            let result = try #require(try JSONSerialization.jsonObject(with: Data(repaired.stdout.utf8)) as? [String: Any])
            #expect(result["repaired"] as? Bool == true && result["ok"] as? Bool == true)
            let reasons = (result["differences"] as? [[String: Any]])?.compactMap { $0["reason"] as? String } ?? []
            #expect(reasons.count == 3, "officers: one extra and one missing row; locations: one missing: \(reasons)")

            #expect(try ledger(["rebuild", "--check"]).status == 0)
            #expect(try ledger(["verify"]).status == 0)
            #expect(try database.queryInt("SELECT count(*) FROM officers WHERE badge = '000001' AND name = '魏江'") == 1)
            #expect(try database.queryInt("SELECT count(*) FROM log_entries") == entries)
            #expect(try database.queryInt("SELECT count(*) FROM log_nodes") == nodes)
            // The store goes on working after the repair: the cabinet is back, and can be used.
            let item = try ledger([
                "item", "register", "--case", CustodyCLITests.caseNumber, "--name", "手机", "--quantity", "1", "--unit", "部",
                "--seized-by", "000002,000003", "--json", "--actor", "000002",
            ])
            #expect(item.status == 0, "\(item.stderr)")
            let id = try #require(try DryRunCLITests.json(item)["id"] as? String)
            #expect(try ledger(["checkin", id, "--to", "CAB-01", "--actor", "000004"]).status == 0)

            let chinese = try ledger(["rebuild", "--repair", "--lang", "zh"])
            #expect(chinese.status == 0 && chinese.stdout.contains("投影表与台账重放的结果完全一致"), "\(chinese.stdout)")
        }
    }

    @Test func anUnreadableEntryIsNotRepairedAround() async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            let path = directory.appendingPathComponent("ledger.db").path
            let database = try Database(path: path)
            try database.execute("UPDATE officers SET name = '别人' WHERE badge = '000001'")
            // Bytes that are no entry, appended through the log's own writer (so the tree holds them and the
            // store opens), as a buggy or foreign writer might have left them.
            let store = try await LedgerStore.open(StorePaths(database: path))
            let next = try await store.write { try $0.append(Data("not an entry".utf8)) }.range.lowerBound
            let before = try ledger(["rebuild", "--check", "--json"])
            let result = try ledger(["rebuild", "--repair"])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderrLines.count == 1 && result.stderr.contains("not repaired"), "\(result.stderr)")
            #expect(result.stderr.contains("entry \(next)"), "\(result.stderr)")
            #expect(try database.queryInt("SELECT count(*) FROM officers WHERE badge = '000001' AND name = '别人'") == 1)
            // The projections are as they were: the check finds the very same differences.
            let after = try ledger(["rebuild", "--check", "--json"])
            #expect(after.status == 1 && after.stdout == before.stdout, "\(after.stdout)")
        }
    }

    @Test func checkAndRepairTogetherOrNeitherIsAUsageError() async throws {
        try await CustodyCLITests.withCase { _, ledger in
            for arguments in [["rebuild"], ["rebuild", "--check", "--repair"]] {
                let result = try ledger(arguments)
                #expect(result.status == 64 && result.stderrLines.count == 1, "\(arguments): \(result.stderr)")
            }
        }
    }

    /// A module's projection (DossierVault's check-out clocks) is mended like the core's.
    @Test func aModulesProjectionIsRepairedToo() async throws {
        try await VaultCLIScene.with { scene in
            let database = try Database(path: scene.directory.appendingPathComponent("ledger.db").path)
            let rows = try database.queryInt("SELECT count(*) FROM vault_checkouts")
            try #require((rows ?? 0) > 0)
            try database.execute("DELETE FROM vault_checkouts")
            let repaired = try scene.ledger(["rebuild", "--repair", "--json"])
            #expect(repaired.status == 0 && repaired.stdout.contains("vault_checkouts"), "\(repaired.stdout) \(repaired.stderr)")
            #expect(try database.queryInt("SELECT count(*) FROM vault_checkouts") == rows)
            #expect(try scene.ledger(["rebuild", "--check"]).status == 0)
        }
    }
}
