import Foundation
import Testing

@testable import PropertyLedger

/// Issue 7, item 6: a correction passes the same field checks as the registration it corrects, and
/// quantities have one canonical form.
struct CorrectionValidationTests {
    static let now = CustodyTests.now
    /// The scene's item registration and dossier registration (see ``CustodyTests/withScene(_:)``).
    static let itemEntry: Int64 = 8
    static let dossierEntry: Int64 = 9

    @Test(arguments: [
        ("1", "1"), ("2.5", "2.5"), (" 3 ", "3"), ("１２", "12"), ("１．５", "1.5"), ("01", "1"), ("007.50", "7.5"), ("2.50", "2.5"),
        ("1.0", "1"), ("0.001", "0.001"), ("999999999.999", "999999999.999"), ("1000", "1000"),
    ])
    func quantitiesHaveOneCanonicalForm(typed: String, canonical: String) throws {
        #expect(try Quantity.canonical(typed) == canonical)
    }

    @Test(arguments: [
        ("abc", "quantity-not-decimal"), ("1,000", "quantity-grouped"), ("12,345.5", "quantity-grouped"), ("１，０００", "quantity-grouped"),
        ("1e9", "quantity-not-decimal"),
        ("-1", "quantity-not-decimal"), ("+1", "quantity-not-decimal"), ("0", "quantity-not-positive"), ("0.000", "quantity-not-positive"),
        ("1.2345", "quantity-too-precise"),
        (".5", "quantity-half-number"), ("5.", "quantity-half-number"), ("1.2.3", "quantity-not-decimal"),
        ("1 000", "quantity-not-decimal"), ("1000000000", "quantity-too-large"),
        ("", "quantity-empty"), ("1,5", "quantity-not-decimal"), ("٣", "quantity-not-decimal"),
    ])
    func malformedQuantitiesAreRefusedSayingWhy(typed: String, reason: String) throws {
        let error = #expect(throws: LedgerError.self) { try Quantity.canonical(typed) }
        #expect(error?.code == .invalidInput)
        #expect(error?.reason.id == reason, "\(error?.reason.description ?? "")")
    }

    @Test func registrationsTakeQuantitiesInCanonicalForm() async throws {
        try await CustodyTests.withScene { store, _, _ in
            let register = { (quantity: String) in
                CustodyCommand.registerItem(
                    ItemRegistration(
                        caseNumber: CustodyTests.caseNumber, name: "手机", quantity: quantity, unit: "部", seizedBy: ["000002", "000003"]))
            }
            try await expectRefusal(
                store, register("1,000"), actor: "000002", code: .invalidInput, "quantity-grouped", ["suggestion": "1000"])
            try await expectRefusal(
                store, register("1e9"), actor: "000002", code: .invalidInput, "quantity-not-decimal", ["quantity": "1e9"])
            let recorded = try await store.record(register("０３"), actor: "000002", at: Self.now)
            guard case .itemRegistered(let item) = recorded.entry.event else {
                Issue.record("not a registration")
                return
            }
            #expect(item.quantity == "3")
        }
    }

    @Test func aQuantityCorrectionIsChecked() async throws {
        try await CustodyTests.withScene { store, item, _ in
            let correct = { (value: String) in
                CustodyCommand.correct(index: Self.itemEntry, field: "quantity", value: value, reason: "核对实物")
            }
            try await expectRefusal(
                store, correct("abc"), actor: "000004", code: .invalidInput, "quantity-not-decimal", ["quantity": "abc"])
            try await expectRefusal(
                store, correct("1,000"), actor: "000004", code: .invalidInput, "quantity-grouped", ["suggestion": "1000"])
            try await expectRefusal(store, correct("0"), actor: "000004", code: .invalidInput, "quantity-not-positive", ["quantity": "0"])
            try await expectRefusal(store, correct("1.0"), actor: "000004", code: .refused, "correction-unchanged", ["value": "1"])
            let recorded = try await store.record(correct("２"), actor: "000004", at: Self.now)
            guard case .corrected(let correction) = recorded.entry.event else {
                Issue.record("not a correction")
                return
            }
            #expect(correction.old == "1")
            #expect(correction.new == "2")
            #expect(try await store.object(item).item?.quantity == "2")
        }
    }

