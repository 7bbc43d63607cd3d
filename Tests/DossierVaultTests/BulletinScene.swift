import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger
import Testing

/// A fixed store for the bulletin tests, built by real commands at fixed times: three units (刑警大队,
/// 城关派出所, and a case without one), a check-out overdue, an item not checked in in time and one nearly
/// due, dossiers the one-month rule wants in central storage, a stocktake with a missing, a misplaced and an
/// unknown tag, and corrections on the day and the day before. The bulletin is for 2026-12-01, computed at
/// 09:30 (Asia/Shanghai).
///
/// The deadlines are built here from what the store holds (the rules that compute them are another part of
/// DossierVault): each for an object that really is in the store, graded at the bulletin's time.
struct BulletinScene {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    static let day = BulletinDay(year: 2026, month: 12, day: 1)!
    static let now = time("2026-12-01T09:30:00+08:00")

    let store: LedgerStore
    let paths: StorePaths
    /// The objects, by role in the scene.
    let bicycle: String, phone: String, cash: String, laptop: String
    let untitledDossier: String, unitlessDossier: String, greenDossier: String

    /// The object an entry registered.
    static func objectID(of entry: RecordedEntry) throws -> String {
        try #require(entry.entry.event.object)
    }

    static func time(_ text: String) -> Date {
        try! Timestamp.parse(text, zone: zone)
    }

