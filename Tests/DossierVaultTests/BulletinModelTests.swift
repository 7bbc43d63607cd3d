import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger
import Testing

/// What a bulletin holds: what it was computed from, its units and their filter, the day's entries, the
/// sections it is given, and its counts.
struct BulletinModelTests {
    @Test func statesTheLogSizeAndACheckpointSignedAtThatSize() async throws {
        try await BulletinScene.with { scene in
            let before = try await scene.store.checkpointSizes()
            let bulletin = try await scene.bulletin()
            let size = try await scene.store.size
            #expect(bulletin.source.logSize == size)
            #expect(bulletin.source.isCheckpointAtLogSize)
            #expect(bulletin.source.checkpointSize == size)
            #expect(bulletin.source.checkpointOrigin == scene.store.identity.origin)
            #expect(bulletin.source.checkpointRoot == (try await scene.store.root(size: size)))
            // Signed for the bulletin (the log had grown since the last one), and kept in the store.
            #expect(!before.contains(size))
            let signed = try #require(try await scene.store.signedCheckpoint(size: size))
            #expect(signed.checkpoint.rootHash == bulletin.source.checkpointRoot)
            #expect(signed.note.text.contains(bulletin.source.checkpointRootBase64))

            // Checkable later: the log grows, the checkpoint it names still holds at its size.
            try await scene.store.record(.recordProgress(caseNumber: "A3703210500002026100001", note: "调取监控"), actor: "000002")
            #expect(try await scene.store.root(size: size) == bulletin.source.checkpointRoot)
            #expect(try await scene.store.signedCheckpoint(size: size) == signed)

            // Every form states it.
            for format in BulletinFormat.allCases {
                let output = bulletin.rendered(as: format, in: .zh)
                #expect(output.contains(bulletin.source.checkpointRootBase64), "\(format)")
                #expect(output.contains(String(size)), "\(format)")
            }
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(bulletin.rendered(as: .json, in: .en).utf8)) as? [String: Any])
            let log = try #require(json["log"] as? [String: Any])
            let checkpoint = try #require(log["checkpoint"] as? [String: Any])
            #expect(log["size"] as? Int == Int(size))
            #expect(checkpoint["size"] as? Int == Int(size))
            #expect(checkpoint["rootHash"] as? String == signed.checkpoint.rootHash.base64EncodedString())
            #expect(checkpoint["origin"] as? String == scene.store.identity.origin)
        }
    }

    @Test func aStoreThatCannotSignNamesItsLatestCheckpointAndBothSizes() async throws {
        try await BulletinScene.with { scene in
            let signed = try await scene.store.checkpoint()
            // The key is elsewhere (a supervisor's reading copy); the log grows meanwhile.
            try FileManager.default.removeItem(atPath: scene.paths.privateKey)
            try await scene.store.record(.recordProgress(caseNumber: "A3703210500002026100001", note: "调取监控"), actor: "000002")
            let bulletin = try await scene.bulletin()
            #expect(bulletin.source.logSize == (try await scene.store.size))
            #expect(bulletin.source.checkpointSize == Int64(signed.checkpoint.size))
            #expect(bulletin.source.checkpointRoot == signed.checkpoint.rootHash)
            #expect(!bulletin.source.isCheckpointAtLogSize)
            let text = bulletin.rendered(as: .text, in: .en)
            #expect(text.contains("the checkpoint is older than the log this bulletin reads (\(bulletin.source.logSize) entries)"))
            #expect(bulletin.rendered(as: .json, in: .en).contains("\"checkpointAtLogSize\":false"))
        }
    }

    @Test func groupsByHandlingUnitWithUnitUnknownLast() async throws {
        try await BulletinScene.with { scene in
            let bulletin = try await scene.bulletin()
            #expect(bulletin.units.map(\.unit) == ["刑警大队", "城关派出所", nil])
            for unit in bulletin.units {
                for part in unit.parts { #expect(part.rows.allSatisfy { $0.unit == unit.unit }, "\(part.sectionID)") }
            }
            let unknown = try #require(bulletin.units.last)
            let ids = unknown.parts.flatMap(\.rows).map { $0.object?.id ?? $0.subject }
            #expect(ids.contains(scene.unitlessDossier))
            #expect(ids.contains("04FFFFFFFFFF99"))
            // Every unit has every section, empty ones included, in the bulletin's order.
            #expect(bulletin.units.allSatisfy { $0.parts.map(\.sectionID) == Bulletin.standardSections.map(\.id) })
        }
    }

    @Test func aUnitFilterKeepsThatUnitOnly() async throws {
        try await BulletinScene.with { scene in
            let all = try await scene.bulletin()
            let bulletin = try await scene.bulletin(unit: "城关派出所")
            #expect(bulletin.unit == "城关派出所")
            #expect(bulletin.units.map(\.unit) == ["城关派出所"])
            let rows = bulletin.units.flatMap(\.parts).flatMap(\.rows)
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { $0.unit == "城关派出所" })
            #expect(Set(rows.compactMap(\.object?.id)) == [scene.phone, scene.cash])
            // The same rows as that unit's part of the whole bulletin, and counts of that unit only.
            let whole = try #require(all.units.first { $0.unit == "城关派出所" })
            #expect(bulletin.units[0] == whole)
            #expect(bulletin.counts == whole.counts)
            #expect(bulletin.rendered(as: .text, in: .zh).contains("范围      城关派出所"))
            #expect(!bulletin.rendered(as: .text, in: .zh).contains("刑警大队"))

            // A unit with nothing to report is still there, with nothing to report.
            let quiet = try await scene.bulletin(unit: "交警大队")
            #expect(quiet.units.map(\.unit) == ["交警大队"])
            #expect(quiet.counts.rows == 0)
            #expect(quiet.rendered(as: .text, in: .en).contains("== 交警大队 (0 rows) ==\n\nNothing to report."))
        }
    }

    @Test func theDaysEntriesAreThatDaysOnly() async throws {
        try await BulletinScene.with { scene in
            let today = try await scene.bulletin()
            let corrections = today.units.flatMap(\.parts).filter { $0.sectionID == "corrections" }.flatMap(\.rows)
            #expect(corrections.count == 1)
            #expect(corrections.first?.facts.first { $0.key == "change" }?.value == .change(old: "自行车", new: "山地自行车"))
            // Each day-bound row names its entry, within the checkpoint the bulletin names.
            let dayRows = corrections + today.units.flatMap(\.parts).filter { $0.sectionID == "stocktake-discrepancies" }.flatMap(\.rows)
            #expect(dayRows.count == 4)
            for row in dayRows {
                guard case .entry(let index)? = row.facts.first(where: { $0.key == "entry" })?.value else {
                    Issue.record("no entry: \(row)")
                    continue
                }
                #expect(index < today.source.checkpointSize)
                let type = try CustodyEntry.decode(try await scene.store.entry(at: index)).event.type
                #expect(type == (row.action.code == "review-correction" ? "correction" : "stocktake.recorded"))
            }

            // The day before: the correction of the features, no stocktake; its grades at that day's last second.
            let yesterday = BulletinDay(year: 2026, month: 11, day: 30)!
            let scene = scene
            let bulletin = try await Bulletin.compute(from: scene.store, day: yesterday, now: BulletinScene.now) { _, asOf in
                scene.deadlines(asOf: asOf)
            }
            #expect(bulletin.asOf == BulletinScene.time("2026-11-30T23:59:59+08:00"))
            let parts = bulletin.units.flatMap(\.parts)
            let earlier = parts.filter { $0.sectionID == "corrections" }.flatMap(\.rows)
            #expect(earlier.count == 1)
            #expect(earlier.first?.facts.first { $0.key == "change" }?.value == .change(old: "", new: "蓝色"))
            #expect(parts.filter { $0.sectionID == "stocktake-discrepancies" }.allSatisfy { $0.rows.isEmpty })
            // At 23:59:59 on the 30th the phone's intake (due 08:00 on the 1st) is orange, not yet red.
            let phone = parts.flatMap(\.rows).first { $0.object?.id == scene.phone }
            #expect(phone?.grade == .orange)
        }
    }

    @Test func listsEachDeadlineWhereItsSectionWantsIt() async throws {
        try await BulletinScene.with { scene in
            let bulletin = try await scene.bulletin()
            func ids(_ section: String) -> [String] {
                bulletin.units.flatMap(\.parts).filter { $0.sectionID == section }.flatMap(\.rows).compactMap(\.object?.id)
            }
            let redAndOrange: Set<String> = [scene.bicycle, scene.phone, scene.cash, scene.untitledDossier, scene.unitlessDossier]
            #expect(Set(ids("red-orange-deadlines")) == redAndOrange)
            #expect(ids("not-stored-in-time") == [scene.phone])
            // Due by the end of the day: the overdue one and the one due at 23:59:59; not the green one.
            #expect(Set(ids("due-for-central-storage")) == [scene.untitledDossier, scene.unitlessDossier])
            #expect(ids("overdue-checkouts") == [scene.bicycle])
            #expect(Set(ids("stocktake-discrepancies")) == [scene.untitledDossier, scene.laptop])
            #expect(!bulletin.units.flatMap(\.parts).flatMap(\.rows).contains { $0.object?.id == scene.greenDossier })

            let overdue = try #require(bulletin.units.flatMap(\.parts).first { $0.sectionID == "overdue-checkouts" }?.rows.first)
            #expect(overdue.facts.first { $0.key == "holder" }?.value == .person(badge: "000002", name: "李明"))
            let overdueBy: TimeInterval = 5 * 86_400 + 16 * 3600 + 30 * 60
            #expect(overdue.facts.first { $0.key == "overdueSeconds" }?.value == .duration(overdueBy))
            #expect(overdue.facts.first { $0.key == "takenFrom" }?.value == .place(code: "CAB-01", name: "智能柜01"))
            #expect(overdue.action.code == "return-or-extend")

            #expect(bulletin.counts.rowsBySection["red-orange-deadlines"] == 5)
            #expect(bulletin.counts.deadlinesByRule[.intake] == .init(red: 1, orange: 1))
            #expect(bulletin.counts.deadlinesByRule[.centralStorage] == .init(red: 1, orange: 1))
            #expect(bulletin.counts.deadlinesByRule[.checkoutDue] == .init(red: 1, orange: 0))
            #expect(bulletin.counts.deadlinesByRule[.releaseUnrelated] == .init())
            #expect(bulletin.counts.rows == bulletin.units.map(\.counts.rows).reduce(0, +))
        }
    }

    /// A section of the test's own, added to the list the bulletin is computed with: it reads the snapshot
    /// (every object stored in ROOM-1 or below it, in CAB-01) and its title is worded in both languages.
    struct RoomInventorySection: BulletinSection {
        var id: String { "test-room-inventory" }
        var title: Wording { Wording(zh: "测试：保管室物品", en: "Test: objects in the room") }

        func rows(in context: BulletinContext, from snapshot: borrowing StoreSnapshot) throws -> [BulletinRow] {
            try snapshot.custody.objects(matching: ObjectFilter(location: "ROOM-1"), now: context.asOf).map { object in
                BulletinRow(
                    object: BulletinObject(object), caseNumber: object.caseNumber,
                    unit: try context.unit(ofCase: object.caseNumber, in: snapshot),
                    action: BulletinAction(code: "test-look", wording: Wording(zh: "查看", en: "have a look")),
                    facts: [BulletinFact("location", Catalogue.bulletin.location, try context.place(object.location ?? "?", in: snapshot))])
            }
        }
    }

    @Test func aSectionAddedToTheListShowsUpInEveryForm() async throws {
        try await BulletinScene.with { scene in
            let bulletin = try await scene.bulletin(sections: Bulletin.standardSections + [RoomInventorySection()])
            let rows = bulletin.units.flatMap(\.parts).filter { $0.sectionID == "test-room-inventory" }.flatMap(\.rows)
            let stored: Set<String> = [scene.laptop, scene.unitlessDossier, scene.untitledDossier, scene.greenDossier]
            #expect(Set(rows.compactMap(\.object?.id)) == stored)
            #expect(bulletin.counts.rowsBySection["test-room-inventory"] == 4)

            let zh = bulletin.rendered(as: .text, in: .zh)
            #expect(zh.contains("【测试：保管室物品（2）】"))
            #expect(zh.contains("查看"))
            #expect(bulletin.rendered(as: .text, in: .en).contains("-- Test: objects in the room (2) --"))
            let json = bulletin.rendered(as: .json, in: .en)
            #expect(json.contains("\"test-room-inventory\":4"))
            #expect(json.contains("\"action\":\"test-look\""))
            let html = bulletin.rendered(as: .html, in: .zh)
            #expect(html.contains("data-section=\"test-room-inventory\""))
            #expect(html.contains("测试：保管室物品"))

            // Without it, it is not there.
            let standard = try await scene.bulletin()
            #expect(!standard.rendered(as: .json, in: .en).contains("test-room-inventory"))
        }
    }

    @Test func theGradingTimeStaysWithinTheDay() {
        let zone = BulletinScene.zone
        let day = BulletinScene.day
        #expect(Bulletin.gradingTime(for: day, now: BulletinScene.now, zone: zone) == BulletinScene.now)
        #expect(
            Bulletin.gradingTime(for: day, now: BulletinScene.time("2026-12-05T10:00:00+08:00"), zone: zone)
                == BulletinScene.time("2026-12-01T23:59:59+08:00"))
        #expect(
            Bulletin.gradingTime(for: day, now: BulletinScene.time("2026-11-20T10:00:00+08:00"), zone: zone)
                == BulletinScene.time("2026-12-01T00:00:00+08:00"))
    }

    @Test func aDayIsTheAgencysCalendarDay() throws {
        let zone = BulletinScene.zone
        #expect(try BulletinDay(parsing: "2026-12-01", in: zone) == BulletinScene.day)
        #expect(try BulletinDay(parsing: "２０２６-１２-０１", in: zone) == BulletinScene.day)
        // A time is the day it falls on in the agency's zone: 17:00 UTC on the 30th is 01:00 on the 1st.
        #expect(try BulletinDay(parsing: "2026-11-30T17:00:00Z", in: zone) == BulletinScene.day)
        let interval = BulletinScene.day.interval(in: zone)
        #expect(interval.start == BulletinScene.time("2026-12-01T00:00:00+08:00"))
        #expect(interval.duration == 86_400)
        #expect(BulletinScene.day.description == "2026-12-01")
        #expect(BulletinScene.day.text(in: .zh) == "2026年12月1日")
        #expect(BulletinScene.day.text(in: .en) == "2026-12-01")
        #expect(BulletinDay(year: 2026, month: 2, day: 29) == nil)
        #expect(BulletinDay(year: 2028, month: 2, day: 29) != nil)
        let error = #expect(throws: LedgerError.self) { try BulletinDay(parsing: "2026-02-30", in: zone) }
        #expect(error?.code == .invalidInput)
        #expect(error?.reason.id.hasPrefix("time-") == true)
        // A day of 23 hours where the clocks go forward (New York, 2026-03-08).
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        #expect(BulletinDay(year: 2026, month: 3, day: 8)!.interval(in: newYork).duration == 23 * 3600)
    }
}
