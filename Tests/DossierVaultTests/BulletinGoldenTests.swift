import DossierVault
import Foundation
import LedgerPresentation
import Testing

/// The bulletin of the fixed scene, in text (both languages) and JSON, against golden files: the whole output,
/// with only the store's random origin and root hash replaced by placeholders (checked on their own in
/// BulletinModelTests).
struct BulletinGoldenTests {
    @Test(arguments: Language.allCases)
    func textMatchesItsGoldenFile(language: Language) async throws {
        try await BulletinScene.with { scene in
            let bulletin = try await scene.bulletin()
            let text = bulletin.rendered(as: .text, in: language)
            try BulletinGolden.expect(scene.masked(text, bulletin), matches: "bulletin-\(language.rawValue).txt")
        }
    }

    @Test func jsonMatchesItsGoldenFile() async throws {
        try await BulletinScene.with { scene in
            let bulletin = try await scene.bulletin()
            // The golden file holds the indented form, for people to read its diffs.
            let pretty = bulletin.json(pretty: true)
            try BulletinGolden.expect(scene.masked(pretty, bulletin), matches: "bulletin.json")
            // The form `--format json` prints is the same document on one line, as `ledger --json` prints.
            let json = bulletin.rendered(as: .json, in: .zh)
            #expect(json == bulletin.json())
            #expect(json.split(separator: "\n").count == 1)
            #expect(json.hasSuffix("}\n"))
            let compact = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary)
            let indented = try #require(try JSONSerialization.jsonObject(with: Data(pretty.utf8)) as? NSDictionary)
            #expect(compact == indented)
            // The same whatever the language: JSON holds codes, not words.
            #expect(bulletin.rendered(as: .json, in: .en) == json)
        }
    }

    @Test func unitFilteredTextMatchesItsGoldenFile() async throws {
        try await BulletinScene.with { scene in
            let bulletin = try await scene.bulletin(unit: "城关派出所")
            try BulletinGolden.expect(scene.masked(bulletin.rendered(as: .text, in: .zh), bulletin), matches: "bulletin-unit-zh.txt")
        }
    }
}
