import DossierVault
import Foundation
import Testing

@testable import PropertyLedger

/// A store served by DossierVault in a temporary directory, with the people and places every vault test needs:
/// supervisors S1 and S2, officers O1 and O2 (of unit 刑侦大队), clerk C1; a station room ROOM with cabinet CAB,
/// and central storage CENTRAL (a room) with cabinet CENTRAL-CAB, both central.
struct VaultScene {
    let store: LedgerStore
    let paths: StorePaths
    let agency: Agency

    static let unit = "刑侦大队"
    /// 2026-01-05T00:00:00Z, a Monday: the scene's people and places are recorded then.
    static let start = date("2026-01-05T00:00:00Z")

    static func date(_ text: String) -> Date {
        guard let date = Timestamp.storedDate(text) else { preconditionFailure("not a stored time: \(text)") }
        return date
    }

    /// Runs `body` on a fresh scene at an agency of `kind` in `zone`.
    static func with(
        kind: Agency.Kind = .police, zone: String = "Asia/Shanghai", at start: Date = VaultScene.start,
        _ body: (VaultScene) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vault-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = StorePaths(database: directory.appendingPathComponent("ledger.db").path)
        let agency = try Agency(code: "370321", name: "测试县公安局", kind: kind, zone: zone)
        let store = try await LedgerStore.create(
            paths, agency: agency, profile: .intl, signatures: .optional, modules: [DossierVault()], now: start)
        let scene = VaultScene(store: store, paths: paths, agency: agency)
        try await scene.setUp(at: start)
        try await body(scene)
    }

    private func setUp(at date: Date) async throws {
        try await store.record(.addOfficer(badge: "S1", name: "魏江", unit: "法制大队", role: .supervisor), actor: nil, at: date)
        try await store.record(
            contentsOf: [
                .addOfficer(badge: "S2", name: "赵敏", unit: "法制大队", role: .supervisor),
                .addOfficer(badge: "O1", name: "李明", unit: Self.unit, role: .officer),
                .addOfficer(badge: "O2", name: "王强", unit: Self.unit, role: .officer),
                .addOfficer(badge: "C1", name: "张丽", unit: "案管中心", role: .clerk),
            ], actor: "S1", at: date)
        try await store.record(
            contentsOf: [
                .addLocation(code: "ROOM", name: "派出所案管室", kind: .room, parent: nil, isCentral: false),
                .addLocation(code: "CAB", name: "智能柜", kind: .cabinet, parent: "ROOM", isCentral: false),
                .addLocation(code: "CENTRAL", name: "案管中心", kind: .room, parent: nil, isCentral: true),
                .addLocation(code: "CENTRAL-CAB", name: "案管中心案卷柜", kind: .cabinet, parent: "CENTRAL", isCentral: true),
            ], actor: "C1", at: date)
    }

    // MARK: Commands

    @discardableResult
    func record(_ command: CustodyCommand, by actor: String, at date: Date) async throws -> RecordedEntry {
        try await store.record(command, actor: actor, at: date)
    }

    func openCase(
        _ number: String, kind: CaseKind = .criminal, propertyCrime: Bool = true, unit: String? = nil, at date: Date
    ) async throws {
        try await record(
            .openCase(number: number, title: "案件\(number)", kind: kind, isPropertyCrime: propertyCrime, unit: unit), by: "O1", at: date)
    }

    func registerDossier(_ caseNumber: String, at date: Date) async throws -> String {
        let recorded = try await record(
            .registerDossier(DossierRegistration(caseNumber: caseNumber, volume: 1, volumes: 1, pages: 20)), by: "O1", at: date)
        return try #require(recorded.entry.event.object)
    }

    func registerItem(_ caseNumber: String, seizedAt: Date? = nil, at date: Date) async throws -> String {
        let recorded = try await record(
            .registerItem(
                ItemRegistration(caseNumber: caseNumber, name: "手机", quantity: "1", unit: "部", seizedAt: seizedAt, seizedBy: ["O1", "O2"])),
            by: "O1", at: date)
        return try #require(recorded.entry.event.object)
    }

