import Foundation
import Testing

@testable import PropertyLedger

/// `ledger item unrelated`: a clerk or supervisor marks an item unrelated to its case, which opens its release
/// deadline (`due`, `show`); a dossier, a second mark or a case officer is refused, and a dry run writes nothing.
@Suite(.offThePool)
struct ItemUnrelatedCLITests {
    @Test func markingOpensTheReleaseDeadline() async throws {
        try await VaultCLIScene.with { scene in
            let arguments = ["item", "unrelated", scene.bike, "--reason", "经查系失主所有，与案件无关", "--actor", "000004"]
            let before = try scene.files()
            let dry = try scene.json(arguments + ["--dry-run"])
            #expect(dry["dryRun"] as? Bool == true)
            let dryText = try scene.ledger(arguments + ["--dry-run", "--lang", "zh"]).stdout
            #expect(dryText.hasPrefix("试运行（未写入）：将记录为第 "), "\(dryText)")
            #expect(dryText.contains("认定 \(scene.bike) 与案件无关，应于 ") && dryText.contains("前发还权利人"))
            #expect(try scene.files() == before, "--dry-run changed the store")

            let marked = try scene.ledger(arguments)
            #expect(marked.status == 0, "\(marked.stderr)")
            // Three days from now, as the policy's default says.
            #expect(
                marked.stdout.contains("marked unrelated to its case, to be returned to its owner by \(VaultCLIScene.day(daysFromNow: 3)) ")
            )
            let index = try #require(Int(marked.stdout.dropFirst("Recorded entry #".count).prefix { $0.isNumber }))
            #expect(index == dry["index"] as? Int)
            let entry = try scene.ledger(["entry", String(index)]).stdout
            #expect(entry.contains("\"type\":\"vault.item-unrelated\"") && entry.contains("\"object\":\"\(scene.bike)\""), "\(entry)")

            let release = try DueCLITests.deadlines(try scene.json(["due", "--rule", "release-unrelated"]))
            #expect(release.count == 1)
            #expect(release.first?["object"] as? String == scene.bike)
            #expect(release.first?["action"] as? String == "return-to-owner")
            let left = try #require(release.first?["leftSeconds"] as? Int)
            #expect(left > 3 * 86_400 - 120 && left <= 3 * 86_400)
            let shown = try scene.ledger(["show", scene.bike, "--lang", "zh"]).stdout
            #expect(shown.contains("与案件无关财物及时发还：发还权利人"), "\(shown)")

            let again = try scene.ledger(arguments + ["--json"])
            #expect(again.status == 2)
            #expect(again.stdout.contains("\"reason\":\"unrelated-already-marked\""))
        }
    }

    @Test func aDossierOrACaseOfficerIsRefusedAndNothingIsWritten() async throws {
        try await VaultCLIScene.with { scene in
            let before = try scene.files()
            for (arguments, status, reason) in [
                (["item", "unrelated", scene.dossier, "--reason", "x", "--actor", "000004"], Int32(2), "unrelated-object-is-dossier"),
                (["item", "unrelated", scene.bike, "--reason", "x", "--actor", "000002"], 2, "unrelated-needs-clerk-or-supervisor"),
                (["item", "unrelated", "P-370321-2026-999999", "--reason", "x", "--actor", "000004"], 3, "object-not-found"),
            ] {
                for dryRun in [[], ["--dry-run"]] {
                    let result = try scene.ledger(arguments + dryRun + ["--json"])
                    #expect(result.status == status, "\(arguments): \(result.stderr)")
                    #expect(result.stdout.contains("\"reason\":\"\(reason)\""), "\(result.stdout)")
                }
            }
            #expect(try scene.ledger(["item", "unrelated", scene.bike, "--actor", "000004"]).status == 64, "--reason is required")
            #expect(try scene.files() == before)
        }
    }
}
