import Foundation
import Testing

@testable import PropertyLedger

/// The custody workflow in the library: a bicycle-theft case end to end, and every rule's refusal, each of
/// which must leave the log and the projections exactly as they were.
struct CustodyTests {
    static let caseNumber = "A3703210500002026110001"
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

    /// A store with a supervisor (000001), two officers (000002, 000003), a clerk (000004), a room and a
    /// cabinet, an open property-crime case, one item (checked in to CAB-01) and one registered dossier.
    static func withScene(_ body: (LedgerStore, _ item: String, _ dossier: String) async throws -> Void) async throws {
        try await withTemporaryStore(profile: .gm) { store, _ in
            try await store.record(.addOfficer(badge: "000001", name: "魏江", unit: "法制大队", role: .supervisor), actor: nil, at: now)
            try await store.record(.addOfficer(badge: "000002", name: "李明", unit: "刑侦大队", role: .officer), actor: "000001", at: now)
            try await store.record(.addOfficer(badge: "000003", name: "王强", unit: "刑侦大队", role: .officer), actor: "000001", at: now)
            try await store.record(.addOfficer(badge: "000004", name: "张丽", unit: "涉案财物管理中心", role: .clerk), actor: "000001", at: now)
            try await store.record(
                .addLocation(code: "ROOM-1", name: "涉案财物保管室", kind: .room, parent: nil, isCentral: false), actor: "000004", at: now)
            try await store.record(
                .addLocation(code: "CAB-01", name: "智能柜01", kind: .cabinet, parent: "ROOM-1", isCentral: false), actor: "000004", at: now)
            try await store.record(
                .openCase(number: caseNumber, title: "自行车被盗案", kind: .criminal, isPropertyCrime: true), actor: "000002", at: now)
            let item = try await store.record(
                .registerItem(
                    ItemRegistration(
                        caseNumber: caseNumber, name: "自行车", quantity: "1", unit: "辆", features: "黑色 山地车", seizedBy: ["000002", "000003"])),
                actor: "000002", at: now)
            let dossier = try await store.record(
                .registerDossier(DossierRegistration(caseNumber: caseNumber, volume: 1, volumes: 1, pages: 57)), actor: "000002", at: now)
            guard case .itemRegistered(let registered) = item.entry.event, case .dossierRegistered(let volume) = dossier.entry.event else {
                Issue.record("registrations did not record registrations")
                return
            }
            try await store.record(.checkIn(object: registered.id, location: "CAB-01", caseNumber: nil), actor: "000004", at: now)
            try await body(store, registered.id, volume.id)
        }
    }