    func checkIn(_ object: String, to location: String, at date: Date) async throws {
        try await record(.checkIn(object: object, location: location, caseNumber: nil), by: "C1", at: date)
    }

    func checkOut(_ object: String, due: Date, at date: Date) async throws {
        try await record(
            .checkOut(object: object, to: "O1", reason: .examination, approvedBy: "S1", due: due, note: nil, caseNumber: nil), by: "C1",
            at: date)
    }

    func returnObject(_ object: String, to location: String, at date: Date) async throws {
        try await record(.returnObject(object: object, location: location, condition: "完好", by: nil, caseNumber: nil), by: "C1", at: date)
    }

    func move(_ object: String, to location: String, at date: Date) async throws {
        try await record(.move(object: object, location: location, reason: nil, caseNumber: nil), by: "C1", at: date)
    }

    @discardableResult
    func setPolicy(_ parameter: String, _ value: String, by actor: String = "S1", at date: Date) async throws -> RecordedModuleEntry {
        try await store.record(actor: actor, at: date) { context in
            try PolicySet.decide(try PolicyParameter.named(parameter), value: value, reason: "测试调整", in: context)
        }
    }

    @discardableResult
    func markUnrelated(_ object: String, by actor: String = "C1", at date: Date) async throws -> RecordedModuleEntry {
        try await store.record(actor: actor, at: date) { context in
            try ItemUnrelated.decide(object, reason: "经查与本案无关", in: context)
        }
    }

    // MARK: Reading

    func deadlines(asOf: Date, filter: DeadlineFilter = DeadlineFilter()) async throws -> [Deadline] {
        try await store.read { try DossierVault.deadlines(in: $0, asOf: asOf, filter: filter) }
    }

    func deadlines(of object: String, asOf: Date) async throws -> [Deadline] {
        try await store.read { try DossierVault.deadlines(of: object, in: $0, asOf: asOf) }
    }

    func sweep(asOf: Date, unit: String? = nil) async throws -> [SweepItem] {
        try await store.read { try DossierVault.sweep(in: $0, asOf: asOf, unit: unit) }
    }

    func policy(at date: Date) async throws -> Policy {
        try await store.read { try DossierVault.policy(in: $0, at: date) }
    }

    /// Every row of every table the log projects into (the core's and the vault's), sorted, and the log's size.
    func dump() async throws -> [String] {
        let database = try Database(path: paths.database)
        var rows = ["size \(try await store.size)"]
        for table in Schema.projectionTableNames + DossierVault().projectionTables {
            rows += try database.rows("SELECT * FROM \(table)") { row in
                (0..<row.columnCount).map { row.isNull($0) ? "∅" : row.text($0) }.joined(separator: "|")
            }.map { "\(table): \($0)" }.sorted()
        }
        return rows
    }

    /// Expects `body` to be refused with `code` and `reason`, writing nothing.
    func expectRefusal(
        _ code: LedgerError.Code, _ reason: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
    ) async throws {
        let before = try await dump()
        let error = await #expect(throws: LedgerError.self, sourceLocation: sourceLocation) { try await body() }
        #expect(error?.code == code, "\(error.map { "\($0.code)" } ?? "accepted")", sourceLocation: sourceLocation)
        #expect(error?.reason.id == reason, "\(error?.reason.description ?? "accepted") is not \(reason)", sourceLocation: sourceLocation)
        #expect(try await dump() == before, "a refusal wrote something", sourceLocation: sourceLocation)
    }

    /// The rebuild check finds nothing: the projections, the vault's included, are what the log says.
    func expectRebuildClean(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        #expect(try await store.rebuildCheck() == [], sourceLocation: sourceLocation)
    }
}
