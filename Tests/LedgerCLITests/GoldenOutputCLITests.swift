import Foundation
import Testing

@testable import PropertyLedger

/// What the demo's commands print, in Chinese and in English, compared with golden files
/// (`Tests/LedgerCLITests/Golden/NAME.LANG.txt`): `officer list`, `show`, `history`, `list`, a refusal and
/// `--help`. The store is written through the library at fixed times, so the output depends on nothing but
/// the code; run with `UPDATE_GOLDEN=1` to write the files again after a deliberate change, and read the diff.
@Suite(.offThePool)
struct GoldenOutputCLITests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recordedAt = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18 11:06:40 UTC, 19:06:40 in Shanghai
    static let caseNumber = "A3703210500002026110001"

    /// The bicycle case of the demo, recorded at fixed times: officers, a room and a cabinet, the case, the
    /// bicycle (chip, checked in, checked out for appraisal and returned) and an untitled dossier.
    static func withDemoStore(_ body: (URL, StorePaths) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let paths = StorePaths(database: directory.appendingPathComponent("ledger.db").path)
            let agency = try Agency(code: "370321", name: "测试县公安局", kind: .police, zone: "Asia/Shanghai")
            let store = try await LedgerStore.create(paths, agency: agency, profile: .intl, signatures: .optional, now: recordedAt)
            var minute = 0
            func next() -> Date {
                minute += 1
                return recordedAt.addingTimeInterval(Double(minute) * 60)
            }
            let setup: [(CustodyCommand, String?)] = [
                (.addOfficer(badge: "000001", name: "魏江", unit: "法制大队", role: .supervisor), nil),
                (.addOfficer(badge: "000002", name: "李明", unit: "刑侦大队", role: .officer), "000001"),
                (.addOfficer(badge: "000003", name: "王强", unit: "刑侦大队", role: .officer), "000001"),
                (.addOfficer(badge: "000004", name: "张丽", unit: "涉案财物管理中心", role: .clerk), "000001"),
                (.addLocation(code: "ROOM-1", name: "涉案财物保管室", kind: .room, parent: nil, isCentral: false), "000004"),
                (.addLocation(code: "CAB-01", name: "智能柜01", kind: .cabinet, parent: "ROOM-1", isCentral: false), "000004"),
                (.openCase(number: caseNumber, title: "自行车被盗案", kind: .criminal, isPropertyCrime: true), "000002"),
            ]
            for (command, actor) in setup { try await store.record(command, actor: actor, at: next()) }
            let item = try #require(
                try await store.record(
                    .registerItem(
                        ItemRegistration(
                            caseNumber: caseNumber, name: "自行车", quantity: "1", unit: "辆", features: "黑色 山地车",
                            seizedAt: recordedAt, seizedBy: ["000002", "000003"])), actor: "000002", at: next()
                ).entry.event.object)
            try await store.record(
                .registerDossier(DossierRegistration(caseNumber: caseNumber, volume: 1, volumes: 2, pages: 57)), actor: "000002",
                at: next())
            let custody: [CustodyCommand] = [
                .bindChip(object: item, uid: "04A1B2C3D4E580"),
                .checkIn(object: item, location: "CAB-01", caseNumber: nil),
                .checkOut(
                    object: item, to: "000002", reason: .appraisal, approvedBy: "000001", due: recordedAt.addingTimeInterval(2 * 86_400),
                    note: nil, caseNumber: nil),
                .returnObject(object: item, location: "CAB-01", condition: Returned.intact, by: nil, caseNumber: nil),
            ]
            for command in custody { try await store.record(command, actor: "000004", at: next()) }
            try await body(directory, paths)
        }
    }

    /// The commands compared, by golden name; `P-370321-2026-000001` is the bicycle.
    static let commands: [(name: String, arguments: [String])] = [
        ("officer-list", ["officer", "list"]),
        ("show", ["show", "P-370321-2026-000001"]),
        ("history", ["history", "P-370321-2026-000001"]),
        ("list", ["list"]),
        (
            "refusal",
            [
                "checkout", "P-370321-2026-000001", "--to", "000001", "--reason", "court", "--approved-by", "000001", "--due",
                "2099-01-01", "--actor", "000004",
            ]
        ),
        ("help", ["--help"]),
    ]

    @Test(arguments: ["zh", "en"])
    func theDemosCommandsPrintWhatTheGoldenFilesHold(language: String) async throws {
        try await Self.withDemoStore { directory, paths in
            let environment = [
                "LEDGER_STORE": paths.database, "LEDGER_LANG": language,
                // Where help says the default store is: fixed, so that help does not name a temporary directory.
                "XDG_DATA_HOME": "/var/lib/ledger-golden",
            ]
            for (name, arguments) in Self.commands {
                let result = try CLITests.ledger(arguments, environment: environment, in: directory)
                // A refusal's words are on stderr, with its exit status; everything else prints on stdout.
                let output = name == "refusal" ? "exit \(result.status)\n" + result.stderr : result.stdout
                try Self.compare(output, with: "\(name).\(language).txt")
            }
        }
    }

    static func compare(_ output: String, with file: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = golden.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
            try Data(output.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if output != expected {
            let got = output.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            Issue.record(
                "\(file) differs at line \(line + 1):\n  got:  \(line < got.count ? got[line] : "<end>")\n  want: \(line < want.count ? want[line] : "<end>")",
                sourceLocation: sourceLocation)
        }
    }
}
