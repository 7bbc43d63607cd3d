import Foundation
import Testing

@testable import PropertyLedger

/// A module above the custody core: its own entry type, projection table and migrations, written through
/// the store's one transaction and replayed by the rebuild check.
struct ModuleTests {
    /// A small module for the tests: seals applied to items (封条), one entry type and one table.
    struct SealModule: LedgerModule {
        struct SealApplied: EntryPayload, Decodable {
            static let type = "seal.applied"
            let object: String
            let seal: String
        }

        var name = "seals"
        var entryTypes: Set<String> = [SealApplied.type]
        var projectionTables = ["seals"]
        var migrations = [
            SchemaMigration("1-seals") { schema in
                "CREATE TABLE \(schema).seals (seal TEXT PRIMARY KEY NOT NULL, object TEXT NOT NULL, entry INTEGER NOT NULL) STRICT"
            },
            SchemaMigration("2-seals-by-object") { schema in "CREATE INDEX \(schema).seals_by_object ON seals (object)" },
        ]

        func apply(_ entry: LoggedEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {
            let seal = try entry.payload(SealApplied.self)
            try tables.execute(
                "INSERT INTO \(tables.schema).seals (seal, object, entry) VALUES (?, ?, ?)", .text(seal.seal), .text(seal.object),
                .integer(index))
        }

        /// The module's rule: a known, live object, and a seal number not used before.
        static func seal(_ object: String, with seal: String, in context: borrowing RuleContext) throws -> SealApplied {
            guard let found = try context.custody.object(object), found.status != .disposed else {
                throw LedgerError(.notFound, Reason("seal-object-unknown", ["object": object]))
            }
            let used = try context.tables.firstRow("SELECT object FROM main.seals WHERE seal = ?", .text(seal)) { $0.text(0) }
            if let used { throw LedgerError(.refused, Reason("seal-in-use", ["seal": seal, "object": used])) }
            return SealApplied(object: object, seal: seal)
        }
    }

    static func withSealedScene(_ body: (LedgerStore, StorePaths, _ item: String) async throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let paths = StorePaths(database: directory.appendingPathComponent("ledger.db").path)
            let agency = try Agency(code: "370321", name: "测试县公安局", kind: .police)
            let store = try await LedgerStore.create(paths, agency: agency, profile: .intl, signatures: .optional, modules: [SealModule()])
            try await store.record(.addOfficer(badge: "000001", name: "魏江", unit: nil, role: .supervisor), actor: nil)
            try await store.record(.addOfficer(badge: "000002", name: "李明", unit: nil, role: .officer), actor: "000001")
            try await store.record(.addOfficer(badge: "000003", name: "王强", unit: nil, role: .officer), actor: "000001")
            try await store.record(.openCase(number: "A1", title: "盗窃案", kind: .criminal, isPropertyCrime: true), actor: "000002")
            let item = try await store.record(
                .registerItem(ItemRegistration(caseNumber: "A1", name: "手机", quantity: "1", unit: "部", seizedBy: ["000002", "000003"])),
                actor: "000002")
            try await body(store, paths, try #require(item.entry.event.object))
        }
    }

    @Test func aModuleEntryIsWrittenAppliedAndReplayed() async throws {
        try await Self.withSealedScene { store, paths, item in
            let recorded = try await store.record(actor: "000002") { try SealModule.seal(item, with: "FT-0001", in: $0) }
            #expect(recorded.entry.type == "seal.applied")
            #expect(recorded.entry.actor == "000002")
            let bytes = try await store.entry(at: recorded.index)
            #expect(bytes == recorded.entry.bytes)
            let fields = try JSONSerialization.jsonObject(with: bytes) as? [String: Any]
            #expect(fields?["v"] as? Int == 1)
            #expect(fields?["seal"] as? String == "FT-0001")
            #expect(fields?["object"] as? String == item)
            #expect(try await store.rebuildCheck().isEmpty)
            #expect(try await store.audit().isIntact)

            // The rebuild check covers the module's table: a row changed behind the log's back is found.
            try Database(path: paths.database).execute("UPDATE seals SET object = 'P-0' WHERE seal = 'FT-0001'")
            #expect(
                try await store.rebuildCheck() == [
                    Reason("rebuild-extra-rows", ["table": "seals", "count": "1"]),
                    Reason("rebuild-missing-rows", ["table": "seals", "count": "1"]),
                ])
        }
    }

