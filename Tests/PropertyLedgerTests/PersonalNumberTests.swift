import Foundation
import Testing

@testable import PropertyLedger

/// Issue 7, item 4: mobile and resident ID numbers never reach the permanent log, however they are written,
/// while case numbers, IMEIs, weights, dates and prices are not mistaken for them.
struct PersonalNumberTests {
    /// Text that holds a personal number, and which kind.
    static let refused: [(String, PersonalNumber)] = [
        ("13812345678", .mobile),
        ("138-1234-5678", .mobile),
        ("138 1234 5678", .mobile),
        ("138.1234.5678", .mobile),
        ("+8613812345678", .mobile),
        ("+86 138 1234 5678", .mobile),
        ("008613812345678", .mobile),
        ("8613812345678", .mobile),
        ("１３８１２３４５６７８", .mobile),
        ("＋８６　１３８－１２３４－５６７８", .mobile),
        ("失主电话：138 - 1234 - 5678，请联系", .mobile),
        ("联系人赵先生15912345678（已关机）", .mobile),
        ("370321199001011231", .residentID),
        ("370305 19900101 1231", .residentID),
        ("370305-1990-0101-1231", .residentID),
        ("身份证号11010519491231002X", .residentID),
        ("身份证 11010519491231002x 号", .residentID),
        ("３７０３２１１９９００１０１１２３１", .residentID),
        ("失主 37032119880810002X，男", .residentID),
        ("440304 198510 235679", .residentID),
    ]

    /// Text with numbers that are not personal numbers.
    static let accepted: [String] = [
        "A3703210500002026110001",
        "案件编号 A3703210500002026110001 的物证",
        "IMEI 860000000000001",
        "IMEI 35-209900-176148-1",
        "IMEI 861381234567890",
        "1.5 kg",
        "重 2.35 kg，共 3 件",
        "2026-12-01",
        "2026-12-01 13:45",
        "价格 1299.00 元",
        "￥1,388.00",
        "370321199001011234",
        "序列号 123456789012345678",
        "12812345678",
        "1381234567",
        "138123456789",
        "黑色 山地车 车架号 WX123",
        "手机 2 部，型号 iPhone 13",
        "0531-12345678",
        "捷安特 ATX-770 型",
        "柜 13 层 5 格",
    ]

    @Test(arguments: refused)
    func personalNumbersAreFound(text: String, kind: PersonalNumber) throws {
        #expect(PersonalNumber.first(in: text) == kind)
        let error = #expect(throws: LedgerError.self) { try FieldRules.text(text, "features") }
        #expect(error?.code == .refused)
        #expect(error?.reason == Reason("personal-number", ["field": "features", "number": kind == .mobile ? "mobile" : "resident-id"]))
    }

    @Test(arguments: accepted)
    func otherNumbersAreAccepted(text: String) throws {
        #expect(PersonalNumber.first(in: text) == nil)
        #expect(try FieldRules.text(text, "features") == text)
    }

    @Test func theChecksumDecides() {
        #expect(PersonalNumber.isResidentID("11010519491231002X"))
        #expect(!PersonalNumber.isResidentID("110105194912310021"))
        #expect(PersonalNumber.isResidentID("370321199001011231"))
        #expect(!PersonalNumber.isResidentID("370321199001011234"))
    }

    /// Through the store: a recipient with a separated phone number, a description with a split ID number.
    @Test func theStoreRefusesThemAndWritesNothing() async throws {
        try await CustodyTests.withScene { store, item, _ in
            try await expectRefusal(
                store,
                .dispose(
                    object: item, method: .returnedToOwner, approvedBy: "000001", recipient: "赵先生 139-1234-5678", note: nil, caseNumber: nil
                ),
                actor: "000004", code: .refused, "personal-number", ["field": "recipient"])
            try await expectRefusal(
                store,
                .registerItem(
                    ItemRegistration(
                        caseNumber: CustodyTests.caseNumber, name: "钱包", quantity: "1", unit: "个", features: "内有身份证 370305 19900101 1231",
                        seizedBy: ["000002", "000003"])), actor: "000002", code: .refused, "personal-number", ["field": "features"])
        }
    }
}
