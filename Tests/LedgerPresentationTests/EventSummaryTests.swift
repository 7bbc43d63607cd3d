import Foundation
import LedgerPresentation
import Testing

@testable import PropertyLedger

/// Every kind of entry named and summarised in both languages, people by name beside their badges, codes in
/// words and times in the agency's zone (a deliberate wording test: the texts are the catalogue's).
struct EventSummaryTests {
    static let caseNumber = "A3703210500002026110001"
    static let item = "P-370321-2026-000001"
    static let people = People([
        Officer(badge: "000001", name: "魏江", unit: nil, role: .supervisor, isRetired: false),
        Officer(badge: "000002", name: "李明", unit: "刑侦大队", role: .officer, isRetired: false),
        Officer(badge: "000003", name: "王强", unit: nil, role: .officer, isRetired: false),
    ])

    static func summary(_ language: Language) throws -> EventSummary {
        EventSummary(people: people, timeFormat: TimeFormat(zone: try #require(TimeZone(identifier: "Asia/Shanghai")), language: language))
    }

    /// One event of every kind, with its summary in Chinese and in English.
    static let samples: [(event: CustodyEvent, zh: String, en: String)] = [
        (
            .officerAdded(OfficerAdded(badge: "000005", name: "赵敏", unit: "刑侦大队", role: .officer)),
            "赵敏 (000005)，办案民警，刑侦大队", "赵敏 (000005), officer, 刑侦大队"
        ),
        (
            .officerRetired(OfficerRetired(badge: "000003", reason: "调离", stillHolding: [item])),
            "王强 (000003)：调离，注销时仍领用 \(item)", "王强 (000003): 调离, still holding \(item)"
        ),
        (
            .locationAdded(LocationAdded(code: "CAB-01", name: "智能柜01", kind: .cabinet, parent: "ROOM-1", central: false)),
            "CAB-01 智能柜01，智能柜，上级位置 ROOM-1", "CAB-01 智能柜01, cabinet, in ROOM-1"
        ),
        (
            .caseOpened(CaseOpened(case: caseNumber, title: "自行车被盗案", kind: .criminal, propertyCrime: true)),
            "\(caseNumber) 自行车被盗案，刑事案件，侵财类", "\(caseNumber) 自行车被盗案, criminal, property crime"
        ),
        (.caseProgressed(CaseProgressed(case: caseNumber, note: "嫌疑人到案")), "\(caseNumber)：嫌疑人到案", "\(caseNumber): 嫌疑人到案"),
        (.caseSolved(CaseStatusChanged(case: caseNumber, note: nil)), caseNumber, caseNumber),
        (.caseClosed(CaseStatusChanged(case: caseNumber, note: "判决生效")), "\(caseNumber)：判决生效", "\(caseNumber): 判决生效"),
        (
            .itemRegistered(
                ItemRegistered(
                    id: item, case: caseNumber, name: "自行车", quantity: "1", unit: "辆", seizedAt: "2026-11-18T01:30:00Z",
                    seizedBy: ["000002", "000003"])),
            "自行车 ×1 辆，扣押民警 李明 (000002)、王强 (000003)", "自行车 ×1 辆, seized by 李明 (000002), 王强 (000003)"
        ),
        (
            .dossierRegistered(
                DossierRegistered(id: "D-370321-2026-000001", case: caseNumber, title: nil, volume: 1, volumes: 3, pages: 40)),
            "第 1 卷（共 3 卷），40 页", "volume 1/3, 40 pages"
        ),
        (.chipBound(ChipBound(object: item, uid: "04A1B2C3D4E580")), "芯片 04A1B2C3D4E580", "chip 04A1B2C3D4E580"),
        (
            .chipReplaced(ChipReplaced(object: item, previousUID: "04A1B2C3D4E580", uid: "04B2C3D4E5F601", reason: "芯片损坏")),
            "芯片 04A1B2C3D4E580 → 04B2C3D4E5F601：芯片损坏", "chip 04A1B2C3D4E580 → 04B2C3D4E5F601: 芯片损坏"
        ),
        (.checkedIn(CheckedIn(object: item, location: "CAB-01")), "→ CAB-01", "→ CAB-01"),
        (
            .checkedOut(
                CheckedOut(
                    object: item, to: "000002", reason: .appraisal, note: nil, approvedBy: "000001", due: "2026-12-20T04:00:00Z",
                    from: "CAB-01")),
            "CAB-01 → 李明 (000002)，事由：鉴定，审批人 魏江 (000001)，应于 2026年12月20日 12:00 前归还",
            "CAB-01 → 李明 (000002) for appraisal, approved by 魏江 (000001), due 2026-12-20 12:00 (UTC+8)"
        ),
        (
            .checkoutExtended(
                CheckoutExtended(
                    object: item, due: "2026-12-27T04:00:00Z", previousDue: "2026-12-20T04:00:00Z", approvedBy: "000001",
                    reason: "鉴定未完成")),
            "归还期限 2026年12月20日 12:00 → 2026年12月27日 12:00，审批人 魏江 (000001)：鉴定未完成",
            "due 2026-12-20 12:00 (UTC+8) → 2026-12-27 12:00 (UTC+8), approved by 魏江 (000001): 鉴定未完成"
        ),
        (
            .returned(Returned(object: item, location: "CAB-01", condition: Returned.intact, by: "000002")),
            "→ CAB-01，归还人 李明 (000002)，状况：完好", "→ CAB-01 by 李明 (000002), intact"
        ),
        (
            .moved(Moved(object: item, from: "CAB-01", location: "ROOM-1", reason: "柜格维修")),
            "CAB-01 → ROOM-1：柜格维修", "CAB-01 → ROOM-1: 柜格维修"
        ),
        (
            .moved(Moved(object: item, from: "ROOM-1", location: "CENTRAL", reason: nil, rule: "central-storage")),
            "ROOM-1 → CENTRAL，依规则 central-storage", "ROOM-1 → CENTRAL, under rule central-storage"
        ),
        (
            .disposed(Disposed(object: item, method: .returnedToOwner, approvedBy: "000001", recipient: "陈某", note: nil)),
            "发还，审批人 魏江 (000001)，接收人 陈某", "returned to the owner, approved by 魏江 (000001), to 陈某"
        ),
        (
            .corrected(
                Corrected(
                    corrects: 8, correctedType: "item.registered", subject: item, object: item, field: "name", old: "自行车",
                    new: "山地自行车", reason: "录入错误")),
            "更正第 8 条记录的物品名称：自行车 → 山地自行车（录入错误）", "corrects #8 item name: 自行车 → 山地自行车 (录入错误)"
        ),
        (
            .stocktakeRecorded(
                StocktakeRecorded(
                    location: "CAB-01", found: [item], missing: [], misplaced: [], unknown: ["04FF000000000001"],
                    counts: .init(found: 1, missing: 0, misplaced: 0, unknown: 1))),
            "CAB-01：账物相符 1，缺失 0，错放 0，未登记芯片 1", "CAB-01: 1 found, 0 missing, 0 misplaced, 1 unknown"
        ),
        (
            .keyEnrolled(
                KeyEnrolled(
                    key: "3f2a9c0b5e7d1a46", holder: "officer:000002", algorithm: .sm2, publicKey: "", replaces: nil, possession: "")),
            "李明 (000002) 的签名密钥 3f2a9c0b5e7d1a46", "李明 (000002)'s signing key 3f2a9c0b5e7d1a46"
        ),
        (
            .keyEnrolled(
                KeyEnrolled(
                    key: "3f2a9c0b5e7d1a46", holder: "cabinet:CAB-01", algorithm: .sm2, publicKey: "", replaces: "00000000000000aa",
                    possession: "")),
            "CAB-01 的签名密钥 3f2a9c0b5e7d1a46，替换 00000000000000aa", "CAB-01's signing key 3f2a9c0b5e7d1a46, replacing 00000000000000aa"
        ),
        (
            .keyRevoked(KeyRevoked(key: "3f2a9c0b5e7d1a46", reason: "遗失")),
            "密钥 3f2a9c0b5e7d1a46（遗失）", "key 3f2a9c0b5e7d1a46 (遗失)"
        ),
        (
            .signaturesRequired(SignaturesRequired(reason: "全员已登记密钥")),
            "自此每条记录都须签名（全员已登记密钥）", "every entry from here on must be signed (全员已登记密钥)"
        ),
        (
            .transferredOut(TransferredOut(object: item, to: "370321J.propertyledger/gm/0a1b2c3d", transfer: "6cbd8b4bd9d0eea1")),
            "移交给 370321J.propertyledger/gm/0a1b2c3d（移交 6cbd8b4bd9d0eea1），凭对方回执",
            "to 370321J.propertyledger/gm/0a1b2c3d with transfer 6cbd8b4bd9d0eea1, on its receipt"
        ),
        (
            .objectReceived(
                ObjectReceived(
                    object: item, kind: .item, case: "JC1", from: "370321.propertyledger/gm/0a1b2c3d", transfer: "6cbd8b4bd9d0eea1",
                    item: nil, dossier: nil, chip: nil)),
            "自 370321.propertyledger/gm/0a1b2c3d 接收（移交 6cbd8b4bd9d0eea1），归入案件 JC1",
            "received from 370321.propertyledger/gm/0a1b2c3d with transfer 6cbd8b4bd9d0eea1, for case JC1"
        ),
    ]

    /// Which kind of event this is, by an exhaustive switch: a new kind does not compile here until it has a
    /// sample above.
    static func kind(_ event: CustodyEvent) -> Int {
        switch event {
        case .officerAdded: 0
        case .officerRetired: 1
        case .locationAdded: 2
        case .caseOpened: 3
        case .caseProgressed: 4
        case .caseSolved: 5
        case .caseClosed: 6
        case .itemRegistered: 7
        case .dossierRegistered: 8
        case .chipBound: 9
        case .chipReplaced: 10
        case .checkedIn: 11
        case .checkedOut: 12
        case .returned: 13
        case .moved: 14
        case .disposed: 15
        case .corrected: 16
        case .stocktakeRecorded: 17
        case .checkoutExtended: 18
        case .keyEnrolled: 19
        case .keyRevoked: 20
        case .signaturesRequired: 21
        case .transferredOut: 22
        case .objectReceived: 23
        }
    }

    @Test func everyKindOfEntryHasASample() {
        #expect(Set(Self.samples.map { Self.kind($0.event) }) == Set(0..<24))
    }

    @Test func everyEventIsSummarisedInBothLanguages() throws {
        let zh = try Self.summary(.zh)
        let en = try Self.summary(.en)
        for sample in Self.samples {
            #expect(zh.text(sample.event) == sample.zh, "\(sample.event.type)")
            #expect(en.text(sample.event) == sample.en, "\(sample.event.type)")
        }
    }

    @Test func everyKindOfEntryHasANameInBothLanguages() throws {
        let zh = try Self.summary(.zh)
        let en = try Self.summary(.en)
        let zhNames = Self.samples.map { zh.name(of: $0.event) }
        let enNames = Self.samples.map { en.name(of: $0.event) }
        // One name per kind of entry (two samples may show one kind).
        let kinds = Set(Self.samples.map { Self.kind($0.event) }).count
        #expect(Set(zhNames).count == kinds && Set(enNames).count == kinds, "\(zhNames) \(enNames)")
        #expect(zhNames.allSatisfy { $0.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) } }, "\(zhNames)")
        #expect(enNames.allSatisfy { !$0.isEmpty && $0 == $0.lowercased() && !$0.contains(".") }, "\(enNames)")
        let checkedOut = try #require(Self.samples.first { $0.event.type == "custody.checked-out" }?.event)
        #expect(zh.name(of: checkedOut) == "出库")
        #expect(en.name(of: checkedOut) == "checked out")
    }

    @Test func whatAnEntryIsAbout() throws {
        let zh = try Self.summary(.zh)
        let subjects = Self.samples.map { zh.subject(of: $0.event) }
        #expect(subjects[0] == "赵敏 (000005)", "a new officer, from the entry itself")
        #expect(subjects[1] == "王强 (000003)")
        #expect(subjects[2] == "CAB-01")
        #expect(subjects[3...6].allSatisfy { $0 == Self.caseNumber })
        #expect(subjects[7] == Self.item && subjects[12] == Self.item)
        let stocktake = try #require(Self.samples.firstIndex { Self.kind($0.event) == 17 })
        #expect(subjects[stocktake] == "CAB-01")
    }

    /// A condition people typed is theirs, in either language; only the code is worded.
    @Test func aTypedConditionIsShownAsTyped() throws {
        let returned = CustodyEvent.returned(Returned(object: Self.item, location: "CAB-01", condition: "完好", by: "000002"))
        #expect(try Self.summary(.en).text(returned) == "→ CAB-01 by 李明 (000002), 完好")
        let corrected = CustodyEvent.corrected(
            Corrected(
                corrects: 12, correctedType: "custody.returned", subject: Self.item, object: Self.item, field: "condition",
                old: Returned.intact, new: "外包装破损", reason: "复查"))
        #expect(try Self.summary(.zh).text(corrected) == "更正第 12 条记录的归还状况：完好 → 外包装破损（复查）")
        #expect(try Self.summary(.en).text(corrected) == "corrects #12 condition: intact → 外包装破损 (复查)")
    }
}
