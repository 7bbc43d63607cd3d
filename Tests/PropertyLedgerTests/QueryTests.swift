import Foundation
import Testing

@testable import PropertyLedger

/// The queries a rule engine asks (DossierVault's one-month rule, deadline reports), and times as dates.
struct QueryTests {
    static let day: TimeInterval = 86_400

    @Test func unsolvedCasesWithoutProgressSinceADate() async throws {
        try await CustodyTests.withScene { store, _, _ in
            let now = CustodyTests.now
            try await store.record(
                .openCase(number: "A2", title: "电动车被盗案", kind: .criminal, isPropertyCrime: true), actor: "000002",
                at: now.addingTimeInterval(-40 * Self.day))
            try await store.record(
                .openCase(number: "B1", title: "治安案件", kind: .administrative, isPropertyCrime: false), actor: "000002",
                at: now.addingTimeInterval(-35 * Self.day))
            try await store.record(
                .openCase(number: "A3", title: "盗窃案", kind: .criminal, isPropertyCrime: true), actor: "000002",
                at: now.addingTimeInterval(-50 * Self.day))
            try await store.record(
                .recordProgress(caseNumber: "A3", note: "抓获嫌疑人"), actor: "000002", at: now.addingTimeInterval(-2 * Self.day))
            try await store.record(.solveCase(caseNumber: "A2", note: nil), actor: "000002", at: now.addingTimeInterval(-1 * Self.day))

            let monthAgo = now.addingTimeInterval(-30 * Self.day)
            let stale = try await store.cases(matching: CaseFilter(status: .unsolved, lastProgressBefore: monthAgo))
            #expect(stale.map(\.number) == ["B1"])
            let staleProperty = try await store.cases(
                matching: CaseFilter(status: .unsolved, isPropertyCrime: true, lastProgressBefore: now.addingTimeInterval(Self.day)))
            #expect(staleProperty.map(\.number) == [CustodyTests.caseNumber, "A3"].sorted())
            #expect(try await store.cases(matching: CaseFilter(kind: .administrative)).map(\.number) == ["B1"])
            #expect(try await store.cases(matching: CaseFilter(status: .solved)).map(\.number) == ["A2"])
            #expect(try await store.cases(matching: CaseFilter(limit: 2)).count == 2)

            let a3 = try #require(try await store.caseRecord("A3"))
            #expect(a3.openedDate == Timestamp.storedDate(Timestamp.string(now.addingTimeInterval(-50 * Self.day))))
            #expect(a3.lastProgressDate.map { abs($0.timeIntervalSince(now.addingTimeInterval(-2 * Self.day))) < 1 } == true)
        }
    }

    @Test func objectsDueBeforeAndInCentralStorage() async throws {
        try await CustodyTests.withScene { store, item, dossier in
            let now = CustodyTests.now
            try await store.record(
                .addLocation(code: "CENTRAL", name: "案管中心", kind: .room, parent: nil, isCentral: true), actor: "000004", at: now)
            try await store.record(.checkIn(object: dossier, location: "CENTRAL", caseNumber: nil), actor: "000004", at: now)
            let due = now.addingTimeInterval(3 * Self.day)
            try await store.record(
                .checkOut(object: item, to: "000002", reason: .appraisal, approvedBy: "000001", due: due, note: nil, caseNumber: nil),
                actor: "000004", at: now)

            #expect(try await store.objects(matching: ObjectFilter(inCentralStorage: true)).map(\.id) == [dossier])
            #expect(try await store.objects(matching: ObjectFilter(inCentralStorage: false)).isEmpty)
            #expect(try await store.objects(matching: ObjectFilter(dueBefore: now.addingTimeInterval(4 * Self.day))).map(\.id) == [item])
            #expect(try await store.objects(matching: ObjectFilter(dueBefore: now.addingTimeInterval(2 * Self.day))).isEmpty)
            let held = try await store.object(item)
            #expect(held.dueDate == Timestamp.storedDate(Timestamp.string(due)))
        }
    }
}