    /// A fresh directory for one test, removed afterwards.
    static func withDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(directory)
    }

    /// The scene in a fresh store in a temporary directory.
    static func with<T>(_ body: (BulletinScene) async throws -> T) async throws -> T {
        try await withDirectory { directory in
            try await body(try await make(in: directory))
        }
    }

    static func make(in directory: URL, itemName: String = "黑色华为手机（屏幕碎裂，背面有划痕，附带透明保护壳及充电线一根）") async throws
        -> BulletinScene
    {
        let paths = StorePaths(database: directory.appendingPathComponent("ledger.db").path)
        let agency = try Agency(code: "370321", name: "测试县公安局", kind: .police, zone: "Asia/Shanghai")
        let store = try await LedgerStore.create(
            paths, agency: agency, profile: .intl, signatures: .optional, modules: [DossierVault()], now: time("2026-10-20T08:00:00+08:00"))

        func record(_ command: CustodyCommand, by actor: String?, at text: String) async throws -> RecordedEntry {
            try await store.record(command, actor: actor, at: time(text))
        }
        let setup = "2026-10-20T08:10:00+08:00"
        _ = try await record(.addOfficer(badge: "000001", name: "魏江", unit: "法制大队", role: .supervisor), by: nil, at: setup)
        for (badge, name, unit, role) in [
            ("000002", "李明", "刑警大队", Role.officer), ("000003", "王强", "刑警大队", .officer), ("000004", "张丽", "案管中心", .clerk),
            ("000005", "赵敏", "城关派出所", .officer), ("000006", "孙悦", nil, .officer),
        ] {
            _ = try await record(.addOfficer(badge: badge, name: name, unit: unit, role: role), by: "000001", at: setup)
        }
        _ = try await record(
            .addLocation(code: "ROOM-1", name: "涉案财物保管室", kind: .room, parent: nil, isCentral: false), by: "000004", at: setup)
        _ = try await record(
            .addLocation(code: "CAB-01", name: "智能柜01", kind: .cabinet, parent: "ROOM-1", isCentral: false), by: "000004", at: setup)
        _ = try await record(
            .addLocation(code: "CENTRAL", name: "案管中心集中库", kind: .room, parent: nil, isCentral: true), by: "000004", at: setup)

        let theft = "A3703210500002026100001"
        let phoneTheft = "A3703210500002026110002"
        let unitless = "A3703210500002026110003"
        _ = try await record(
            .openCase(number: theft, title: "自行车被盗案", kind: .criminal, isPropertyCrime: true, unit: "刑警大队"), by: "000002",
            at: "2026-10-20T09:00:00+08:00")
        _ = try await record(
            .openCase(number: unitless, title: "无单位案件", kind: .criminal, isPropertyCrime: true), by: "000006",
            at: "2026-11-01T10:00:00+08:00")
        _ = try await record(
            .openCase(number: phoneTheft, title: "手机被盗案", kind: .administrative, isPropertyCrime: true, unit: "城关派出所"), by: "000005",
            at: "2026-11-15T10:00:00+08:00")

        func register(_ name: String, _ caseNumber: String, seizedBy: [String], seized: String) async throws -> String {
            let entry = try await record(
                .registerItem(
                    ItemRegistration(
                        caseNumber: caseNumber, name: name, quantity: "1", unit: "件", seizedAt: time(seized), seizedBy: seizedBy)),
                by: seizedBy[0], at: seized)
            return try objectID(of: entry)
        }
        func dossier(_ caseNumber: String, title: String?, by actor: String, at text: String) async throws -> String {
            let entry = try await record(
                .registerDossier(DossierRegistration(caseNumber: caseNumber, title: title, volume: 1, volumes: 1, pages: 57)), by: actor,
                at: text)
            return try objectID(of: entry)
        }

        let bicycle = try await register("自行车", theft, seizedBy: ["000002", "000003"], seized: "2026-10-20T10:00:00+08:00")
        let laptop = try await register("笔记本电脑", theft, seizedBy: ["000002", "000003"], seized: "2026-10-20T10:05:00+08:00")
        let untitledDossier = try await dossier(theft, title: nil, by: "000002", at: "2026-10-20T11:00:00+08:00")
        let unitlessDossier = try await dossier(unitless, title: "无单位案件卷宗", by: "000006", at: "2026-11-01T11:00:00+08:00")
        let greenDossier = try await dossier(phoneTheft, title: "手机被盗案卷宗", by: "000005", at: "2026-11-15T11:00:00+08:00")

        let clerk = "000004"
        _ = try await record(.checkIn(object: bicycle, location: "CAB-01", caseNumber: nil), by: clerk, at: "2026-10-20T12:00:00+08:00")
        _ = try await record(.checkIn(object: laptop, location: "ROOM-1", caseNumber: nil), by: clerk, at: "2026-10-20T12:05:00+08:00")
        _ = try await record(
            .checkIn(object: untitledDossier, location: "CAB-01", caseNumber: nil), by: clerk, at: "2026-10-20T12:10:00+08:00")
        _ = try await record(
            .checkIn(object: unitlessDossier, location: "ROOM-1", caseNumber: nil), by: clerk, at: "2026-11-01T12:00:00+08:00")
        _ = try await record(
            .checkIn(object: greenDossier, location: "CAB-01", caseNumber: nil), by: clerk, at: "2026-11-15T12:00:00+08:00")
        _ = try await record(.bindChip(object: untitledDossier, uid: "04A1B2C3D4E501"), by: clerk, at: "2026-10-20T12:15:00+08:00")
        _ = try await record(.bindChip(object: laptop, uid: "04A1B2C3D4E503"), by: clerk, at: "2026-10-20T12:16:00+08:00")
        _ = try await record(.bindChip(object: greenDossier, uid: "04A1B2C3D4E505"), by: clerk, at: "2026-11-15T12:05:00+08:00")
        _ = try await record(
            .checkOut(
                object: bicycle, to: "000002", reason: .appraisal, approvedBy: "000001", due: time("2026-11-25T17:00:00+08:00"), note: nil,
                caseNumber: nil), by: clerk, at: "2026-11-20T10:00:00+08:00")

        // Seized on the 30th, not yet handed in: one past the 24 hours at 09:30 on the 1st, one not yet.
        let phone = try await register(itemName, phoneTheft, seizedBy: ["000005", "000003"], seized: "2026-11-30T08:00:00+08:00")
        let cash = try await register("现金", phoneTheft, seizedBy: ["000005", "000003"], seized: "2026-11-30T20:00:00+08:00")

        // A correction the day before, which the bulletin of the 1st leaves out.
        let registration = try #require(try await store.history(of: bicycle).first?.index)
        _ = try await record(
            .correct(index: registration, field: "features", value: "蓝色", reason: "补录特征"), by: clerk, at: "2026-11-30T16:00:00+08:00")
        // The day's stocktake of CAB-01: the dossier missing, the laptop (recorded in ROOM-1) misplaced, a chip unknown.
        _ = try await record(
            .recordStocktake(location: "CAB-01", seenUIDs: ["04A1B2C3D4E503", "04A1B2C3D4E505", "04FFFFFFFFFF99"]), by: clerk,
            at: "2026-12-01T08:00:00+08:00")
        _ = try await record(
            .correct(index: registration, field: "name", value: "山地自行车", reason: "登记时名称不全"), by: clerk, at: "2026-12-01T09:00:00+08:00")

        return BulletinScene(
            store: store, paths: paths, bicycle: bicycle, phone: phone, cash: cash, laptop: laptop, untitledDossier: untitledDossier,
            unitlessDossier: unitlessDossier, greenDossier: greenDossier)
    }

    /// The open deadlines as the rules would report them, for objects of this store, graded at `asOf`
    /// with the default thresholds (yellow within 7 days, orange within 1).
    func deadlines(asOf: Date) -> [Deadline] {
        let day: TimeInterval = 86_400
        func deadline(
            _ rule: RuleID, _ action: Deadline.Action, _ object: String, _ caseNumber: String, _ unit: String?, since: String, due: String,
            location: String? = nil, holder: String? = nil
        ) -> Deadline {
            let due = Self.time(due)
            return Deadline(
                rule: rule, action: action, object: object, caseNumber: caseNumber, unit: unit, since: Self.time(since), due: due,
                location: location, holder: holder, grade: Grade(due: due, now: asOf, yellowWithin: 7 * day, orangeWithin: day))
        }
        return [
            deadline(
                .checkoutDue, .returnOrExtend, bicycle, "A3703210500002026100001", "刑警大队", since: "2026-11-20T10:00:00+08:00",
                due: "2026-11-25T17:00:00+08:00", holder: "000002"),
            deadline(
                .intake, .checkIn, phone, "A3703210500002026110002", "城关派出所", since: "2026-11-30T08:00:00+08:00",
                due: "2026-12-01T08:00:00+08:00"),
            deadline(
                .intake, .checkIn, cash, "A3703210500002026110002", "城关派出所", since: "2026-11-30T20:00:00+08:00",
                due: "2026-12-01T20:00:00+08:00"),
            deadline(
                .centralStorage, .moveToCentralStorage, untitledDossier, "A3703210500002026100001", "刑警大队",
                since: "2026-10-20T09:00:00+08:00", due: "2026-11-20T23:59:59+08:00", location: "CAB-01"),
            deadline(
                .centralStorage, .moveToCentralStorage, unitlessDossier, "A3703210500002026110003", nil, since: "2026-11-01T10:00:00+08:00",
                due: "2026-12-01T23:59:59+08:00", location: "ROOM-1"),
            deadline(
                .centralStorage, .moveToCentralStorage, greenDossier, "A3703210500002026110002", "城关派出所",
                since: "2026-11-15T10:00:00+08:00", due: "2026-12-15T23:59:59+08:00", location: "CAB-01"),
        ]
    }

    /// The bulletin of the scene's day at the scene's time.
    func bulletin(unit: String? = nil, sections: [any BulletinSection] = Bulletin.standardSections) async throws -> Bulletin {
        let scene = self
        return try await Bulletin.compute(from: store, day: Self.day, unit: unit, now: Self.now, sections: sections) { _, asOf in
            scene.deadlines(asOf: asOf)
        }
    }

    /// The store's own origin and root, which differ from store to store (a fresh key, a random origin), as
    /// placeholders, so that a golden file holds everything else exactly.
    func masked(_ text: String, _ bulletin: Bulletin) -> String {
        text.replacingOccurrences(of: bulletin.source.checkpointRootBase64, with: "<ROOT-BASE64>")
            .replacingOccurrences(of: bulletin.source.checkpointRootHex, with: "<ROOT-HEX>")
            .replacingOccurrences(of: bulletin.source.checkpointOrigin, with: "<ORIGIN>")
    }
}

/// Golden files under Tests/DossierVaultTests/Golden, found through #filePath (Bundle.module is fragile on
/// Linux). `UPDATE_GOLDEN=1` rewrites them from the output; otherwise a difference fails the test.
enum BulletinGolden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try actual.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        guard actual != expected else { return }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first =
            zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        Issue.record(
            """
            \(name) differs from the output (UPDATE_GOLDEN=1 rewrites it) at line \(first + 1):
              golden: \(first < expectedLines.count ? String(expectedLines[first]) : "<end>")
              output: \(first < actualLines.count ? String(actualLines[first]) : "<end>")
            """, sourceLocation: sourceLocation)
    }
}
