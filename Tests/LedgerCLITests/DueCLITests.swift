import Foundation
import Testing

@testable import PropertyLedger

/// `ledger due`: every open deadline, red first then by due time, in both languages and as JSON; `--as-of`
/// grades at another time and writes nothing; `--grade`, `--rule` and `--unit` filter.
@Suite(.offThePool)
struct DueCLITests {
    static func deadlines(_ result: [String: Any]) throws -> [[String: Any]] {
        try #require(result["deadlines"] as? [[String: Any]])
    }

    static let urgency = ["red": 0, "orange": 1, "yellow": 2, "green": 3]

    /// Red first, then by due time (ISO 8601 with one offset sorts as text).
    static func expectMostUrgentFirst(_ deadlines: [[String: Any]], sourceLocation: SourceLocation = #_sourceLocation) {
        let keys = deadlines.map { (urgency[$0["grade"] as? String ?? ""] ?? 9, $0["due"] as? String ?? "") }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 }, "\(keys)", sourceLocation: sourceLocation)
    }

    @Test func everyOpenDeadlineMostUrgentFirstAsJSON() async throws {
        try await VaultCLIScene.with { scene in
            let result = try scene.json(["due"])
            let deadlines = try Self.deadlines(result)
            #expect(result["count"] as? Int == 5)
            #expect(deadlines.count == 5)
            Self.expectMostUrgentFirst(deadlines)
            #expect(result["grades"] as? [String: Int] == ["red": 1, "orange": 0, "yellow": 2, "green": 2])

            // The cutter was seized two days ago and never checked in: the one red card.
            let first = try #require(deadlines.first)
            #expect(first["grade"] as? String == "red")
            #expect(first["rule"] as? String == "intake")
            #expect(first["action"] as? String == "check-in")
            #expect(first["object"] as? String == scene.cutter)
            #expect(first["objectName"] as? String == "断线钳")
            #expect(first["objectKind"] as? String == "item")
            #expect(first["case"] as? String == VaultCLIScene.caseNumber)
            #expect(first["unit"] as? String == "刑侦大队")
            let overdue = try #require(first["overdueSeconds"] as? Int)
            #expect(overdue > 86_000 && overdue < 86_500, "seized two days ago, due after one: \(overdue)")
            #expect(first["leftSeconds"] == nil)
            #expect((first["due"] as? String)?.hasSuffix("+08:00") == true)

            let byObjectAndRule = Dictionary(
                deadlines.map { ("\($0["object"] as? String ?? "") \($0["rule"] as? String ?? "")", $0) }, uniquingKeysWith: { a, _ in a })
            #expect(byObjectAndRule["\(scene.bike) checkout-due"]?["grade"] as? String == "yellow")
            #expect(byObjectAndRule["\(scene.bike) checkout-due"]?["holder"] as? String == "000002")
            #expect(byObjectAndRule["\(scene.heldDossier) checkout-due"]?["grade"] as? String == "yellow")
            #expect(byObjectAndRule["\(scene.dossier) central-storage"]?["grade"] as? String == "green")
            #expect(byObjectAndRule["\(scene.dossier) central-storage"]?["location"] as? String == "CAB-01")
            #expect(byObjectAndRule["\(scene.dossier) central-storage"]?["action"] as? String == "move-to-central-storage")
            // An untitled dossier volume has no name of its own.
            #expect(byObjectAndRule["\(scene.dossier) central-storage"]?["objectName"] == nil)
            #expect(byObjectAndRule["\(scene.heldDossier) central-storage"]?["holder"] as? String == "000002")
            let left = try #require(byObjectAndRule["\(scene.dossier) central-storage"]?["leftSeconds"] as? Int)
            #expect(left > 27 * 86_400 && left < 32 * 86_400, "a calendar month ahead: \(left)")

            // Each rule listed comes with its name and source, and so do the grades that coloured them.
            let rules = try #require(result["rules"] as? [[String: Any]])
            #expect(Set(rules.compactMap { $0["id"] as? String }) == ["central-storage", "intake", "checkout-due", "grades"])
            let intake = try #require(rules.first { $0["id"] as? String == "intake" })
            #expect((intake["source"] as? String)?.contains("MPS") == true)
            #expect((rules.first { $0["id"] as? String == "central-storage" }?["source"] as? String)?.contains("洪泽") == true)
            #expect((result["asOf"] as? String)?.hasSuffix("+08:00") == true)
        }
    }

    @Test(arguments: ["zh", "en"])
    func theTableNamesGradesTimeLeftAndSources(language: String) async throws {
        try await VaultCLIScene.with { scene in
            let result = try scene.ledger(["due", "--lang", language])
            #expect(result.status == 0, "\(result.stderr)")
            let text = result.stdout
            let lines = text.split(separator: "\n").map(String.init)
            let zh = language == "zh"
            // Headings, then the rows, most urgent first: the red card opens the list.
            #expect(lines.first?.hasPrefix(zh ? "预警" : "GRADE") == true, "\(text)")
            #expect(lines.count > 6)
            let red = try #require(lines.dropFirst().first)
            #expect(red.hasPrefix(zh ? "红色" : "red "), "\(red)")
            #expect(red.contains(scene.cutter) && red.contains("断线钳"))
            #expect(red.contains(zh ? "已超期 1 天" : "overdue by 1 day"), "\(red)")
            #expect(red.contains(zh ? "办理入库" : "check in"))
            let green = try #require(lines.first { $0.contains(scene.dossier) })
            #expect(green.hasPrefix(zh ? "绿色" : "green"))
            #expect(green.contains(zh ? "剩余 " : " left"), "\(green)")
            #expect(green.contains(zh ? "卷 1/2" : "volume 1 of 2"))
            #expect(green.contains(zh ? "移交案管中心集中保管" : "move to central storage"))
            #expect(text.contains(zh ? "共 5 项期限：红色 1、黄色 2、绿色 2" : "5 open deadlines as of"), "\(text)")
            #expect(text.contains(zh ? "规则来源：" : "Sources of the rules:"))
            #expect(text.contains(zh ? "公安部《公安机关涉案财物管理若干规定》（2015）" : "MPS, Provisions on the Management"))
            #expect(text.contains(zh ? "洪泽" : "Hongze"))
            // A pipe gets words, never colour.
            #expect(!text.contains("\u{1B}"))
        }
    }

    /// On a terminal (a pseudo-terminal from util-linux's `script`) the grade is coloured; `NO_COLOR` turns it
    /// off; the words are there either way.
    // `script` (util-linux) is installed by `make`: without it this fails rather than skips.
    @Test
    func aTerminalGetsColourUnlessNoColorIsSet() async throws {
        try await VaultCLIScene.with { scene in
            let ledger = try CLITests.productsDirectory().appendingPathComponent("ledger").path
            func onTerminal(_ environment: [String: String]) throws -> String {
                let result = try CLITests.ledgerLike(
                    "/usr/bin/script", ["-q", "-e", "-c", "'\(ledger)' due", "/dev/null"],
                    environment: ["LEDGER_STORE": scene.directory.appendingPathComponent("ledger.db").path, "TERM": "xterm"]
                        .merging(environment) { $1 }, in: scene.directory)
                #expect(result.status == 0, "\(result.stderr)")
                return result.stdout
            }
            // `swift test` sets NO_COLOR for what it runs; empty, it means unset (no-color.org).
            let coloured = try onTerminal(["NO_COLOR": ""])
            #expect(coloured.contains("\u{1B}[1;31mred\u{1B}[0m"), "\(coloured)")
            #expect(coloured.contains("\u{1B}[33myellow\u{1B}[0m"))
            let plain = try onTerminal(["NO_COLOR": "1"])
            #expect(!plain.contains("\u{1B}") && plain.contains("red "), "\(plain)")
        }
    }

    @Test func asOfGradesAnotherTimeAndWritesNothing() async throws {
        try await VaultCLIScene.with { scene in
            let before = try scene.files()
            let ahead = try Self.deadlines(try scene.json(["due", "--as-of", VaultCLIScene.monthAhead]))
            #expect(ahead.count == 5)
            #expect(ahead.allSatisfy { $0["grade"] as? String == "red" }, "\(ahead)")
            Self.expectMostUrgentFirst(ahead)
            #expect(ahead.last?["rule"] as? String == "central-storage")
            #expect((ahead.last?["overdueSeconds"] as? Int ?? 0) > 0)
            let text = try scene.ledger(["due", "--as-of", VaultCLIScene.monthAhead, "--lang", "zh"])
            #expect(text.stdout.contains("截至 \(Self.chinese(VaultCLIScene.day(daysFromNow: 40))) 12:00，共 5 项期限：红色 5"), "\(text.stdout)")
            _ = try scene.ledger(["due"])
            _ = try scene.ledger(["due", "--as-of", VaultCLIScene.day(daysFromNow: -1), "--json"])
            #expect(try scene.files() == before, "due changed the store")
        }
    }

    /// `2026-12-20` as Chinese reads it: `2026年12月20日`.
    static func chinese(_ day: String) -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        return "\(parts[0])年\(parts[1])月\(parts[2])日"
    }

    @Test func gradeRuleAndUnitFilterRepeatedOrCommaSeparated() async throws {
        try await VaultCLIScene.with { scene in
            func count(_ arguments: [String]) throws -> Int? { try scene.json(["due"] + arguments)["count"] as? Int }
            #expect(try count(["--grade", "red"]) == 1)
            #expect(try count(["--grade", "red,yellow"]) == 3)
            #expect(try count(["--grade", "red", "--grade", "yellow"]) == 3)
            #expect(try count(["--grade", "orange"]) == 0)
            #expect(try count(["--rule", "central-storage"]) == 2)
            #expect(try count(["--rule", "intake,checkout-due"]) == 3)
            #expect(try count(["--rule", "checkout-due", "--grade", "yellow"]) == 2)
            #expect(try count(["--unit", "刑侦大队"]) == 5)
            #expect(try count(["--unit", "城关派出所"]) == 0)
            let grades = try Self.deadlines(try scene.json(["due", "--grade", "green", "--rule", "central-storage"]))
            #expect(Set(grades.compactMap { $0["object"] as? String }) == [scene.dossier, scene.heldDossier])
            #expect(try scene.ledger(["due", "--unit", "城关派出所"]).stdout.hasPrefix("No open deadlines as of "))

            for bad in [
                ["--grade", "purple"], ["--grade", "red,purple"], ["--rule", "grades"], ["--rule", "nope"], ["--as-of", "2026-02-30"],
            ] {
                let result = try scene.ledger(["due"] + bad + ["--json"])
                #expect(result.status == 64, "\(bad): \(result.stderr)")
                #expect(result.stderrLines.count == 1)
            }
        }
    }
}
