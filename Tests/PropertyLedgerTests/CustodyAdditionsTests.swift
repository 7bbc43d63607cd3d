import Foundation
import Testing

@testable import PropertyLedger

/// What the core records for the rules above it: a case's handling unit, check-out extensions, where a
/// checked-out object was taken from, the rule a move was made under, and modules reviewing custody entries.
struct CustodyAdditionsTests {
    static let now = CustodyTests.now
    static let day: TimeInterval = 86_400

    /// Four officers (000001 supervisor, 000002 and 000003 officers, 000004 clerk), ROOM-1 with CAB-01 in it,
    /// case A1 and one item checked in to ROOM-1, whose id it returns.
    static func recordSmallScene(in store: LedgerStore) async throws -> String {
        try await store.record(.addOfficer(badge: "000001", name: "魏江", unit: nil, role: .supervisor), actor: nil)
        try await store.record(.addOfficer(badge: "000002", name: "李明", unit: nil, role: .officer), actor: "000001")
        try await store.record(.addOfficer(badge: "000003", name: "王强", unit: nil, role: .officer), actor: "000001")
        try await store.record(.addOfficer(badge: "000004", name: "张丽", unit: nil, role: .clerk), actor: "000001")
        try await store.record(.addLocation(code: "ROOM-1", name: "保管室", kind: .room, parent: nil, isCentral: false), actor: "000004")
        try await store.record(.addLocation(code: "CAB-01", name: "柜", kind: .cabinet, parent: "ROOM-1", isCentral: false), actor: "000004")
        try await store.record(.openCase(number: "A1", title: "盗窃案", kind: .criminal, isPropertyCrime: true), actor: "000002")
        let item = try #require(
            try await store.record(
                .registerItem(ItemRegistration(caseNumber: "A1", name: "手机", quantity: "1", unit: "部", seizedBy: ["000002", "000003"])),
                actor: "000002"
            ).entry.event.object)
        try await store.record(.checkIn(object: item, location: "ROOM-1", caseNumber: nil), actor: "000004")
        return item
    }

    @Test func aCaseTakesTheOpeningOfficersUnitUnlessOneIsGiven() async throws {
        try await CustodyTests.withScene { store, _, _ in
            #expect(try await store.caseRecord(CustodyTests.caseNumber)?.unit == "刑侦大队")
            let given = try await store.record(
                .openCase(number: "A2", title: "诈骗案", kind: .criminal, isPropertyCrime: true, unit: "经侦大队"), actor: "000002",
                at: Self.now)
            guard case .caseOpened(let opened) = given.entry.event else { throw Unexpected.entry }
            #expect(opened.unit == "经侦大队")
            #expect(try await store.cases(matching: CaseFilter(unit: "经侦大队")).map(\.number) == ["A2"])
            #expect(try await store.cases(matching: CaseFilter(unit: "刑侦大队")).map(\.number) == [CustodyTests.caseNumber])
            #expect(try await store.rebuildCheck().isEmpty)
        }
    }

    @Test func anExtensionMovesTheDueTimeAndKeepsTheOldOne() async throws {
        try await CustodyTests.withScene { store, item, _ in
            let due = Self.now.addingTimeInterval(2 * Self.day)
            try await store.record(
                .checkOut(object: item, to: "000002", reason: .appraisal, approvedBy: "000001", due: due, note: nil, caseNumber: nil),
                actor: "000004", at: Self.now)
            #expect(try await store.object(item).checkedOutFrom == "CAB-01")
            let later = Self.now.addingTimeInterval(9 * Self.day)
            let recorded = try await store.record(
                .extendCheckout(object: item, due: later, approvedBy: "000001", reason: "鉴定未完成"), actor: "000004",
                at: Self.now.addingTimeInterval(Self.day))
            guard case .checkoutExtended(let extended) = recorded.entry.event else { throw Unexpected.entry }
            #expect(extended.previousDue == Timestamp.string(due))
            #expect(extended.due == Timestamp.string(later))
            let object = try await store.object(item)
            #expect(object.due == Timestamp.string(later))
            #expect(object.holder == "000002" && object.checkedOutFrom == "CAB-01")
            #expect(try await store.history(of: item).last?.entry.event.type == "custody.checkout-extended")
            #expect(try await store.rebuildCheck().isEmpty)

            try await store.record(
                .returnObject(object: item, location: "CAB-01", condition: "intact", by: nil, caseNumber: nil), actor: "000004",
                at: Self.now.addingTimeInterval(2 * Self.day))
            #expect(try await store.object(item).checkedOutFrom == nil)
            #expect(try await store.rebuildCheck().isEmpty)
        }
    }

    @Test func anExtensionIsRefusedUnlessItIsApprovedLaterAndForACheckOut() async throws {
        try await CustodyTests.withScene { store, item, _ in
            let later = Self.now.addingTimeInterval(9 * Self.day)
            try await expectRefusal(
                store, .extendCheckout(object: item, due: later, approvedBy: "000001", reason: "鉴定未完成"), actor: "000004",
                code: .refused, "object-not-checked-out", ["object": item])
            let due = Self.now.addingTimeInterval(2 * Self.day)
            try await store.record(.addOfficer(badge: "000005", name: "赵刚", unit: "法制大队", role: .supervisor), actor: "000001", at: Self.now)
            try await store.record(
                .checkOut(object: item, to: "000005", reason: .appraisal, approvedBy: "000001", due: due, note: nil, caseNumber: nil),
                actor: "000004", at: Self.now)
            try await expectRefusal(
                store, .extendCheckout(object: item, due: later, approvedBy: "000005", reason: "鉴定未完成"), actor: "000004",
                code: .refused, "approver-is-holder", ["badge": "000005"])
            try await expectRefusal(
                store, .extendCheckout(object: item, due: due, approvedBy: "000001", reason: "鉴定未完成"), actor: "000004",
                code: .refused, "extension-not-later")
            try await expectRefusal(
                store, .extendCheckout(object: item, due: later, approvedBy: "000002", reason: "鉴定未完成"), actor: "000004",
                code: .refused, "officer-lacks-role")
            try await expectRefusal(
                store, .extendCheckout(object: item, due: later, approvedBy: "000001", reason: "鉴定未完成"), actor: "000002",
                code: .refused, "actor-lacks-role")
            try await expectRefusal(
                store, .extendCheckout(object: item, due: later, approvedBy: "000001", reason: "  "), actor: "000004",
                code: .invalidInput, "text-empty")
            try await expectRefusal(
                store,
                .extendCheckout(object: item, due: Self.now.addingTimeInterval(400 * Self.day), approvedBy: "000001", reason: "鉴定未完成"),
                actor: "000004", code: .refused, "due-too-far")
        }
    }

    @Test func aMoveNamesTheRuleThatRequiredIt() async throws {
        try await CustodyTests.withScene { store, item, _ in
            try await store.record(
                .addLocation(code: "CENTRAL", name: "案管中心", kind: .room, parent: nil, isCentral: true), actor: "000004", at: Self.now)
            let moved = try await store.record(
                .move(object: item, location: "CENTRAL", reason: nil, caseNumber: nil, rule: "central-storage"), actor: "000004",
                at: Self.now)
            guard case .moved(let move) = moved.entry.event else { throw Unexpected.entry }
            #expect(move.rule == "central-storage")
            let own = try await store.record(
                .move(object: item, location: "CAB-01", reason: "整理", caseNumber: nil), actor: "000004", at: Self.now)
            let json = try #require(try JSONSerialization.jsonObject(with: own.entry.encoded()) as? [String: Any])
            #expect(json["rule"] == nil, "a clerk's own move names no rule")
        }
    }

    /// A module that forbids moving anything into CAB-01: its review sees the entry the core allowed.
    struct NoMovesIntoCabinet: LedgerModule {
        var name = "no-moves"
        var entryTypes: Set<String> = []
        var migrations: [SchemaMigration] = []
        var projectionTables: [String] = []
        func apply(_ entry: LoggedEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {}
        func review(_ entry: CustodyEntry, in context: borrowing RuleContext) throws {
            guard case .moved(let move) = entry.event, move.location == "CAB-01" else { return }
            #expect(try context.custody.object(move.object)?.location == "ROOM-1", "the review sees the state before the entry")
            throw LedgerError(.refused, Reason("test-no-moves", ["object": move.object]))
        }
    }

    @Test func aModulesReviewRefusesACustodyEntryAndNothingIsWritten() async throws {
        try await withTemporaryDirectory { directory in
            let paths = StorePaths(database: directory.appendingPathComponent("ledger.db").path)
            let agency = try Agency(code: "370321", name: "测试县公安局", kind: .police)
            let store = try await LedgerStore.create(
                paths, agency: agency, profile: .intl, signatures: .optional, modules: [NoMovesIntoCabinet()])
            let item = try await Self.recordSmallScene(in: store)
            let error = try await expectRefusal(
                store, .move(object: item, location: "CAB-01", reason: nil, caseNumber: nil), actor: "000004", at: Date(),
                code: .refused, "test-no-moves", ["object": item])
            #expect(error != nil)
        }
    }

    /// A module keeping its own view of custody: how many check-outs each officer has received.
    struct CheckoutTally: LedgerModule {
        var name = "checkout-tally"
        var entryTypes: Set<String> = []
        var projectionTables = ["tally"]
        var migrations = [
            SchemaMigration("1-tally") { schema in
                "CREATE TABLE \(schema).tally (badge TEXT PRIMARY KEY NOT NULL, count INTEGER NOT NULL) STRICT"
            }
        ]
        func apply(_ entry: LoggedEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {}
        func observe(_ entry: CustodyEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {
            guard case .checkedOut(let e) = entry.event else { return }
            try tables.execute(
                "INSERT INTO \(tables.schema).tally (badge, count) VALUES (?, 1) ON CONFLICT (badge) DO UPDATE SET count = count + 1",
                .text(e.to))
        }
        static func counts(_ paths: StorePaths) throws -> [String] {
            try Database(path: paths.database).rows("SELECT badge, count FROM tally ORDER BY badge", []) { "\($0.text(0))=\($0.int(1))" }
        }
    }

    @Test func aModuleObservesCoreEntriesCatchesUpWhenAddedLaterAndIsRebuilt() async throws {
        try await withTemporaryDirectory { directory in
            let paths = StorePaths(database: directory.appendingPathComponent("ledger.db").path)
            let agency = try Agency(code: "370321", name: "测试县公安局", kind: .police)
            let store = try await LedgerStore.create(paths, agency: agency, profile: .intl, signatures: .optional)
            let item = try await Self.recordSmallScene(in: store)
            let checkOut = CustodyCommand.checkOut(
                object: item, to: "000002", reason: .court, approvedBy: "000001", due: Date().addingTimeInterval(86_400), note: nil,
                caseNumber: nil)
            try await store.record(checkOut, actor: "000004")
            try await store.record(
                .returnObject(object: item, location: "ROOM-1", condition: "intact", by: nil, caseNumber: nil), actor: "000004")

            // Added to a store with a history: it catches up on the check-out already in the log.
            let withTally = try await LedgerStore.open(paths, modules: [CheckoutTally()])
            #expect(try CheckoutTally.counts(paths) == ["000002=1"])
            try await withTally.record(checkOut, actor: "000004")
            #expect(try CheckoutTally.counts(paths) == ["000002=2"])
            #expect(try await withTally.rebuildCheck().isEmpty)

            // Opened again, it does not catch up twice; a row changed behind the log's back is found.
            let again = try await LedgerStore.open(paths, modules: [CheckoutTally()])
            #expect(try CheckoutTally.counts(paths) == ["000002=2"])
            try Database(path: paths.database).execute("UPDATE tally SET count = 5")
            #expect(try await again.rebuildCheck().count == 2)
        }
    }

    /// A store of schema version 5 (before the unit and the check-out origin were projected) gains both from
    /// its log when opened, and its projections then agree with a rebuild.
    @Test func version6FillsTheNewColumnsFromTheLog() async throws {
        try await withTemporaryDirectory { directory in
            let paths = StorePaths(database: directory.appendingPathComponent("ledger.db").path)
            let agency = try Agency(code: "370321", name: "测试县公安局", kind: .police)
            let store = try await LedgerStore.create(paths, agency: agency, profile: .intl, signatures: .optional)
            try await store.record(.addOfficer(badge: "000001", name: "魏江", unit: "法制大队", role: .supervisor), actor: nil)
            try await store.record(.addOfficer(badge: "000002", name: "李明", unit: "刑侦大队", role: .officer), actor: "000001")
            try await store.record(.addOfficer(badge: "000003", name: "王强", unit: nil, role: .officer), actor: "000001")
            try await store.record(.addOfficer(badge: "000004", name: "张丽", unit: nil, role: .clerk), actor: "000001")
            try await store.record(.addLocation(code: "ROOM-1", name: "保管室", kind: .room, parent: nil, isCentral: false), actor: "000004")
            try await store.record(.openCase(number: "A1", title: "盗窃案", kind: .criminal, isPropertyCrime: true), actor: "000002")
            try await store.record(.openCase(number: "A2", title: "诈骗案", kind: .criminal, isPropertyCrime: true), actor: "000003")
            let item = try #require(
                try await store.record(
                    .registerItem(
                        ItemRegistration(caseNumber: "A1", name: "手机", quantity: "1", unit: "部", seizedBy: ["000002", "000003"])),
                    actor: "000002"
                ).entry.event.object)
            try await store.record(.checkIn(object: item, location: "ROOM-1", caseNumber: nil), actor: "000004")
            try await store.record(
                .checkOut(
                    object: item, to: "000002", reason: .court, approvedBy: "000001", due: Date().addingTimeInterval(86_400), note: nil,
                    caseNumber: nil),
                actor: "000004")

            // Back to version 5, as a store written before version 6 was: no columns, no index, no values.
            let database = try Database(path: paths.database)
            try database.executeScript(
                """
                DROP INDEX cases_by_unit;
                ALTER TABLE cases DROP COLUMN unit;
                ALTER TABLE objects DROP COLUMN checked_out_from;
                PRAGMA user_version = 5;
                """)

            let reopened = try await LedgerStore.open(paths)
            #expect(try await reopened.caseRecord("A1")?.unit == "刑侦大队")
            #expect(try await reopened.caseRecord("A2")?.unit == nil)
            #expect(try await reopened.object(item).checkedOutFrom == "ROOM-1")
            #expect(try await reopened.rebuildCheck().isEmpty)
        }
    }
}

enum Unexpected: Error {
    case entry
}
