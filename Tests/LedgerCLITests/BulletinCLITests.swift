import Foundation
import LedgerPresentation
import Testing

@testable import PropertyLedger

/// `ledger bulletin`: the day's bulletin as text (80 columns, both languages), JSON, or one self-contained HTML
/// file written whole by `--out`; a bad `--date` is a usage error.
@Suite(.offThePool)
struct BulletinCLITests {
    @Test(arguments: ["zh", "en"])
    func theTextFormFitsEightyColumnsInBothLanguages(language: String) async throws {
        try await VaultCLIScene.with { scene in
            let result = try scene.ledger(["bulletin", "--lang", language])
            #expect(result.status == 0, "\(result.stderr)")
            let text = result.stdout
            let zh = language == "zh"
            #expect(text.hasPrefix(zh ? "每日执法问题通报  " : "Daily problem bulletin  "), "\(text)")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { displayWidth(String($0)) <= 80 }, "\(lines.filter { displayWidth(String($0)) > 80 })")
            // The red intake card and the unit it belongs to.
            #expect(text.contains("刑侦大队"))
            #expect(text.contains(scene.cutter), "\(text)")
            #expect(text.contains(zh ? "超期未入库" : "Items not stored in time"))
            // What it was computed from, to be checked later.
            let size = try #require(try scene.json(["checkpoint"])["size"] as? Int)
            #expect(text.contains(zh ? "\(size) 条记录" : "\(size) entries"), "\(text)")
        }
    }

    @Test func aDayAheadShowsTheDossiersDueAndJSONIsOneLine() async throws {
        try await VaultCLIScene.with { scene in
            // Forty days ahead the dossiers' month has passed: graded at that day's first second, both are red.
            let day = VaultCLIScene.day(daysFromNow: 40)
            let result = try scene.ledger(["bulletin", "--date", day, "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.split(separator: "\n").count == 1)
            let bulletin = try DryRunCLITests.json(result)
            #expect(bulletin["date"] as? String == day)
            let units = try #require(bulletin["units"] as? [[String: Any]])
            let unit = try #require(units.first { $0["unit"] as? String == "刑侦大队" })
            let sections = try #require(unit["sections"] as? [[String: Any]])
            let central = try #require(sections.first { $0["id"] as? String == "due-for-central-storage" })
            let rows = try #require(central["rows"] as? [[String: Any]])
            #expect(Set(rows.compactMap { $0["object"] as? String }) == [scene.dossier, scene.heldDossier])
            #expect(rows.allSatisfy { $0["grade"] as? String == "red" })
            // `--format json` is `--json`: the same bulletin but for when it was computed (the two runs may straddle a second).
            var again = try DryRunCLITests.json(try scene.ledger(["bulletin", "--date", day, "--format", "json"]))
            var first = bulletin
            #expect(again.removeValue(forKey: "computedAt") != nil)
            first.removeValue(forKey: "computedAt")
            #expect(NSDictionary(dictionary: again) == NSDictionary(dictionary: first))
            let other = try DryRunCLITests.json(try scene.ledger(["bulletin", "--unit", "城关派出所", "--json"]))
            #expect(other["unit"] as? String == "城关派出所")
            #expect((other["counts"] as? [String: Any])?["rows"] as? Int == 0)
        }
    }

    @Test func htmlOutWritesOneSelfContainedFileWholeAndPrintsItsPath() async throws {
        try await VaultCLIScene.with { scene in
            let path = scene.directory.appendingPathComponent("bulletin.html").path
            let written = try scene.ledger(["bulletin", "--format", "html", "--out", "bulletin.html", "--lang", "zh"])
            #expect(written.status == 0, "\(written.stderr)")
            #expect(written.stdout == "每日执法问题通报已写入 \(path)\n", "\(written.stdout)")
            let html = try String(contentsOfFile: path, encoding: .utf8)
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.contains("<html lang=\"zh-Hans\">"))
            #expect(html.contains(scene.cutter))
            #expect(html.hasSuffix("</html>\n"))
            // Self-contained: nothing fetched from anywhere.
            for reference in ["http://", "https://", "<script", "<link", "src=", "url(", "@import"] {
                #expect(!html.contains(reference), "\(reference)")
            }
            // The same day's bulletin again replaces the file, and leaves no temporary file beside it.
            let again = try scene.json(["bulletin", "--format", "html", "--out", path, "--lang", "en"])
            #expect(again["path"] as? String == path)
            #expect(again["format"] as? String == "html")
            #expect(again["date"] as? String == VaultCLIScene.day(daysFromNow: 0))
            #expect((again["logSize"] as? Int ?? 0) > 0)
            #expect(try String(contentsOfFile: path, encoding: .utf8).contains("<html lang=\"en\">"))
            let names = try FileManager.default.contentsOfDirectory(atPath: scene.directory.path)
            #expect(!names.contains { $0.contains(".tmp-") }, "\(names)")

            let text = scene.directory.appendingPathComponent("bulletin.txt").path
            #expect(try scene.ledger(["bulletin", "--out", text]).stdout == "Bulletin written to \(text)\n")
            #expect(try String(contentsOfFile: text, encoding: .utf8).hasPrefix("Daily problem bulletin  "))
        }
    }

    /// At a store whose default language is English, with no language chosen: the text in English, the HTML — the
    /// agency's printed form — in Chinese, unless `--lang` chooses.
    @Test func theHTMLIsChineseUnlessALanguageIsChosen() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-bulletin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = ["LEDGER_STORE": directory.appendingPathComponent("ledger.db").path, "LEDGER_LANG": ""]
        let run = { (arguments: [String]) in try CLITests.ledger(arguments, environment: environment, in: directory) }
        let created = try run(["init", "--agency-code", "370321", "--agency-name", "临淄区公安分局", "--kind", "police", "--default-lang", "en"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try run(["bulletin"]).stdout.hasPrefix("Daily problem bulletin  "))
        #expect(try run(["bulletin", "--format", "html"]).stdout.contains("<html lang=\"zh-Hans\">"))
        #expect(try run(["bulletin", "--format", "html", "--lang", "en"]).stdout.contains("<html lang=\"en\">"))
    }

    @Test func badCommandLinesAndOutputsAreRefused() async throws {
        try await VaultCLIScene.with { scene in
            for arguments in [
                ["bulletin", "--date", "2026-13-01"], ["bulletin", "--date", "yesterday"], ["bulletin", "--format", "pdf"],
                ["bulletin", "--json", "--format", "html"], ["bulletin", "--json", "--format", "text"],
            ] {
                let result = try scene.ledger(arguments)
                #expect(result.status == 64, "\(arguments): \(result.stderr)")
                #expect(result.stderrLines.count == 1, "\(result.stderr)")
            }
            let before = try scene.files()
            // The store itself, or a file beside it, is never replaced by a bulletin.
            for name in ["ledger.db", "ledger.db.key", "ledger.db.checkpoint"] {
                let result = try scene.ledger(["bulletin", "--out", name, "--json"])
                #expect(result.status == 4, "\(name): \(result.stderr)")
                #expect(result.stdout.contains("\"reason\":\"output-is-store-file\""))
            }
            #expect(try scene.files() == before)
            let missing = try scene.ledger(["bulletin", "--out", "no-such-directory/bulletin.html"])
            #expect(missing.status == 3, "\(missing.stderr)")
        }
    }
}