    @Test func aRefusalOrAFailureLaterInTheTransactionWritesNothing() async throws {
        try await Self.withSealedScene { store, paths, item in
            try await store.record(actor: "000002") { try SealModule.seal(item, with: "FT-0001", in: $0) }
            let size = try await store.size
            await #expect(throws: LedgerError.self) {
                try await store.record(actor: "000002") { try SealModule.seal(item, with: "FT-0001", in: $0) }
            }
            // The second entry sees the first one's row, and refuses: neither is written.
            await #expect(throws: LedgerError.self) {
                try await store.transaction(actor: "000002") { transaction in
                    try transaction.record { try SealModule.seal(item, with: "FT-0002", in: $0) }
                    try transaction.record { try SealModule.seal(item, with: "FT-0002", in: $0) }
                }
            }
            #expect(try await store.size == size)
            let seals = try Database(path: paths.database).rows("SELECT seal FROM seals ORDER BY seal", []) { $0.text(0) }
            #expect(seals == ["FT-0001"])
            #expect(try await store.rebuildCheck().isEmpty)
        }
    }

    @Test func migrationsAreAppliedOnceAndInOrder() async throws {
        try await Self.withSealedScene { _, paths, _ in
            _ = try await LedgerStore.open(paths, modules: [SealModule()])
            let database = try Database(path: paths.database)
            let applied = try database.rows("SELECT position, name FROM module_migrations ORDER BY position", []) {
                "\($0.int(0)) \($0.text(1))"
            }
            #expect(applied == ["0 1-seals", "1 2-seals-by-object"])

            // A store migrated by a version of the module this one does not know is refused.
            var older = SealModule()
            older.migrations = [SchemaMigration("1-other") { _ in "" }]
            await #expect(throws: LedgerError.self) { try await LedgerStore.open(paths, modules: [older]) }
        }
    }

    @Test func aStoreOpenedWithoutTheModuleSaysSoInTheRebuildCheck() async throws {
        try await Self.withSealedScene { store, paths, item in
            let recorded = try await store.record(actor: "000002") { try SealModule.seal(item, with: "FT-0001", in: $0) }
            let bare = try await LedgerStore.open(paths)
            #expect(
                try await bare.rebuildCheck() == [
                    Reason("rebuild-entry-unknown", ["index": String(recorded.index), "type": "seal.applied"])
                ])
        }
    }

    @Test func clashingModulesAreRefused() async throws {
        var core = SealModule()
        core.entryTypes = ["custody.moved"]
        #expect(throws: LedgerError.self) { try ModuleRegistry([core]) }
        var twin = SealModule()
        twin.name = "other-seals"
        #expect(throws: LedgerError.self) { try ModuleRegistry([SealModule(), twin]) }
        var badName = SealModule()
        badName.name = "Seals!"
        #expect(throws: LedgerError.self) { try ModuleRegistry([badName]) }
    }

    /// Every type the core writes is reserved, so no module can claim one.
    @Test func everyCoreEntryTypeIsReserved() async throws {
        try await CustodyTests.withScene { store, item, _ in
            try await store.record(.bindChip(object: item, uid: "04A1B2C3"), actor: "000004", at: CustodyTests.now)
            for index in 0..<(try await store.size) {
                let type = try LoggedEntry(decoding: try await store.entry(at: index)).type
                #expect(ModuleRegistry.coreTypes.contains(type), "\(type)")
            }
        }
        let sample: [CustodyEvent] = [
            .caseSolved(CaseStatusChanged(case: "A", note: nil)), .caseClosed(CaseStatusChanged(case: "A", note: nil)),
        ]
        for event in sample { #expect(ModuleRegistry.coreTypes.contains(event.type)) }
    }
}

extension ModuleTests {
    /// A module entry and custody commands in one transaction: a refusal of the last undoes them all.
    @Test func custodyAndModuleEntriesShareOneTransaction() async throws {
        try await Self.withSealedScene { store, paths, item in
            try await store.record(.addOfficer(badge: "000004", name: "张丽", unit: nil, role: .clerk), actor: "000001")
            try await store.record(.addLocation(code: "ROOM-1", name: "保管室", kind: .room, parent: nil, isCentral: false), actor: "000004")
            let size = try await store.size
            await #expect(throws: LedgerError.self) {
                try await store.transaction(actor: "000004") { transaction in
                    try transaction.record(.checkIn(object: item, location: "ROOM-1", caseNumber: nil))
                    try transaction.record { try SealModule.seal(item, with: "FT-0009", in: $0) }
                    try transaction.record(.checkIn(object: item, location: "ROOM-1", caseNumber: nil))  // already in storage
                }
            }
            #expect(try await store.size == size)
            #expect(try await store.object(item).status == .registered)
            let written = try await store.transaction(actor: "000004") { transaction in
                [
                    try transaction.record(.checkIn(object: item, location: "ROOM-1", caseNumber: nil)).index,
                    try transaction.record { try SealModule.seal(item, with: "FT-0009", in: $0) }.index,
                ]
            }
            #expect(written == [size, size + 1])
            #expect(try await store.object(item).status == .inStorage)
            let seals = try Database(path: paths.database).rows("SELECT seal FROM seals", []) { $0.text(0) }
            #expect(seals == ["FT-0009"])
            #expect(try await store.rebuildCheck().isEmpty)
        }
    }
}