    @Test func bicycleTheftCaseEndToEnd() async throws {
        try await Self.withScene { store, item, dossier in
            #expect(item == "P-370321-2026-000001")
            #expect(dossier == "D-370321-2026-000001")
            try await store.record(.bindChip(object: item, uid: "04:a1:b2:c3:d4:e5:80"), actor: "000004", at: Self.now)
            #expect(try await store.object("chip:04A1B2C3D4E580").id == item)

            let due = Self.now.addingTimeInterval(3 * 86_400)
            try await store.record(
                .checkOut(
                    object: "chip:04A1B2C3D4E580", to: "000002", reason: .appraisal, approvedBy: "000001", due: due, note: nil,
                    caseNumber: Self.caseNumber),
                actor: "000004", at: Self.now)
            var object = try await store.object(item)
            #expect(object.status == .checkedOut)
            #expect(object.holder == "000002")
            #expect(object.location == nil)
            #expect(!object.isOverdue(at: Timestamp.string(Self.now)))
            #expect(object.isOverdue(at: Timestamp.string(due.addingTimeInterval(1))))
            let overdue = try await store.objects(matching: ObjectFilter(isOverdue: true), now: due.addingTimeInterval(60))
            #expect(overdue.map(\.id) == [item])

            try await store.record(
                .returnObject(object: item, location: "CAB-01", condition: "完好", by: nil, caseNumber: nil), actor: "000004", at: Self.now)
            let registration = try await store.history(of: item)[0].index
            let correction = try await store.record(
                .correct(index: registration, field: "features", value: "黑色 山地车 车架号 WX123", reason: "登记时漏记车架号"), actor: "000004",
                at: Self.now)
            guard case .corrected(let corrected) = correction.entry.event else {
                throw LedgerError(.invalidInput, Reason("test-not-a-correction"))
            }
            #expect(corrected.old == "黑色 山地车")
            #expect(corrected.new == "黑色 山地车 车架号 WX123")
            object = try await store.object(item)
            #expect(object.status == .inStorage)
            #expect(object.location == "CAB-01")
            #expect(object.item?.features == "黑色 山地车 车架号 WX123")

            let history = try await store.history(of: item)
            #expect(
                history.map(\.entry.event.type) == [
                    "item.registered", "custody.checked-in", "chip.bound", "custody.checked-out", "custody.returned", "correction",
                ])
            #expect(try await store.objects(matching: ObjectFilter(location: "ROOM-1")).map(\.id) == [item])
            #expect(try await store.objects(matching: ObjectFilter(caseNumber: Self.caseNumber)).count == 2)
            #expect(try await store.rebuildCheck() == [])
            #expect(try await store.audit().isIntact)

            try await store.record(
                .dispose(object: item, method: .returnedToOwner, approvedBy: "000001", recipient: "失主 赵先生", note: nil, caseNumber: nil),
                actor: "000004", at: Self.now)
            #expect(try await store.object(item).status == .disposed)
            // The chip is free again once its object has left custody.
            try await store.record(.bindChip(object: dossier, uid: "04A1B2C3D4E580"), actor: "000004", at: Self.now)
            #expect(try await store.rebuildCheck() == [])
        }
    }

    /// Each refused command: the error kind, a message fragment, and nothing written anywhere.
    @Test func everyRuleRefusesAndWritesNothing() async throws {
        try await Self.withScene { store, item, dossier in
            try await store.record(.bindChip(object: item, uid: "04A1B2C3D4E580"), actor: "000004", at: Self.now)
            let due = Self.now.addingTimeInterval(86_400)
            let register = { (seizers: [String]) in
                CustodyCommand.registerItem(
                    ItemRegistration(caseNumber: Self.caseNumber, name: "手机", quantity: "1", unit: "部", seizedBy: seizers))
            }
            let cases: [(String, CustodyCommand, String?, LedgerError.Code, String)] = [
                (
                    "chip bound to two live objects", .bindChip(object: dossier, uid: "04a1b2c3d4e580"), "000004", .refused,
                    "chip-bound-elsewhere"
                ),
                (
                    "check-out of an object not in storage",
                    .checkOut(
                        object: dossier, to: "000002", reason: .examination, approvedBy: "000001", due: due, note: nil, caseNumber: nil),
                    "000004", .refused, "object-not-stored-yet"
                ),
                (
                    "return of an object not checked out",
                    .returnObject(object: item, location: "CAB-01", condition: "完好", by: "000002", caseNumber: nil), "000004", .refused,
                    "object-not-checked-out"
                ),
                (
                    "check-in of an object already in storage", .checkIn(object: item, location: "CAB-01", caseNumber: nil), "000004",
                    .refused, "object-not-new"
                ),
                (
                    "approver equals recipient",
                    .checkOut(object: item, to: "000001", reason: .court, approvedBy: "000001", due: due, note: nil, caseNumber: nil),
                    "000004", .refused, "approver-is-recipient"
                ),
                (
                    "an officer approving",
                    .checkOut(object: item, to: "000002", reason: .court, approvedBy: "000003", due: due, note: nil, caseNumber: nil),
                    "000004", .refused, "officer-lacks-role"
                ),
                (
                    "a clerk approving",
                    .checkOut(object: item, to: "000002", reason: .court, approvedBy: "000004", due: due, note: nil, caseNumber: nil),
                    "000004", .refused, "officer-lacks-role"
                ),
                (
                    "disposal of a dossier",
                    .dispose(object: dossier, method: .destroyed, approvedBy: "000001", recipient: nil, note: nil, caseNumber: nil),
                    "000004", .refused, "dossier-not-disposable"
                ),
                (
                    "return to an officer",
                    .dispose(object: item, method: .returnedToOwner, approvedBy: "000001", recipient: "李明", note: nil, caseNumber: nil),
                    "000004", .refused, "recipient-is-officer"
                ),
                ("fewer than two seizing officers", register(["000002"]), "000002", .refused, "too-few-seizers"),
                ("the same officer twice", register(["000002", "000002"]), "000002", .refused, "too-few-seizers"),
                (
                    "an unknown actor", .checkIn(object: dossier, location: "CAB-01", caseNumber: nil), "999999", .refused,
                    "officer-unknown"
                ),
                ("no actor", .checkIn(object: dossier, location: "CAB-01", caseNumber: nil), nil, .refused, "actor-required"),
                (
                    "an officer doing the clerk's work", .checkIn(object: dossier, location: "CAB-01", caseNumber: nil), "000002", .refused,
                    "actor-lacks-role"
                ),
                (
                    "a location that does not exist", .checkIn(object: dossier, location: "CAB-99", caseNumber: nil), "000004", .notFound,
                    "location-not-found"
                ),
                (
                    "an object of another case", .checkIn(object: dossier, location: "CAB-01", caseNumber: "A0000000000000000000001"),
                    "000004", .refused, "object-in-other-case"
                ),
                (
                    "a due time in the past",
                    .checkOut(
                        object: item, to: "000002", reason: .court, approvedBy: "000001", due: Self.now.addingTimeInterval(-60), note: nil,
                        caseNumber: nil), "000004", .refused, "due-not-in-future"
                ),
                (
                    "a national ID number in a description", register(["000002", "000003"]).withName("手机 失主身份证 370321199001011231"),
                    "000002", .refused, "personal-number"
                ),
                (
                    "a phone number in a recipient",
                    .dispose(
                        object: item, method: .returnedToOwner, approvedBy: "000001", recipient: "赵先生 13912345678", note: nil,
                        caseNumber: nil), "000004", .refused, "personal-number"
                ),
                (
                    "an uncorrectable field", .correct(index: 8, field: "case", value: "X", reason: "r"), "000004", .refused,
                    "field-not-correctable"
                ),
                (
                    "an unknown object", .move(object: "P-370321-2026-999999", location: "CAB-01", reason: nil, caseNumber: nil), "000004",
                    .notFound, "object-not-found"
                ),
            ]
            let sizeBefore = try await store.size
            let projectionsBefore = try await store.projectionDump()
            for (rule, command, actor, code, reason) in cases {
                let error = await #expect(throws: LedgerError.self, "\(rule)") {
                    try await store.record(command, actor: actor, at: Self.now)
                }
                #expect(error?.code == code, "\(rule): \(error.map { "\($0.code): \($0.reason)" } ?? "accepted")")
                #expect(error?.reason.id == reason, "\(rule): \(error?.reason.description ?? "")")
                #expect(try await store.size == sizeBefore, "\(rule) wrote to the log")
                #expect(try await store.projectionDump() == projectionsBefore, "\(rule) changed the projections")
            }

            // A retired officer can do nothing: not act, receive, approve or seize.
            try await store.record(.retireOfficer(badge: "000003", reason: "调离"), actor: "000001", at: Self.now)
            let size = try await store.size
            for (command, actor) in [
                (
                    CustodyCommand.checkOut(
                        object: item, to: "000003", reason: .court, approvedBy: "000001", due: due, note: nil, caseNumber: nil), "000004"
                ),
                (register(["000002", "000003"]), "000002"),
                (.openCase(number: "A1", title: "x", kind: .criminal, isPropertyCrime: false), "000003"),
            ] as [(CustodyCommand, String)] {
                let error = await #expect(throws: LedgerError.self) { try await store.record(command, actor: actor, at: Self.now) }
                #expect(error?.reason.id == "officer-retired", "\(error?.reason.description ?? "")")
            }
            #expect(try await store.size == size)
            #expect(try await store.rebuildCheck() == [])
        }
    }

    @Test func chineseTextRoundTripsExactly() async throws {
        try await Self.withScene { store, item, _ in
            let text = "黑色 山地车，车把缠有红色胶带；“捷安特”牌 ATX-770 型 𠀋"
            let registration = try await store.history(of: item)[0].index
            try await store.record(
                .correct(index: registration, field: "features", value: text, reason: "补充特征（核对实物）"), actor: "000004", at: Self.now)
            #expect(try await store.object(item).item?.features == text)
            let last = try #require(try await store.history(of: item).last)
            #expect(String(decoding: last.bytes, as: UTF8.self).contains(text))
            #expect(try await store.entry(at: last.index) == last.bytes)
        }
    }

    @Test func idsCountUpPerYearAndAgency() async throws {
        try await Self.withScene { store, _, _ in
            let next = try await store.record(
                .registerItem(
                    ItemRegistration(caseNumber: Self.caseNumber, name: "手机", quantity: "2", unit: "部", seizedBy: ["000002", "000003"])),
                actor: "000002", at: Self.now)
            #expect(next.entry.event.object == "P-370321-2026-000002")
            let nextYear = try await store.record(
                .registerItem(
                    ItemRegistration(caseNumber: Self.caseNumber, name: "钱包", quantity: "1", unit: "个", seizedBy: ["000002", "000003"])),
                actor: "000002", at: Self.now.addingTimeInterval(60 * 86_400))
            #expect(nextYear.entry.event.object == "P-370321-2027-000001")
        }
    }
}

