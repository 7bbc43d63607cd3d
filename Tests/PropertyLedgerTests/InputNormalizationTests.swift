import Foundation
import Testing

@testable import PropertyLedger

/// Issue 7, item 3: identifiers typed in full-width forms or with surrounding spaces are the same identifiers,
/// and invisible or control characters are refused, naming the field.
struct InputNormalizationTests {
    static let now = CustodyTests.now

    @Test func aFullWidthChipUIDIsTheSameChip() async throws {
        try await CustodyTests.withScene { store, item, dossier in
            let bound = try await store.record(.bindChip(object: item, uid: "０４Ａ１Ｂ２Ｃ３"), actor: "000004", at: Self.now)
            #expect(bound.entry.event == .chipBound(ChipBound(object: item, uid: "04A1B2C3")))
            try await expectRefusal(
                store, .bindChip(object: dossier, uid: "04A1B2C3"), actor: "000004", code: .refused, "chip-bound-elsewhere")
            try await expectRefusal(
                store, .bindChip(object: dossier, uid: " 04:a1:b2:c3 "), actor: "000004", code: .refused, "chip-bound-elsewhere")
            #expect(try await store.object("chip:04a1b2c3").id == item)
            #expect(try await store.object("ｃｈｉｐ：０４Ａ１Ｂ２Ｃ３").id == item)
        }
    }

    @Test func fullWidthReferencesNameTheSameThings() async throws {
        try await CustodyTests.withScene { store, item, dossier in
            // A clerk typing on a Chinese input method: every reference full-width, with spaces around.
            let recorded = try await store.record(
                .checkIn(object: " Ｄ－３７０３２１－２０２６－０００００１ ", location: "ＣＡＢ－０１", caseNumber: nil),
                actor: "０００００４ ", at: Self.now)
            #expect(recorded.entry.actor == "000004")
            #expect(recorded.entry.event == .checkedIn(CheckedIn(object: dossier, location: "CAB-01")))
            let out = try await store.record(
                .checkOut(
                    object: item, to: "０００００２", reason: .appraisal, approvedBy: "　０００００１", due: Self.now.addingTimeInterval(86_400),
                    note: nil, caseNumber: fullWidth(CustodyTests.caseNumber)),
                actor: "000004", at: Self.now)
            guard case .checkedOut(let checkedOut) = out.entry.event else {
                Issue.record("not a check-out")
                return
            }
            #expect(checkedOut.to == "000002")
            #expect(checkedOut.approvedBy == "000001")
            let back = try await store.record(
                .returnObject(object: item, location: "ＣＡＢ－０１", condition: "完好", by: "０００００２", caseNumber: nil), actor: "000004",
                at: Self.now)
            #expect(back.entry.event == .returned(Returned(object: item, location: "CAB-01", condition: "完好", by: "000002")))
            #expect(try await store.rebuildCheck() == [])
        }
    }

