import Foundation
import LedgerPresentation
import Testing

@testable import PropertyLedger

/// `ledger show` (and `where`) and `scan` show an object's open deadlines with their grade: one line each under
/// the card, in both languages, and a `deadlines` array in JSON. `scan` is fed by the keyboard-wedge source on
/// standard input, which needs no PC/SC service.
@Suite(.offThePool)
struct ObjectDeadlinesCLITests {
    @Test(arguments: ["zh", "en"])
    func showAddsOneLinePerDeadlineToTheCard(language: String) async throws {
        try await VaultCLIScene.with { scene in
            let zh = language == "zh"
            // The held dossier has two: its check-out is due in five days, and central storage in a month.
            let shown = try scene.ledger(["show", scene.heldDossier, "--lang", language])
            #expect(shown.status == 0, "\(shown.stderr)")
            let lines = shown.stdout.split(separator: "\n").map(String.init)
            let label = zh ? "  期限  " : "  deadline  "
            let deadlines = lines.filter { $0.hasPrefix(label) }
            #expect(deadlines.count == 2, "\(shown.stdout)")
            #expect(
                deadlines.first?.contains(zh ? "黄色  调用按期归还：归还或办理延期，期限 " : "yellow  check-outs returned when due: return, or extend") == true
            )
            #expect(deadlines.first?.contains(zh ? "，剩余 " : " left") == true, "\(deadlines)")
            #expect(deadlines.last?.contains(zh ? "绿色  未破案件案卷集中保管：移交案管中心集中保管" : "green  central storage of unsolved-case dossiers") == true)
            // The card's layout stays: the deadlines come after the lines it had, their values in the same column.
            let entries = try #require(lines.firstIndex { $0.hasPrefix(zh ? "  记录  " : "  entries   ") })
            #expect(lines.firstIndex { $0.hasPrefix(label) } == entries + 1)
            let valueColumn = zh ? 8 : 12
            for line in lines.dropFirst() {
                #expect(displayColumn(ofValueIn: line) == valueColumn, "\(line)")
            }

            // The cutter is red: seized two days ago, not checked in.
            let cutter = try scene.ledger(["show", scene.cutter, "--lang", language]).stdout
            #expect(cutter.contains(zh ? "红色  涉案财物按时入库：办理入库" : "red  items checked in on time: check in"), "\(cutter)")
            #expect(cutter.contains(zh ? "已超期 1 天" : "overdue by 1 day"))
        }
    }

    /// The display column at which the value of a card's `  label  value` line starts.
    func displayColumn(ofValueIn line: String) -> Int {
        let label = line.drop { $0 == " " }.prefix { $0 != " " }
        let value = line[label.endIndex...].drop { $0 == " " }
        return displayWidth(String(line[..<value.startIndex]))
    }

    @Test func showAndWhereCarryADeadlinesArray() async throws {
        try await VaultCLIScene.with { scene in
            let object = try scene.json(["show", scene.bike])
            let deadlines = try #require(object["deadlines"] as? [[String: Any]])
            #expect(deadlines.count == 1)
            let deadline = try #require(deadlines.first)
            #expect(deadline["rule"] as? String == "checkout-due")
            #expect(deadline["action"] as? String == "return-or-extend")
            #expect(deadline["grade"] as? String == "yellow")
            #expect((deadline["due"] as? String) == "\(VaultCLIScene.day(daysFromNow: 3))T23:59:59+08:00")
            #expect(deadline["holder"] as? String == "000002")
            // Nothing due: an empty array, not a missing field.
            let dossier = try scene.json(["where", VaultCLIScene.dossierChip])
            #expect((dossier["deadlines"] as? [[String: Any]])?.map { $0["rule"] as? String } == ["central-storage"])
            let listed = try #require(try scene.json(["list"])["objects"] as? [[String: Any]])
            #expect(listed.allSatisfy { $0["deadlines"] == nil }, "list does not look deadlines up")
            #expect(try scene.ledger(["checkin", scene.cutter, "--to", "CAB-01", "--actor", "000004"]).status == 0)
            #expect((try scene.json(["show", scene.cutter])["deadlines"] as? [Any])?.isEmpty == true)
        }
    }

    /// `scan --reader stdin`, with the UIDs typed on standard input.
    static func scan(_ scene: VaultCLIScene, _ input: String, _ arguments: [String]) throws -> CLITests.Result {
        try CLITests.ledgerLike(
            "/bin/sh",
            [
                "-c", "printf '\(input)' | \"$0\" scan --reader stdin \"$@\"",
                try CLITests.productsDirectory().appendingPathComponent("ledger").path,
            ]
                + arguments,
            environment: ["LEDGER_STORE": scene.directory.appendingPathComponent("ledger.db").path], in: scene.directory)
    }

    @Test func scanShowsEachTagsDeadlinesWithTheirGrade() async throws {
        try await VaultCLIScene.with { scene in
            let zh = try Self.scan(scene, "\(VaultCLIScene.dossierChip)\\n", ["--count", "1", "--lang", "zh"])
            #expect(zh.status == 0, "\(zh.stderr)")
            #expect(zh.stdout.contains("\(VaultCLIScene.dossierChip): \(scene.dossier)  卷 1/2  案件 "), "\(zh.stdout)")
            #expect(zh.stdout.contains("\n    期限  绿色  未破案件案卷集中保管：移交案管中心集中保管，期限 "), "\(zh.stdout)")
            let en = try Self.scan(scene, "\(VaultCLIScene.dossierChip)\\n", ["--count", "1", "--lang", "en"])
            #expect(
                en.stdout.contains("\n    deadline  green  central storage of unsolved-case dossiers: move to central storage by "),
                "\(en.stdout)")

            let json = try Self.scan(scene, "\(VaultCLIScene.dossierChip)\\n", ["--count", "1", "--json"])
            #expect(json.status == 0, "\(json.stderr)")
            let events = json.stdout.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
            let arrival = try #require(events.first { $0["event"] as? String == "tag-arrived" })
            let object = try #require(arrival["object"] as? [String: Any])
            let deadlines = try #require(object["deadlines"] as? [[String: Any]])
            #expect(deadlines.map { $0["rule"] as? String } == ["central-storage"])
            #expect(deadlines.first?["grade"] as? String == "green")
            #expect((deadlines.first?["due"] as? String)?.hasSuffix("T23:59:59+08:00") == true)

            // Moved to central storage as it is scanned at the centre: the deadline is gone from the line.
            let moved = try Self.scan(
                scene, "\(VaultCLIScene.dossierChip)\\n", ["--count", "1", "--action", "move", "--to", "CENTRAL", "--actor", "000004"])
            #expect(moved.status == 0, "\(moved.stderr)")
            #expect(moved.stdout.contains("move recorded as entry #"), "\(moved.stdout)")
            #expect(!moved.stdout.contains("deadline"), "\(moved.stdout)")
        }
    }

    /// A store from before DossierVault on a read-only disk cannot be migrated: `show` still shows the object,
    /// without deadlines, and the vault's own reports say why they cannot run (exit 5), never an internal error.
    /// As root the disk is made read-only with a bind mount in a mount namespace of the command's own, as in
    /// ``StoreFilesCLITests``; otherwise the files are.
    @Test func aReadOnlyStoreFromBeforeDossierVaultShowsNoDeadlines() async throws {
        try await VaultCLIScene.with { scene in
            let directory = scene.directory
            let store = directory.appendingPathComponent("ledger.db").path
            #expect(try scene.ledger(["checkpoint"]).status == 0)
            do {
                let database = try Database(path: store)
                let tables = try database.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'vault_%'") { $0.text(0) }
                #expect(!tables.isEmpty)
                try database.executeScript(
                    "DELETE FROM module_migrations WHERE module = 'dossier-vault';" + tables.map { "DROP TABLE \($0);" }.joined())
            }
            let readOnly: ([String]) throws -> CLITests.Result
            if getuid() == 0 {
                let binary = try CLITests.productsDirectory().appendingPathComponent("ledger").path
                readOnly = { arguments in
                    let script = "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" && shift && exec \"$@\""
                    return try CLITests.ledgerLike(
                        "/usr/bin/unshare", ["--mount", "sh", "-c", script, "sh", directory.path, binary] + arguments,
                        environment: ["LEDGER_STORE": store], in: directory)
                }
                let probe = try readOnly(["list"])
                try #require(probe.status == 0 || !probe.stderr.contains("unshare"), "unshare is unavailable: \(probe.stderr)")
            } else {
                for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
                    try FileManager.default.setAttributes(
                        [.posixPermissions: 0o444], ofItemAtPath: directory.appendingPathComponent(name).path)
                }
                try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
                readOnly = scene.ledger
            }
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path) }
            let before = try CLITests.snapshot(directory)
            let shown = try readOnly(["show", scene.cutter])
            #expect(shown.status == 0, "\(shown.stderr)")
            #expect(shown.stdout.contains("断线钳") && !shown.stdout.contains("deadline"), "\(shown.stdout)")
            let json = try readOnly(["show", scene.cutter, "--json"])
            #expect(json.status == 0 && !json.stdout.contains("\"deadlines\""), "\(json.stdout)")
            for arguments in [["due"], ["policy", "show"], ["dossier", "sweep"], ["bulletin"]] {
                let result = try readOnly(arguments + ["--json"])
                #expect(result.status == 5, "\(arguments): \(result.stderr)")
                #expect(result.stdout.contains("\"reason\":\"store-lacks-module\""), "\(arguments): \(result.stdout)")
            }
            #expect(try CLITests.snapshot(directory) == before)
        }
    }
}
