import Foundation
import Testing

@testable import PropertyLedger

/// The queries and extension points DossierVault's rules use: objects by their case's filter and by central
/// custody, registrations left unread, references resolved and a transaction's state read mid-way, module entries
/// evaluated, free text checked.
struct RuleQueryTests {
    @Test func objectsByCaseFilterAndCentralCustody() async throws {
        try await CustodyTests.withScene { store, item, dossier in
            let now = CustodyTests.now
            try await store.record(
                .addLocation(code: "CENTRAL", name: "案管中心", kind: .room, parent: nil, isCentral: true), actor: "000004", at: now)
            try await store.record(
                .openCase(number: "B1", title: "治安案件", kind: .administrative, isPropertyCrime: false), actor: "000002", at: now)
            let other = try #require(
                try await store.record(
                    .registerDossier(DossierRegistration(caseNumber: "B1", volume: 1, volumes: 1, pages: 3)), actor: "000002", at: now
                )
                .entry.event.object)
            try await store.record(.checkIn(object: dossier, location: "CENTRAL", caseNumber: nil), actor: "000004", at: now)
            try await store.record(.checkIn(object: other, location: "CAB-01", caseNumber: nil), actor: "000004", at: now)

            let criminal = CaseFilter(status: .unsolved, kind: .criminal)
            #expect(try await store.objects(matching: ObjectFilter(cases: criminal)).map(\.id) == [dossier, item].sorted())
            #expect(
                try await store.objects(matching: ObjectFilter(kind: .dossier, cases: CaseFilter(kind: .administrative))).map(\.id) == [
                    other
                ])
            #expect(try await store.objects(matching: ObjectFilter(cases: CaseFilter(status: .solved))).isEmpty)
            #expect(try await store.objects(matching: ObjectFilter(inCentralCustody: true)).map(\.id) == [dossier])
            #expect(Set(try await store.objects(matching: ObjectFilter(inCentralCustody: false)).map(\.id)) == [item, other])

            // Checked out from central storage, the dossier is still in its custody.
            try await store.record(
                .checkOut(
                    object: dossier, to: "000002", reason: .court, approvedBy: "000001", due: now.addingTimeInterval(86_400), note: nil,
                    caseNumber: nil), actor: "000004", at: now)
            #expect(try await store.objects(matching: ObjectFilter(inCentralCustody: true)).map(\.id) == [dossier])
            #expect(try await store.objects(matching: ObjectFilter(inCentralStorage: true)).isEmpty)

            // Without registrations, the rest is the same.
            let full = try await store.objects(matching: ObjectFilter(limit: .max))
            let bare = try await store.objects(matching: ObjectFilter(includesRegistration: false, limit: .max))
            #expect(bare.allSatisfy { $0.item == nil && $0.dossier == nil })
            #expect(full.contains { $0.item != nil } && full.contains { $0.dossier != nil })
            #expect(bare.map(\.id) == full.map(\.id))
            #expect(bare.map(\.status) == full.map(\.status) && bare.map(\.checkedOutFrom) == full.map(\.checkedOutFrom))
        }
    }

    @Test func freeTextIsCheckedAsTheCoresOwn() throws {
        #expect(try FreeText.checked("  原因  ", field: "reason") == "原因")
        #expect(throws: LedgerError.self) { try FreeText.checked(" ", field: "reason") }
        let error = #expect(throws: LedgerError.self) { try FreeText.checked("13812345678", field: "reason") }
        #expect(error?.reason.id == "personal-number")
        #expect(throws: LedgerError.self) { try FreeText.checked("a\u{200B}b", field: "reason") }
        #expect(throws: LedgerError.self) { try FreeText.checked(String(repeating: "字", count: 11), field: "reason", limit: 10) }
    }

    @Test func aTransactionsStateIsReadMidway() async throws {
        try await CustodyTests.withScene { store, item, _ in
            let seen = try await store.transaction(actor: "000004", at: CustodyTests.now) { transaction in
                try transaction.record(.bindChip(object: item, uid: "04A1B2C3"))
                return try transaction.read { context in
                    (try context.custody.resolve("chip:04a1b2c3"), context.nextIndex, try context.custody.object(item)?.chip)
                }
            }
            #expect(seen.0 == item)
            #expect(seen.2 == "04A1B2C3")
            #expect(try await store.size == seen.1)
        }
    }
}