extension CustodyCommand {
    fileprivate func withName(_ name: String) -> CustodyCommand {
        guard case .registerItem(var registration) = self else { return self }
        registration.name = name
        return .registerItem(registration)
    }
}

extension LedgerStore {
    /// Every row of every projection table, for showing that a refused command changed nothing.
    func projectionDump() throws -> [String] {
        var rows: [String] = []
        for table in Schema.projectionTableNames {
            rows += try database.rows("SELECT * FROM \(table)") { row in
                (0..<row.columnCount).map { row.text($0) }.joined(separator: "|")
            }.map { "\(table): \($0)" }
        }
        return rows.sorted()
    }
}

struct BatchRecordTests {
    @Test func aBatchIsAllOrNothing() async throws {
        try await CustodyTests.withScene { store, item, dossier in
            let size = try await store.size
            let good: [CustodyCommand] = [
                .bindChip(object: item, uid: "04000001"), .checkIn(object: dossier, location: "CAB-01", caseNumber: nil),
            ]
            // The second command is valid only after the first: the batch sees its own writes.
            let refused = await #expect(throws: LedgerError.self) {
                try await store.record(contentsOf: good + [.bindChip(object: dossier, uid: "04000001")], actor: "000004")
            }
            #expect(refused?.reason == Reason("chip-bound-elsewhere", ["chip": "04000001", "object": item]))
            #expect(try await store.size == size)
            let recorded = try await store.record(contentsOf: good, actor: "000004")
            #expect(recorded.map(\.index) == [size, size + 1])
            #expect(try await store.rebuildCheck() == [])
        }
    }
}
