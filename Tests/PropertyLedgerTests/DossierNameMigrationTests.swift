import Foundation
import Testing

@testable import PropertyLedger

/// Schema version 5: a dossier's projected name is its title or nothing. Versions before it wrote `卷 n/m`
/// (the interface's words) for a volume without a title; opening such a store takes the name again from the
/// registration as projected, so that replaying the log agrees with the live tables.
struct DossierNameMigrationTests {
    @Test func anUntitledDossierHasNoNameInTheProjection() async throws {
        try await CustodyTests.withScene { store, _, dossier in
            let object = try await store.object(dossier)
            #expect(object.name == "")
            #expect(try await store.rebuildCheck().isEmpty)
        }
    }

    @Test func openingAStoreOfVersion4ClearsTheNamesItWrote() async throws {
        try await withTemporaryDirectory { directory in
            let paths = StorePaths(database: directory.appendingPathComponent("ledger.db").path)
            let agency = try Agency(code: "370321", name: "测试县公安局", kind: .police)
            let now = CustodyTests.now
            let number = CustodyTests.caseNumber
            var ids: [String] = []
            do {
                let store = try await LedgerStore.create(paths, agency: agency, profile: .intl, signatures: .optional)
                try await store.record(.addOfficer(badge: "000001", name: "魏江", unit: nil, role: .supervisor), actor: nil, at: now)
                try await store.record(
                    .openCase(number: number, title: "盗窃案", kind: .criminal, isPropertyCrime: true), actor: "000001", at: now)
                for (volume, title) in [(1, nil), (2, "第二卷 证据卷"), (3, nil)] as [(Int, String?)] {
                    let recorded = try await store.record(
                        .registerDossier(DossierRegistration(caseNumber: number, title: title, volume: volume, volumes: 3, pages: 40)),
                        actor: "000001", at: now)
                    ids.append(try #require(recorded.entry.event.object))
                }
                // The third volume's title was added by a correction: its name comes from the corrected details.
                let registration = try #require(try await store.history(of: ids[2]).first?.index)
                try await store.record(
                    .correct(index: registration, field: "title", value: "第三卷 卷宗", reason: "补录标题"), actor: "000001", at: now)
            }
            do {
                // What version 4 had written: the volume in words as the name of the untitled ones.
                let database = try Database(path: paths.database)
                try database.execute("UPDATE objects SET name = '卷 1/3' WHERE id = ?", ids[0])
                try database.execute("UPDATE objects SET name = '卷 3/3' WHERE id = ?", ids[2])
                // Nor had it the columns version 6 adds.
                try database.executeScript(
                    "DROP INDEX cases_by_unit; ALTER TABLE cases DROP COLUMN unit; ALTER TABLE objects DROP COLUMN checked_out_from;")
                try database.setUserVersion(4)
            }
            let store = try await LedgerStore.open(paths)
            #expect(try await store.object(ids[0]).name == "")
            #expect(try await store.object(ids[1]).name == "第二卷 证据卷")
            #expect(try await store.object(ids[2]).name == "第三卷 卷宗")
            #expect(try await store.rebuildCheck().isEmpty)
            #expect(try Database(path: paths.database, readOnly: true).userVersion == Schema.currentVersion)
        }
    }
}