    @Test func newIdentifiersAreStoredInOneForm() async throws {
        try await CustodyTests.withScene { store, _, _ in
            let officer = try await store.record(
                .addOfficer(badge: " ０００００５ ", name: "赵六", unit: nil, role: .officer), actor: "000001", at: Self.now)
            #expect(officer.entry.event == .officerAdded(OfficerAdded(badge: "000005", name: "赵六", unit: nil, role: .officer)))
            try await expectRefusal(
                store, .addOfficer(badge: "000005", name: "赵六", unit: nil, role: .officer), actor: "000001", code: .refused,
                "officer-exists")

            let location = try await store.record(
                .addLocation(code: "ＣＡＢ－０２", name: "智能柜02", kind: .cabinet, parent: "ＲＯＯＭ－１", isCentral: false), actor: "000004",
                at: Self.now)
            #expect(
                location.entry.event
                    == .locationAdded(LocationAdded(code: "CAB-02", name: "智能柜02", kind: .cabinet, parent: "ROOM-1", central: false)))
            #expect(try await store.location(" ＣＡＢ－０２") != nil)

            try await store.record(
                .openCase(number: fullWidth("A3703210500002026110002"), title: "盗窃案", kind: .criminal, isPropertyCrime: true),
                actor: "000002",
                at: Self.now)
            #expect(try await store.caseRecord("A3703210500002026110002")?.number == "A3703210500002026110002")
            #expect(try await store.caseRecord(fullWidth("A3703210500002026110002")) != nil)
            try await expectRefusal(
                store, .openCase(number: "A3703210500002026110002", title: "盗窃案", kind: .criminal, isPropertyCrime: true),
                actor: "000002", code: .refused, "case-exists")
            let progress = try await store.record(
                .recordProgress(caseNumber: " " + fullWidth("A3703210500002026110002"), note: "嫌疑人到案"), actor: "000002", at: Self.now)
            #expect(progress.entry.event == .caseProgressed(CaseProgressed(case: "A3703210500002026110002", note: "嫌疑人到案")))
            #expect(try await store.rebuildCheck() == [])
        }
    }

    @Test func oneOfficerTypedTwoWaysIsOneSeizer() async throws {
        try await CustodyTests.withScene { store, _, _ in
            let registration = ItemRegistration(
                caseNumber: CustodyTests.caseNumber, name: "手机", quantity: "1", unit: "部", seizedBy: ["000002", "０００００２"])
            try await expectRefusal(store, .registerItem(registration), actor: "000002", code: .refused, "too-few-seizers")
            let item = try await store.record(
                .registerItem(
                    ItemRegistration(
                        caseNumber: fullWidth(CustodyTests.caseNumber), name: "手机", quantity: "1", unit: "部",
                        seizedBy: ["０００００３", " 000002"])), actor: "000002", at: Self.now)
            guard case .itemRegistered(let registered) = item.entry.event else {
                Issue.record("not a registration")
                return
            }
            #expect(registered.seizedBy == ["000002", "000003"])
            #expect(registered.case == CustodyTests.caseNumber)
            #expect(try await store.object(" Ｐ－３７０３２１－２０２６－０００００２").id == registered.id)
            #expect(try await store.objects(matching: ObjectFilter(caseNumber: fullWidth(CustodyTests.caseNumber))).count == 3)
        }
    }

    /// Zero-width spaces and joiners, byte order marks, direction overrides and control characters hide what
    /// was typed: refused in identifiers, references and free text alike, naming the field.
    @Test(arguments: [
        (CustodyCommand.bindChip(object: "D-370321-2026-000001", uid: "04A1\u{200B}B2C3"), "000004", "chip-uid", "U+200B"),
        (.addOfficer(badge: "000005\u{200D}", name: "赵六", unit: nil, role: .officer), "000001", "badge", "U+200D"),
        (.openCase(number: "\u{FEFF}A1", title: "盗窃案", kind: .criminal, isPropertyCrime: false), "000002", "case-number", "U+FEFF"),
        (.addOfficer(badge: "000005", name: "赵\u{202E}六", unit: nil, role: .officer), "000001", "name", "U+202E"),
        (
            .addLocation(code: "CAB-02", name: "柜\u{0007}", kind: .cabinet, parent: "ROOM-1", isCentral: false), "000004", "location-name",
            "U+0007"
        ),
        (.checkIn(object: "D-370321-2026-000001", location: "CAB-01\u{200B}", caseNumber: nil), "000004", "location", "U+200B"),
        (
            .checkOut(
                object: "P-370321-2026-000001", to: "000002\u{200B}", reason: .court, approvedBy: "000001",
                due: CustodyTests.now.addingTimeInterval(3600),
                note: nil, caseNumber: nil), "000004", "recipient-badge", "U+200B"
        ),
        (
            .checkOut(
                object: "P-370321-2026-000001", to: "000002", reason: .court, approvedBy: "000001",
                due: CustodyTests.now.addingTimeInterval(3600),
                note: "送检\u{200B}", caseNumber: nil), "000004", "note", "U+200B"
        ),
        (.checkIn(object: "D-370321-2026-000001", location: "CAB-01", caseNumber: nil), "000004\u{200B}", "actor", "U+200B"),
        (.correct(index: 8, field: "features", value: "黑色\u{200C}山地车", reason: "补充"), "000004", "features", "U+200C"),
        (.move(object: "P-370321-2026-000001", location: "ROOM-1", reason: "整理\u{FEFF}", caseNumber: nil), "000004", "reason", "U+FEFF"),
    ])
    func invisibleCharactersAreRefusedNamingTheField(command: CustodyCommand, actor: String, field: String, codePoint: String) async throws
    {
        try await CustodyTests.withScene { store, _, _ in
            try await expectRefusal(
                store, command, actor: actor, code: .invalidInput, "invisible-character", ["field": field, "character": codePoint])
        }
    }

    /// `text` with every ASCII character in its full-width form, as a Chinese input method types it.
    func fullWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { ("!"..."~").contains($0) ? Unicode.Scalar($0.value + 0xFEE0)! : $0 }))
    }

    @Test func identifierRulesNormalizeThemselves() throws {
        #expect(try FieldRules.identifier(" ＣＡＢ－０１\n", "location code") == "CAB-01")
        #expect(try ChipUID.normalize("０４ ａ１：Ｂ２－ｃ３") == "04A1B2C3")
        #expect(throws: LedgerError.self) { try FieldRules.identifier("CAB\u{200B}01", "location code") }
        #expect(throws: LedgerError.self) { try FieldRules.text("赵\u{200D}六", "name") }
        // Foundation would trim a zero width space at the end; it must be seen and refused instead.
        #expect(throws: LedgerError.self) { try FieldRules.text("赵六\u{200B}", "name") }
        #expect(throws: LedgerError.self) { try FieldRules.identifier("000001\u{200B}", "badge") }
        #expect(try FieldRules.text("　赵六 \n", "name") == "赵六")
    }
}
