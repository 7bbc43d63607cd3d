import Foundation
import LedgerPresentation
import Testing

@testable import PropertyLedger

/// The rows `ledger list` prints, and the cards of `show` and `case show`: words in the chosen language, people
/// by name, a dossier without a title named by its volume, and columns aligned by display width.
struct ObjectListTableTests {
    static let now = Date(timeIntervalSince1970: 1_796_097_600)  // 2026-12-01T04:00:00Z
    static let people = People([Officer(badge: "000002", name: "欧阳建国", unit: nil, role: .officer, isRetired: false)])

    static let objects: [CustodyObject] = [
        CustodyObject(
            id: "D-370321-2026-000001", kind: .dossier, caseNumber: "A3703210500002026110001", name: "", status: .inStorage,
            location: "CAB-01", holder: nil, due: nil, chip: nil, item: nil,
            dossier: DossierRegistered(
                id: "D-370321-2026-000001", case: "A3703210500002026110001", title: nil, volume: 1, volumes: 3, pages: 40),
            registeredAt: 9, updatedAt: 13),
        CustodyObject(
            id: "P-370321-2026-000001", kind: .item, caseNumber: "A3703210500002026110001", name: "涉案财物（黑色）", status: .checkedOut,
            location: nil, holder: "000002", due: "2026-11-30T04:00:00Z", chip: nil, item: nil, dossier: nil, registeredAt: 8,
            updatedAt: 15),
        CustodyObject(
            id: "P-370321-2026-000002", kind: .item, caseNumber: "A3703210500002026110001", name: "phone", status: .registered,
            location: nil, holder: nil, due: nil, chip: nil, item: nil, dossier: nil, registeredAt: 10, updatedAt: 10),
    ]

    static func table(_ language: Language) throws -> String {
        let zone = try #require(TimeZone(identifier: "Asia/Shanghai"))
        return ObjectListTable(objects, people: people, timeFormat: TimeFormat(zone: zone, language: language), now: now).rendered
    }

    /// The display column at which each of `cells` starts in `line`, found in order.
    static func columns(of cells: [String], in line: String) -> [Int] {
        var rest = line.startIndex
        return cells.map { cell in
            guard !cell.isEmpty, let range = line.range(of: cell, range: rest..<line.endIndex) else { return -1 }
            rest = range.upperBound
            return displayWidth(String(line[..<range.lowerBound]))
        }
    }

    @Test func theChineseListIsWordedAndAlignedByDisplayWidth() throws {
        let lines = try Self.table(.zh).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        let rows = [
            ["编号", "类别", "案件编号", "名称", "状态", "存放位置/领用人", "归还期限"],
            ["D-370321-2026-000001", "案卷", "A3703210500002026110001", "卷 1/3", "在库", "CAB-01"],
            ["P-370321-2026-000001", "涉案财物", "A3703210500002026110001", "涉案财物（黑色）", "已出库", "欧阳建国 (000002)", "2026年11月30日 12:00 已逾期"],
            ["P-370321-2026-000002", "涉案财物", "A3703210500002026110001", "phone", "已登记"],
        ]
        let starts = zip(rows, lines).map { Self.columns(of: $0, in: $1) }
        #expect(starts.allSatisfy { !$0.contains(-1) }, "every cell is where it belongs: \(lines)")
        for column in 0..<7 {
            let at = Set(starts.compactMap { column < $0.count ? $0[column] : nil })
            #expect(at.count == 1, "column \(column) starts at \(at.sorted()): \(lines)")
        }
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") }, "no trailing spaces")
    }

    @Test func theEnglishListNamesTheSameThingsInEnglish() throws {
        let text = try Self.table(.en)
        for expected in [
            "ID", "KIND", "LOCATION/HOLDER", "dossier", "volume 1 of 3", "in storage", "checked out", "欧阳建国 (000002)",
            "2026-11-30 12:00 (UTC+8) OVERDUE", "registered",
        ] {
            #expect(text.contains(expected), "\(expected): \(text)")
        }
        #expect(!text.contains("卷 1/3") && !text.contains("已"))
    }

    @Test func anUntitledDossierIsNamedByItsVolumeAndATitledOneByItsTitle() {
        let untitled = Self.objects[0]
        #expect(Catalogue.objects.name(of: untitled, in: .zh) == "卷 1/3")
        #expect(Catalogue.objects.name(of: untitled, in: .en) == "volume 1 of 3")
        var titled = untitled
        titled.name = "第一卷 侦查卷"
        #expect(Catalogue.objects.name(of: titled, in: .en) == "第一卷 侦查卷")
    }

    @Test func theListsFooterCountsInBothLanguages() {
        #expect(Catalogue.list.footer(count: 1, more: false, in: .en) == "(1 object)")
        #expect(Catalogue.list.footer(count: 2, more: false, in: .en) == "(2 objects)")
        #expect(Catalogue.list.footer(count: 1, more: true, in: .en) == "(the first 1 object; more match: raise --limit to see them)")
        #expect(Catalogue.list.footer(count: 2, more: false, in: .zh) == "（共 2 件）")
        #expect(Catalogue.list.footer(count: 5, more: true, in: .zh).contains("--limit"))
    }

    @Test func aCardsValuesStartInOneColumn() {
        var card = LabelledLines()
        card.append("状态", "在库")
        card.append("ab", "x")
        let lines = card.rendered().split(separator: "\n").map(String.init)
        #expect(lines == ["  状态  在库", "  ab    x"])
        #expect(card.rendered(alignedWith: ["特征说明"]).hasPrefix("  状态      在库"))
    }

    @Test func displayWidthCountsWideNarrowAndZeroWidthCharacters() {
        #expect(displayWidth("涉案财物（黑色）") == 16)
        #expect(displayWidth("CAB-01") == 6)
        #expect(displayWidth("e\u{301}") == 1)
        #expect(displayWidth("a\u{AD}b") == 2)
        #expect(displayWidth("\u{AD}") == 0)
        #expect(displayWidth("\r\n") == 1)
        #expect(displayWidth("Ü") == 1)
    }
}
