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
            let json = bulletin.rendered(as: .json, in: .zh)
            try BulletinGolden.expect(scene.masked(json, bulletin), matches: "bulletin.json")
            // The same whatever the language: JSON holds codes, not words.
            #expect(bulletin.rendered(as: .json, in: .en) == json)
            // And it is JSON.
            #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
        }
    }

    @Test func unitFilteredTextMatchesItsGoldenFile() async throws {
        try await BulletinScene.with { scene in
            let bulletin = try await scene.bulletin(unit: "城关派出所")
            try BulletinGolden.expect(scene.masked(bulletin.rendered(as: .text, in: .zh), bulletin), matches: "bulletin-unit-zh.txt")
        }
    }
}
