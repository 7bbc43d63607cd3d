import Foundation
import Testing

@testable import PropertyLedger

/// The custody commands as a clerk types them (the spellings of the custody issue), with their exit statuses.
@Suite(.offThePool)
struct CustodyCLITests {
    static let caseNumber = "A3703210500002026110001"

    /// A store with the four officers, a room and a cabinet, and the bicycle-theft case.
    static func withCase(_ body: (URL, @escaping ([String]) throws -> CLITests.Result) async throws -> Void) async throws {
        try await CLITests.withStore { directory, ledger in
            let setup: [[String]] = [
                ["officer", "add", "000001", "--name", "魏江", "--role", "supervisor"],
                ["officer", "add", "000002", "--name", "李明", "--role", "officer", "--unit", "刑侦大队", "--actor", "000001"],
                ["officer", "add", "000003", "--name", "王强", "--role", "officer", "--actor", "000001"],
                ["officer", "add", "000004", "--name", "张丽", "--role", "clerk", "--actor", "000001"],
                ["location", "add", "ROOM-1", "--kind", "room", "--name", "涉案财物保管室", "--actor", "000004"],
                ["location", "add", "CAB-01", "--kind", "cabinet", "--parent", "ROOM-1", "--name", "智能柜01", "--actor", "000004"],
                ["case", "open", caseNumber, "--kind", "criminal", "--title", "自行车被盗案", "--property-crime", "--actor", "000002"],
            ]
            for arguments in setup {
                let result = try ledger(arguments)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
            }
            try await body(directory, ledger)
        }
    }

    @Test func theClerksDayAsTyped() async throws {
        try await Self.withCase { _, ledger in
            let registered = try ledger([
                "item", "register", "--case", Self.caseNumber, "--name", "自行车", "--quantity", "1", "--unit", "辆",
                "--seized-by", "000002,000003", "--json", "--actor", "000002",
            ])
            #expect(registered.status == 0, "\(registered.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(registered.stdout.utf8)) as? [String: Any]
            let id = try #require(json?["id"] as? String)
            #expect(id == "P-370321-2026-000001")

            for arguments in [
                ["chip", "bind", id, "04A1B2C3D4E580"],
                ["checkin", id, "--to", "CAB-01"],
                [
                    // Due back within a year of today: a check-out is never due further ahead.
                    "checkout", id, "--to", "000002", "--reason", "appraisal", "--approved-by", "000001", "--due",
                    Timestamp.string(Date().addingTimeInterval(30 * 86_400)),
                ],
                ["return", id, "--to", "CAB-01", "--condition", "完好"],
            ] {
                let result = try ledger(arguments + ["--actor", "000004"])
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
            }
            let shown = try ledger(["show", "chip:04A1B2C3D4E580"])
            #expect(shown.stdout.contains("自行车 ×1 辆"))
            #expect(shown.stdout.contains("in storage at CAB-01 (智能柜01)"))
            let located = try ledger(["where", "04a1b2c3d4e580", "--json"])
            let object = try JSONSerialization.jsonObject(with: Data(located.stdout.utf8)) as? [String: Any]
            #expect(object?["location"] as? String == "CAB-01")

            let history = try ledger(["history", id, "--json", "--proof"])
            let historyObject = try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any]
            #expect(historyObject?["object"] as? String == id)
            let entries = try #require(historyObject?["entries"] as? [[String: Any]])
            #expect(
                entries.map { $0["type"] as? String } == [
                    "item.registered", "chip.bound", "custody.checked-in", "custody.checked-out", "custody.returned",
                ])
            // Every entry's receipt checks offline against the log's key.
            let key = try NoteVerifier(text: ledger(["key"]).stdout)
            for entry in entries {
                let receipt = try Receipt(parsing: try #require(entry["receipt"] as? String))
                try receipt.verify(entry: Data(try #require(entry["entry"] as? String).utf8), verifier: key)
            }

            let listed = try ledger(["list", "--location", "ROOM-1"])
            #expect(listed.stdout.contains(id))
            let rebuilt = try ledger(["rebuild", "--check"])
            #expect(rebuilt.status == 0)
            #expect(try ledger(["verify"]).status == 0)
        }
    }

    @Test func refusalsExitWithTheirStatusAndWriteNothing() async throws {
        try await Self.withCase { directory, ledger in
            let id = try ledger([
                "item", "register", "--case", Self.caseNumber, "--name", "手机", "--quantity", "1", "--unit", "部",
                "--seized-by", "000002,000003", "--actor", "000002",
            ]).stdout.split(separator: " ")[1]
            let before = try CLITests.snapshot(directory)
            let cases: [([String], Int32, String)] = [
                (
                    [
                        "checkout", String(id), "--to", "000002", "--reason", "court", "--approved-by", "000001", "--due", "2099-01-01",
                        "--actor", "000004",
                    ], 2, "not in storage"
                ),
                (
                    [
                        "item", "register", "--case", Self.caseNumber, "--name", "钱包", "--quantity", "1", "--unit", "个", "--seized-by",
                        "000002", "--actor", "000002",
                    ], 2, "at least two officers"
                ),
                (["checkin", String(id), "--to", "CAB-99", "--actor", "000004"], 3, "no location CAB-99"),
                (["checkin", String(id), "--to", "CAB-01", "--actor", "000002"], 2, "clerk required"),
                (["checkin", String(id), "--to", "CAB-01"], 2, "an actor is required"),
                (["show", "P-370321-2026-000099"], 3, "no item or dossier"),
                (["where", "DEADBEEF"], 3, "not bound"),
                (["where", "xyz"], 4, "chip UID"),
                (
                    [
                        "checkout", String(id), "--to", "000002", "--reason", "fun", "--approved-by", "000001", "--due", "2099-01-01",
                        "--actor", "000004",
                    ], 64, "--reason must be one of"
                ),
                (
                    [
                        "checkout", String(id), "--to", "000002", "--reason", "court", "--approved-by", "000001", "--due", "tomorrow",
                        "--actor", "000004",
                    ], 64, "ISO 8601"
                ),
                (["rebuild"], 64, "--check"),
            ]
            for (arguments, status, fragment) in cases {
                let result = try ledger(arguments)
                #expect(result.status == status, "\(arguments): \(result.stderr)")
                #expect(result.stderrLines.count == 1, "\(arguments): \(result.stderr)")
                #expect(result.stderr.contains(fragment), "\(arguments): \(result.stderr)")
            }
            #expect(try CLITests.snapshot(directory) == before, "a refused command changed the store")
        }
    }

    @Test func tablesAlignChineseText() async throws {
        try await Self.withCase { _, ledger in
            let lines = try ledger(["officer", "list"]).stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 5)
            #expect(lines.contains { $0.contains("魏江") })
            // The ROLE column starts at the same display column on every line, whatever the names' widths.
            let starts = lines.map { line -> Int in
                let role = ["ROLE", "supervisor", "officer", "clerk"].compactMap { line.range(of: $0) }.min {
                    $0.lowerBound < $1.lowerBound
                }
                return role.map { displayWidth(String(line[..<$0.lowerBound])) } ?? -1
            }
            #expect(Set(starts).count == 1 && starts[0] > 0, "\(lines)")
        }
    }
}

/// The display width the CLI uses, re-stated for the test: wide CJK characters take two columns.
private func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + ((0x4E00...0x9FFF).contains($1.value) ? 2 : 1) }
}
