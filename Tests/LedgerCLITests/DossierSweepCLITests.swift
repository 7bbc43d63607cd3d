import Foundation
import Testing

@testable import PropertyLedger

/// `ledger dossier sweep`: the transfer list to central storage, in both languages and as JSON; `--record`
/// writes exactly the listed moves, each naming the rule, and reports what it could not move; the refusals
/// (the target not central storage, the actor not a clerk) exit 2 and write nothing.
@Suite(.offThePool)
struct DossierSweepCLITests {
    static func items(_ result: [String: Any], _ key: String) throws -> [[String: Any]] {
        try #require(result[key] as? [[String: Any]], "\(result)")
    }

    @Test func theListNamesEachDossierWhereItIsAndWhoHoldsIt() async throws {
        try await VaultCLIScene.with { scene in
            let before = try scene.files()
            // Due at the end of the day a month from now: not yet on today's list.
            #expect(try scene.json(["dossier", "sweep"])["count"] as? Int == 0)
            #expect(try scene.ledger(["dossier", "sweep"]).stdout.hasPrefix("No dossier is due for central storage as of "))

            let result = try scene.json(["dossier", "sweep", "--as-of", VaultCLIScene.monthAhead])
            #expect(result["count"] as? Int == 2)
            #expect(result["movable"] as? Int == 1)
            #expect((result["asOf"] as? String)?.hasSuffix("T12:00:00+08:00") == true)
            let dossiers = try Self.items(result, "dossiers")
            let stored = try #require(dossiers.first { $0["dossier"] as? String == scene.dossier })
            #expect(stored["disposition"] as? String == "movable")
            #expect(stored["location"] as? String == "CAB-01")
            #expect(stored["case"] as? String == VaultCLIScene.caseNumber)
            #expect(stored["unit"] as? String == "刑侦大队")
            #expect((stored["due"] as? String)?.hasSuffix("T23:59:59+08:00") == true)
            let held = try #require(dossiers.first { $0["dossier"] as? String == scene.heldDossier })
            #expect(held["disposition"] as? String == "must-be-returned")
            #expect(held["holder"] as? String == "000002")
            #expect(held["location"] == nil)

            for language in ["zh", "en"] {
                let text = try scene.ledger([
                    "dossier", "sweep", "--as-of", VaultCLIScene.monthAhead, "--to", "CENTRAL", "--lang", language,
                ])
                #expect(text.status == 0, "\(text.stderr)")
                let zh = language == "zh"
                let lines = text.stdout.split(separator: "\n").map(String.init)
                #expect(lines.first?.hasPrefix(zh ? "移交案管中心集中保管清单（截至 " : "Transfer list to central storage as of ") == true)
                #expect(lines.first?.contains(zh ? "移交至 CENTRAL 案管中心" : "to CENTRAL (案管中心)") == true, "\(lines)")
                let storedLine = try #require(lines.first { $0.hasPrefix(scene.dossier) })
                #expect(storedLine.contains(zh ? "CAB-01 智能柜01" : "CAB-01 (智能柜01)") && storedLine.contains(zh ? "可移交" : "move it"))
                #expect(storedLine.contains(zh ? "卷 1/2" : "volume 1 of 2") && storedLine.contains("刑侦大队"))
                let heldLine = try #require(lines.first { $0.hasPrefix(scene.heldDossier) })
                #expect(heldLine.contains("李明 (000002)") && heldLine.contains(zh ? "须先归还" : "return it first"), "\(heldLine)")
                #expect(lines.last == (zh ? "（共 2 卷，其中 1 卷可立即移交）" : "(2 dossiers, 1 can be moved now)"))
            }
            #expect(
                try scene.ledger(["dossier", "sweep", "--unit", "城关派出所", "--as-of", VaultCLIScene.monthAhead, "--json"]).stdout
                    .contains("\"count\":0"))
            #expect(try scene.files() == before, "the list changed the store")
        }
    }

    @Test func recordingWritesExactlyTheListedMovesEachNamingTheRule() async throws {
        try await VaultCLIScene.with { scene in
            let sizeBefore = try #require(try scene.json(["checkpoint"])["size"] as? Int)
            let arguments = ["dossier", "sweep", "--record", "--to", "CENTRAL", "--as-of", VaultCLIScene.monthAhead, "--actor", "000004"]

            let before = try scene.files()
            let dry = try scene.json(arguments + ["--dry-run"])
            #expect(dry["dryRun"] as? Bool == true)
            let dryText = try scene.ledger(arguments + ["--dry-run"]).stdout
            #expect(dryText.hasPrefix("Would record 1 move to CENTRAL (案管中心) under rule central-storage (entry #"), "\(dryText)")
            #expect(try scene.files() == before, "--dry-run changed the store")

            let recorded = try scene.json(arguments)
            #expect(recorded["dryRun"] == nil)
            #expect(recorded["to"] as? String == "CENTRAL")
            let moved = try Self.items(recorded, "moved")
            let notMoved = try Self.items(recorded, "notMoved")
            // The list had two: the stored one is moved, the checked-out one must first be returned.
            #expect(moved.compactMap { $0["dossier"] as? String } == [scene.dossier])
            #expect(notMoved.compactMap { $0["dossier"] as? String } == [scene.heldDossier])
            #expect(notMoved.first?["disposition"] as? String == "must-be-returned")
            let index = try #require(moved.first?["index"] as? Int)
            #expect(index == (try Self.items(dry, "moved").first?["index"] as? Int), "the dry run named the same entry")
            let entry = try #require(moved.first?["entry"] as? String)
            #expect(entry.contains("\"rule\":\"central-storage\"") && entry.contains("\"location\":\"CENTRAL\""), "\(entry)")

            // Exactly one entry was written, and it is the dossier's move under the rule.
            let history = try #require(try scene.json(["history", scene.dossier])["entries"] as? [[String: Any]])
            #expect(history.last?["index"] as? Int == index)
            #expect(history.last?["type"] as? String == "custody.moved")
            #expect((history.last?["entry"] as? String)?.contains("\"rule\":\"central-storage\"") == true)
            #expect(try scene.ledger(["history", scene.dossier]).stdout.contains("CAB-01 → CENTRAL, under rule central-storage"))
            #expect(try scene.ledger(["history", scene.dossier, "--lang", "zh"]).stdout.contains("依规则 central-storage"))
            let heldHistory = try #require(try scene.json(["history", scene.heldDossier])["entries"] as? [[String: Any]])
            #expect(!heldHistory.contains { $0["type"] as? String == "custody.moved" })
            #expect(try scene.json(["checkpoint"])["size"] as? Int == sizeBefore + 1)
            #expect(try scene.json(["show", scene.dossier])["location"] as? String == "CENTRAL")

            // Now in central storage: off the list, and no central-storage deadline left.
            let after = try scene.json(["dossier", "sweep", "--as-of", VaultCLIScene.monthAhead])
            #expect(try Self.items(after, "dossiers").compactMap { $0["dossier"] as? String } == [scene.heldDossier])
            let deadlines = try DueCLITests.deadlines(try scene.json(["due", "--rule", "central-storage"]))
            #expect(deadlines.compactMap { $0["object"] as? String } == [scene.heldDossier])

            // Recording again moves nothing and says so; the one left must first be returned.
            let again = try scene.ledger(arguments + ["--lang", "zh"])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.contains("没有可立即移交的案卷，未记录任何内容。"), "\(again.stdout)")
            #expect(again.stdout.contains("未能移交 1 卷：") && again.stdout.contains("李明 (000002)：须先归还"), "\(again.stdout)")
        }
    }

    @Test func aTargetNotCentralOrAnActorNotAClerkIsRefusedAndWritesNothing() async throws {
        try await VaultCLIScene.with { scene in
            let before = try scene.files()
            let base = ["dossier", "sweep", "--record", "--as-of", VaultCLIScene.monthAhead]
            func expectRefusal(_ arguments: [String], _ status: Int32, _ reason: String) throws {
                for dryRun in [[], ["--dry-run"]] {
                    let result = try scene.ledger(base + arguments + dryRun + ["--json"])
                    #expect(result.status == status, "\(arguments): \(result.stderr)")
                    #expect(result.stderrLines.count == 1)
                    let error = try #require(DryRunCLITests.json(result)["error"] as? [String: Any])
                    #expect(error["reason"] as? String == reason, "\(arguments) \(dryRun): \(error)")
                }
            }
            try expectRefusal(["--to", "CAB-01", "--actor", "000004"], 2, "sweep-target-not-central")
            try expectRefusal(["--to", "CENTRAL", "--actor", "000001"], 2, "sweep-needs-clerk")
            try expectRefusal(["--to", "CENTRAL", "--actor", "000002"], 2, "sweep-needs-clerk")
            try expectRefusal(["--to", "NOWHERE", "--actor", "000004"], 3, "location-not-found")
            let words = try scene.ledger(base + ["--to", "CAB-01", "--actor", "000004", "--lang", "zh"])
            #expect(words.stderr.contains("CAB-01 不是集中保管位置"), "\(words.stderr)")
            let clerk = try scene.ledger(base + ["--to", "CENTRAL", "--actor", "000002"])
            #expect(clerk.stderr.contains("only a clerk records moves to central storage"), "\(clerk.stderr)")
            // A list for a place that is not central storage would mislead too.
            #expect(try scene.ledger(["dossier", "sweep", "--to", "CAB-01"]).status == 2)
            // --record needs --to; --dry-run needs --record.
            #expect(try scene.ledger(["dossier", "sweep", "--record", "--actor", "000004"]).status == 64)
            #expect(try scene.ledger(["dossier", "sweep", "--dry-run"]).status == 64)
            #expect(try scene.files() == before, "a refused sweep changed the store")
        }
    }
}
