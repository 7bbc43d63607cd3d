import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger
import Testing

/// The text form fits an 80-column terminal whatever the names: long item names and unit names are cut with
/// an ellipsis (by display width: a CJK character takes two columns), long reasons wrap.
struct BulletinTextTests {
    static let longUnit = String(repeating: "城关派出所第一责任区社区警务队", count: 6)
    static let longName = "黑色华为Mate60手机" + String(repeating: "，屏幕碎裂背面有划痕附带透明保护壳及充电线一根", count: 7)
    static let longReason = String(repeating: "扣押清单上的名称与实物不一致，经两名民警核对后更正 and checked twice by the clerk; ", count: 5)

    /// The scene with a case of a very long unit name, an item of a very long name seized and not stored,
    /// and a correction with a very long reason, on the day.
    static func withLongNames(_ body: (BulletinScene, Bulletin) async throws -> Void) async throws {
        try await BulletinScene.withDirectory { directory in
            let scene = try await BulletinScene.make(in: directory, itemName: String(longName.prefix(200)))
            let store = scene.store
            let number = "A3703210500002026110009"
            try await store.record(
                .openCase(number: number, title: "长名称案件", kind: .criminal, isPropertyCrime: true, unit: String(longUnit.prefix(100))),
                actor: "000005", at: BulletinScene.time("2026-11-20T09:00:00+08:00"))
            let item = try await store.record(
                .registerItem(
                    ItemRegistration(
                        caseNumber: number, name: String(longName.prefix(200)), quantity: "1", unit: "部",
                        seizedAt: BulletinScene.time("2026-11-29T09:00:00+08:00"), seizedBy: ["000005", "000003"])), actor: "000005",
                at: BulletinScene.time("2026-11-29T09:00:00+08:00"))
            try await store.record(
                .correct(index: item.index, field: "features", value: "黑色", reason: String(longReason.prefix(500))), actor: "000004",
                at: BulletinScene.time("2026-12-01T09:05:00+08:00"))
            let id = try BulletinScene.objectID(of: item)
            let extra = Deadline(
                rule: .intake, action: .checkIn, object: id, caseNumber: number, unit: String(longUnit.prefix(100)),
                since: BulletinScene.time("2026-11-29T09:00:00+08:00"), due: BulletinScene.time("2026-11-30T09:00:00+08:00"), location: nil,
                holder: nil, grade: .red)
            let bulletin = try await Bulletin.compute(from: store, day: BulletinScene.day, now: BulletinScene.now) { _, asOf in
                scene.deadlines(asOf: asOf) + [extra]
            }
            try await body(scene, bulletin)
        }
    }

    @Test(arguments: Language.allCases)
    func everyLineFitsEightyColumns(language: Language) async throws {
        try await Self.withLongNames { _, bulletin in
            let text = bulletin.rendered(as: .text, in: language)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count > 100)
            for line in lines {
                #expect(displayWidth(String(line)) <= 80, "\(displayWidth(String(line))) columns: \(line)")
                #expect(line.last != " ", "trailing space: \(line)")
            }
            // The long names were cut, with an ellipsis, not left out.
            let nameLine = try #require(lines.first { $0.contains("黑色华为Mate60手机") })
            #expect(nameLine.hasSuffix("…"))
            #expect(displayWidth(String(nameLine)) >= 78)
            let unitHeading = try #require(lines.first { $0.hasPrefix("== 城关派出所第一责任区") })
            #expect(unitHeading.contains("…"))
            #expect(unitHeading.hasSuffix(language == .zh ? "条） ==" : "rows) =="))
            // The long reason wraps whole: its words are all there, in order, once the lines are joined.
            let reasonStart = try #require(lines.firstIndex { $0.contains("扣押清单上的名称与实物不一致") })
            let continued = lines[reasonStart...].prefix { !$0.isEmpty }.map { $0.trimmingCharacters(in: .whitespaces) }
            let joined = continued.joined().replacingOccurrences(of: " ", with: "")
            #expect(joined.contains(String(Self.longReason.prefix(500)).replacingOccurrences(of: " ", with: "")))
        }
    }

    @Test func aCutNameEndsWithinItsWidth() async throws {
        try await BulletinScene.with { scene in
            let text = try await scene.bulletin().rendered(as: .text, in: .zh)
            // 80 columns exactly: the id, two spaces, and as much of the name as fits.
            let line = try #require(text.split(separator: "\n").first { $0.contains(scene.phone) && $0.contains("黑色华为手机") })
            #expect(line == "[红] \(scene.phone)  黑色华为手机（屏幕碎裂，背面有划痕，附带透明保护壳及…")
            #expect(displayWidth(String(line)) <= 80)
        }
    }
}
