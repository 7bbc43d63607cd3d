import Foundation
import PropertyLedger
import Testing

@testable import DossierVault

/// A store that served an earlier DossierVault (only the notable entries' table) gains the rest when opened with
/// this one: the check-outs already out get their start from the log, and the rebuild check agrees.
struct VaultMigrationTests {
    /// DossierVault as it first shipped: one migration, one part.
    struct FirstVault: LedgerModule {
        var name: String { "dossier-vault" }
        var entryTypes: Set<String> { [] }
        var migrations: [SchemaMigration] { [NotableEntries.table] }
        var projectionTables: [String] { NotableEntries().projectionTables }
        func apply(_ entry: LoggedEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {}
        func observe(_ entry: CustodyEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {
            try NotableEntries().observe(entry, at: index, to: tables)
        }
    }

    @Test func anEarlierVaultsStoreIsBroughtUpToDate() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vault-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = StorePaths(database: directory.appendingPathComponent("ledger.db").path)
        let now = VaultScene.date("2026-02-01T02:00:00Z")
        let checkedOutAt = now.addingTimeInterval(600)
        let due = now.addingTimeInterval(86_400)
        var item = ""
        do {
            let agency = try Agency(code: "370321", name: "测试县公安局", kind: .police)
            let store = try await LedgerStore.create(
                paths, agency: agency, profile: .intl, signatures: .optional, modules: [FirstVault()], now: now)
            try await store.record(.addOfficer(badge: "S1", name: "魏江", unit: nil, role: .supervisor), actor: nil, at: now)
            try await store.record(
                contentsOf: [
                    .addOfficer(badge: "O1", name: "李明", unit: "刑侦大队", role: .officer),
                    .addOfficer(badge: "O2", name: "王强", unit: "刑侦大队", role: .officer),
                    .addOfficer(badge: "C1", name: "张丽", unit: nil, role: .clerk),
                ], actor: "S1", at: now)
            try await store.record(
                .addLocation(code: "ROOM", name: "保管室", kind: .room, parent: nil, isCentral: false), actor: "C1", at: now)
            try await store.record(.openCase(number: "A1", title: "盗窃案", kind: .criminal, isPropertyCrime: true), actor: "O1", at: now)
            let registered = try await store.record(
                .registerItem(ItemRegistration(caseNumber: "A1", name: "手机", quantity: "1", unit: "部", seizedBy: ["O1", "O2"])),
                actor: "O1",
                at: now)
            item = try #require(registered.entry.event.object)
            try await store.record(.checkIn(object: item, location: "ROOM", caseNumber: nil), actor: "C1", at: now)
            for at in [now.addingTimeInterval(60), checkedOutAt] {
                try await store.record(
                    .checkOut(object: item, to: "O1", reason: .appraisal, approvedBy: "S1", due: due, note: nil, caseNumber: nil),
                    actor: "C1",
                    at: at)
                if at != checkedOutAt {
                    try await store.record(
                        .returnObject(object: item, location: "ROOM", condition: "完好", by: nil, caseNumber: nil), actor: "C1", at: at)
                }
            }
        }
        let store = try await LedgerStore.open(paths, modules: [DossierVault()])
        let deadlines = try await store.read { try DossierVault.deadlines(in: $0, asOf: now) }
        #expect(deadlines.map(\.rule) == [.checkoutDue])
        #expect(deadlines.map(\.since) == [checkedOutAt])
        #expect(try await store.rebuildCheck() == [])
    }
}
