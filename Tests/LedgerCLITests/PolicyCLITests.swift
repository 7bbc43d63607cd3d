import Foundation
import Testing

@testable import PropertyLedger

/// `ledger policy show` and `policy set`: every rule with its source and parameters; a supervisor's change
/// recorded in the log, shown with who set it when and why, and applied by `due` from its entry on; refusals
/// write nothing.
@Suite(.offThePool)
struct PolicyCLITests {
    static func parameter(_ name: String, in result: [String: Any]) throws -> [String: Any] {
        let rules = try #require(result["rules"] as? [[String: Any]])
        let parameters = rules.flatMap { $0["parameters"] as? [[String: Any]] ?? [] }
        return try #require(parameters.first { $0["parameter"] as? String == name }, "\(name)")
    }

    @Test func everyRuleWithItsSourceAndParametersAsJSON() async throws {
        try await CustodyCLITests.withCase { _, ledger in
            let result = try DryRunCLITests.json(try ledger(["policy", "show", "--json"]))
            #expect(result["agencyKind"] as? String == "police")
            let rules = try #require(result["rules"] as? [[String: Any]])
            #expect(
                rules.compactMap { $0["id"] as? String } == [
                    "central-storage", "intake", "checkout-due", "release-unrelated", "grades", "cabinet",
                ])
            #expect(rules.allSatisfy { ($0["name"] as? String)?.isEmpty == false && ($0["source"] as? String)?.isEmpty == false })
            #expect((rules.first { $0["id"] as? String == "checkout-due" }?["parameters"] as? [Any])?.isEmpty == true)
            let expected = [
                "central-storage.months": "1", "intake.limit": "1d", "release-unrelated.limit": "3d", "grades.yellow": "7d",
                "grades.orange": "1d", "cabinet.approval-valid": "1d", "cabinet.two-person": "off", "cabinet.agreeing-rounds": "2",
                "cabinet.session-timeout": "30m",
            ]
            for (name, value) in expected {
                let parameter = try Self.parameter(name, in: result)
                #expect(parameter["value"] as? String == value, "\(name)")
                #expect(parameter["default"] as? String == value, "\(name)")
                #expect(parameter["setBy"] == nil, "\(name)")
                #expect((parameter["changes"] as? [Any])?.isEmpty == true)
            }
        }
    }

    @Test(arguments: ["zh", "en"])
    func theRulesAreListedWithSourcesInBothLanguages(language: String) async throws {
        try await CustodyCLITests.withCase { _, ledger in
            let text = try ledger(["policy", "show", "--lang", language]).stdout
            let zh = language == "zh"
            for rule in ["central-storage", "intake", "checkout-due", "release-unrelated", "grades"] {
                #expect(text.contains("\n\(rule)  ") || text.hasPrefix("\(rule)  "), "\(rule): \(text)")
            }
            #expect(text.contains(zh ? "未破案件案卷集中保管" : "central storage of unsolved-case dossiers"))
            #expect(text.contains(zh ? "  来源  公安部《公安机关涉案财物管理若干规定》（2015）" : "  source  MPS, Provisions"))
            #expect(
                text.contains(zh ? "intake.limit = 1d  扣押后入库时限（默认值）" : "intake.limit = 1d  time from seizure to check-in (the default)"))
            #expect(text.contains(zh ? "无可设置的参数" : "no parameters"))
            #expect(text.contains("ledger policy set"))
        }
    }

    @Test func aSupervisorsChangeIsShownAndAppliedByDueFromItsEntryOn() async throws {
        try await VaultCLIScene.with { scene in
            let beforeChange = Timestamp.string(Date().addingTimeInterval(-60))
            // The cutter, seized two days ago, is red under the police's 24 hours.
            func cutterIntake(_ arguments: [String] = []) throws -> [String: Any]? {
                try DueCLITests.deadlines(try scene.json(["due", "--rule", "intake"] + arguments)).first {
                    $0["object"] as? String == scene.cutter
                }
            }
            #expect(try cutterIntake()?["grade"] as? String == "red")

            let set = try scene.ledger(["policy", "set", "intake.limit", "72H", "--reason", "交接需时", "--actor", "000001"])
            #expect(set.status == 0, "\(set.stderr)")
            #expect(set.stdout.hasPrefix("Recorded entry #"), "\(set.stdout)")
            #expect(set.stdout.contains("intake.limit set to 3d (was 1d)"), "typed 72H, written canonically: \(set.stdout)")
            let index = try #require(Int(set.stdout.dropFirst("Recorded entry #".count).prefix { $0.isNumber }))

            let shown = try Self.parameter("intake.limit", in: try scene.json(["policy", "show"]))
            #expect(shown["value"] as? String == "3d")
            #expect(shown["default"] as? String == "1d")
            let setBy = try #require(shown["setBy"] as? [String: Any])
            #expect(setBy["index"] as? Int == index)
            #expect(setBy["actor"] as? String == "000001")
            #expect(setBy["reason"] as? String == "交接需时")
            #expect((setBy["at"] as? String)?.hasSuffix("+08:00") == true)
            #expect((shown["changes"] as? [Any])?.count == 1)
            let zh = try scene.ledger(["policy", "show", "--lang", "zh"]).stdout
            #expect(zh.contains("intake.limit = 3d  扣押后入库时限\n      默认值 1d\n      第 \(index) 条记录，魏江 (000001)，"), "\(zh)")
            #expect(zh.contains("：交接需时"))
            let en = try scene.ledger(["policy", "show"]).stdout
            #expect(en.contains("entry #\(index), 魏江 (000001), "), "\(en)")

            // Three days from seizure: a day (less a few seconds) left, orange; before the change, still red.
            #expect(try cutterIntake()?["grade"] as? String == "orange")
            #expect(try cutterIntake(["--as-of", beforeChange])?["grade"] as? String == "red")
        }
    }

    @Test func refusalsAndBadValuesWriteNothing() async throws {
        try await CustodyCLITests.withCase { directory, ledger in
            let before = try CLITests.snapshot(directory)
            func expectFailure(_ arguments: [String], _ status: Int32, _ reason: String) throws {
                let result = try ledger(["policy", "set"] + arguments + ["--json"])
                #expect(result.status == status, "\(arguments): \(result.stderr)")
                #expect(result.stderrLines.count == 1, "\(result.stderr)")
                let error = try #require(DryRunCLITests.json(result)["error"] as? [String: Any])
                #expect(error["reason"] as? String == reason, "\(arguments): \(error)")
            }
            try expectFailure(["intake.limit", "3d", "--reason", "x", "--actor", "000002"], 2, "policy-needs-supervisor")
            try expectFailure(["intake.limit", "3d", "--reason", "x", "--actor", "000004"], 2, "policy-needs-supervisor")
            try expectFailure(["intake.limit", "3x", "--reason", "x", "--actor", "000001"], 4, "policy-duration-invalid")
            try expectFailure(["intake.limit", "31d", "--reason", "x", "--actor", "000001"], 4, "policy-duration-out-of-range")
            try expectFailure(["central-storage.months", "0", "--reason", "x", "--actor", "000001"], 4, "policy-months-invalid")
            try expectFailure(["intake.limt", "3d", "--reason", "x", "--actor", "000001"], 4, "policy-parameter-unknown")
            try expectFailure(["nothing", "3d", "--reason", "x", "--actor", "000001"], 4, "policy-name-malformed")
            try expectFailure(["intake.limit", "24h", "--reason", "x", "--actor", "000001"], 2, "policy-value-unchanged")
            try expectFailure(["grades.orange", "7d", "--reason", "x", "--actor", "000001"], 2, "policy-grades-out-of-order")
            #expect(try ledger(["policy", "set", "intake.limit", "3d", "--actor", "000001"]).status == 64, "--reason is required")
            #expect(try ledger(["policy", "set", "intake.limit", "--reason", "x", "--actor", "000001"]).status == 64)

            let dry = try ledger(["policy", "set", "intake.limit", "3d", "--reason", "交接需时", "--actor", "000001", "--dry-run"])
            #expect(dry.status == 0, "\(dry.stderr)")
            #expect(dry.stdout.hasPrefix("Would record entry #") && dry.stdout.contains("intake.limit set to 3d (was 1d)"), "\(dry.stdout)")
            let zh = try ledger([
                "policy", "set", "intake.limit", "3d", "--reason", "交接需时", "--actor", "000001", "--dry-run", "--lang", "zh",
            ])
            #expect(zh.stdout.hasPrefix("试运行（未写入）：将记录为第 ") && zh.stdout.contains("规则参数 intake.limit 改为 3d（原为 1d）"), "\(zh.stdout)")
            let dryJSON = try DryRunCLITests.json(
                try ledger(["policy", "set", "intake.limit", "3d", "--reason", "交接需时", "--actor", "000001", "--dry-run", "--json"]))
            #expect(dryJSON["dryRun"] as? Bool == true)
            #expect(dryJSON["type"] as? String == "vault.policy-set")
            #expect((dryJSON["entry"] as? String)?.contains("\"value\":\"3d\"") == true)
            #expect(try CLITests.snapshot(directory) == before, "a refusal or a dry run changed the store")

            let real = try DryRunCLITests.json(
                try ledger(["policy", "set", "intake.limit", "3d", "--reason", "交接需时", "--actor", "000001", "--json"]))
            #expect(real["index"] as? Int == dryJSON["index"] as? Int)
            #expect(real["dryRun"] == nil)
            let entry = try ledger(["entry", String(try #require(real["index"] as? Int))]).stdout
            #expect(entry.contains("\"type\":\"vault.policy-set\"") && entry.contains("\"rule\":\"intake\""), "\(entry)")
        }
    }
}