    @Test func dossierNumbersAreCheckedAgainstTheCurrentValues() async throws {
        try await CustodyTests.withScene { store, _, dossier in
            let correct = { (field: String, value: String) in
                CustodyCommand.correct(index: Self.dossierEntry, field: field, value: value, reason: "核对卷宗")
            }
            // Volume 1 of 1, 57 pages.
            try await expectRefusal(
                store, correct("volume", "5"), actor: "000004", code: .invalidInput, "volume-out-of-range", ["volume": "5", "volumes": "1"])
            try await expectRefusal(store, correct("volumes", "0"), actor: "000004", code: .invalidInput, "count-invalid")
            try await expectRefusal(
                store, correct("pages", "0"), actor: "000004", code: .invalidInput, "count-invalid", ["field": "pages", "value": "0"])
            try await expectRefusal(
                store, correct("pages", "abc"), actor: "000004", code: .invalidInput, "count-invalid", ["field": "pages", "value": "abc"])
            try await expectRefusal(store, correct("pages", "57"), actor: "000004", code: .refused, "correction-unchanged", ["value": "57"])
            try await store.record(correct("volumes", "３"), actor: "000004", at: Self.now)
            try await store.record(correct("volume", "3"), actor: "000004", at: Self.now)
            // Now volume 3 of 3: the volumes cannot drop below the volume any more.
            try await expectRefusal(
                store, correct("volumes", "2"), actor: "000004", code: .invalidInput, "volume-out-of-range",
                ["volume": "3", "volumes": "2"])
            let dossierNow = try #require(try await store.object(dossier).dossier)
            #expect((dossierNow.volume, dossierNow.volumes) == (3, 3))
            #expect(try await store.rebuildCheck() == [])
        }
    }

    @Test func textCorrectionsHaveTheRegistrationsLimits() async throws {
        try await CustodyTests.withScene { store, item, _ in
            try await store.record(
                .dispose(object: item, method: .returnedToOwner, approvedBy: "000001", recipient: "失主 赵先生", note: nil, caseNumber: nil),
                actor: "000004", at: Self.now)
            let disposal = try #require(try await store.history(of: item).last?.index)
            let cases: [(Int64, String, String, String, [String: String])] = [
                (1, "name", String(repeating: "名", count: 51), "text-too-long", ["limit": "50"]),  // an officer's name
                (1, "unit", String(repeating: "单", count: 101), "text-too-long", ["limit": "100"]),
                (Self.itemEntry, "unit", "一二三四五六七八九十一二三四五六七八九十一", "text-too-long", ["limit": "20"]),
                (Self.itemEntry, "weight", String(repeating: "重", count: 51), "text-too-long", ["limit": "50"]),
                (Self.itemEntry, "name", "手机 机主 138-1234-5678", "personal-number", ["number": "mobile"]),
                (Self.itemEntry, "features", "身份证 370305 19900101 1231", "personal-number", ["number": "resident-id"]),
                (Self.itemEntry, "name", "   ", "text-empty", ["field": "item-name"]),
                (disposal, "recipient", "李明", "recipient-is-officer", [:]),
                (disposal, "recipient", "000002", "recipient-is-officer", [:]),
            ]
            for (index, field, value, reason, arguments) in cases {
                try await expectRefusal(
                    store, .correct(index: index, field: field, value: value, reason: "更正"), actor: "000004",
                    code: reason == "personal-number" || reason == "recipient-is-officer" ? .refused : .invalidInput,
                    reason, arguments)
            }
            try await store.record(
                .correct(index: disposal, field: "recipient", value: "失主 赵某", reason: "更正"), actor: "000004", at: Self.now)
        }
    }
}
