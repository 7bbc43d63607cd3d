import Foundation
import Testing

@testable import PropertyLedger

/// Issue 7, item 2: absurd times are refused. A check-out is due back within a year; a seizure is not in
/// the future (beyond a few minutes of clock difference) and not before 1990.
struct TimeLimitTests {
    static let now = CustodyTests.now
    static let day: TimeInterval = 86_400

    static func checkOut(_ item: String, due: Date) -> CustodyCommand {
        .checkOut(object: item, to: "000002", reason: .court, approvedBy: "000001", due: due, note: nil, caseNumber: nil)
    }

    @Test func aCheckOutIsDueBackWithinAYear() async throws {
        try await CustodyTests.withScene { store, item, _ in
            try await expectRefusal(
                store, Self.checkOut(item, due: Self.now.addingTimeInterval(367 * Self.day)), actor: "000004", code: .refused,
                "due-too-far")
            try await expectRefusal(
                store, Self.checkOut(item, due: Date(timeIntervalSince1970: 4_102_444_800)), actor: "000004", code: .refused, "due-too-far")
            try await expectRefusal(store, Self.checkOut(item, due: Self.now), actor: "000004", code: .refused, "due-not-in-future")
            try await store.record(Self.checkOut(item, due: Self.now.addingTimeInterval(365 * Self.day)), actor: "000004", at: Self.now)
        }
    }

    static func registration(seizedAt: Date) -> CustodyCommand {
        .registerItem(
            ItemRegistration(
                caseNumber: CustodyTests.caseNumber, name: "手机", quantity: "1", unit: "部", seizedAt: seizedAt,
                seizedBy: ["000002", "000003"]))
    }

    @Test func aSeizureIsNeitherInTheFutureNorBefore1990() async throws {
        try await CustodyTests.withScene { store, _, _ in
            try await expectRefusal(
                store, Self.registration(seizedAt: Self.now.addingTimeInterval(10 * 60)), actor: "000002", code: .refused,
                "seizure-in-future", ["recordedAt": "2026-11-18T11:06:40Z", "seizedAt": "2026-11-18T11:16:40Z"])
            try await expectRefusal(
                store, Self.registration(seizedAt: Self.now.addingTimeInterval(30 * Self.day)), actor: "000002", code: .refused,
                "seizure-in-future")
            try await expectRefusal(
                store, Self.registration(seizedAt: try Timestamp.parse("1990-01-01T00:00:00+08:00", zone: .gmt).addingTimeInterval(-1)),
                actor: "000002", code: .refused,
                "seizure-too-early")
            try await expectRefusal(
                store, Self.registration(seizedAt: Date(timeIntervalSince1970: 0)), actor: "000002", code: .refused, "seizure-too-early")
            // Clocks differ by a few minutes; old cases are real.
            try await store.record(Self.registration(seizedAt: Self.now.addingTimeInterval(4 * 60)), actor: "000002", at: Self.now)
            try await store.record(
                Self.registration(seizedAt: try Timestamp.parse("1990-01-01T00:00:00+08:00", zone: .gmt)), actor: "000002", at: Self.now)
            try await store.record(Self.registration(seizedAt: Self.now.addingTimeInterval(-3 * Self.day)), actor: "000002", at: Self.now)
        }
    }
}

/// The time limits count the agency's calendar days, in the agency's zone.
extension TimeLimitTests {
    /// A store of an agency in `zone` with the usual people and places and one item checked in to CAB-01.
    static func withScene(zone: String, at now: Date, _ body: (LedgerStore, _ item: String) async throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let paths = StorePaths(database: directory.appendingPathComponent("ledger.db").path)
            let store = try await LedgerStore.create(
                paths, agency: try Agency(code: "370321", name: "测试县公安局", kind: .police, zone: zone), profile: .intl, signatures: .optional)
            try await store.record(.addOfficer(badge: "000001", name: "魏江", unit: nil, role: .supervisor), actor: nil, at: now)
            for (badge, name, role) in [("000002", "李明", Role.officer), ("000003", "王强", .officer), ("000004", "张丽", .clerk)] {
                try await store.record(.addOfficer(badge: badge, name: name, unit: nil, role: role), actor: "000001", at: now)
            }
            try await store.record(
                .addLocation(code: "CAB-01", name: "智能柜01", kind: .room, parent: nil, isCentral: false), actor: "000004", at: now)
            try await store.record(
                .openCase(number: CustodyTests.caseNumber, title: "自行车被盗案", kind: .criminal, isPropertyCrime: true), actor: "000002",
                at: now)
            let item = try #require(try await store.record(Self.registration(seizedAt: now), actor: "000002", at: now).entry.event.object)
            try await store.record(.checkIn(object: item, location: "CAB-01", caseNumber: nil), actor: "000004", at: now)
            try await body(store, item)
        }
    }

    /// Due back by the end of the 366th day after the day of the check-out: a bare date a year ahead is
    /// accepted, whatever the time of day of the check-out (19:06 in Shanghai here).
    @Test func aCheckOutMayBeDueOnTheLastDayOfTheYearAhead() async throws {
        try await CustodyTests.withScene { store, item, _ in
            let shanghai = Agency.defaultTimeZone
            try await expectRefusal(
                store, Self.checkOut(item, due: try Timestamp.parse("2027-11-20T00:00", zone: shanghai)), actor: "000004", code: .refused,
                "due-too-far", ["latest": "2027-11-19T15:59:59Z"])
            try await store.record(
                Self.checkOut(item, due: try Timestamp.parse("2027-11-19", zone: shanghai)), actor: "000004", at: Self.now)
        }
    }

    /// 20:00 UTC on 1 December is 2 December in Shanghai and still 1 December in New York: the year ahead
    /// ends a day later in Shanghai.
    @Test(arguments: [
        ("Asia/Shanghai", "2027-12-03T15:59:59Z"), ("America/New_York", "2027-12-03T04:59:59Z"), ("Asia/Kolkata", "2027-12-03T18:29:59Z"),
    ])
    func theYearAheadCountsTheAgencysDays(zone: String, latest: String) async throws {
        let evening = try Timestamp.parse("2026-12-01T20:00:00Z", zone: .gmt)
        try await Self.withScene(zone: zone, at: evening) { store, item in
            let last = try #require(Timestamp.storedDate(latest))
            try await expectRefusal(
                store, Self.checkOut(item, due: last.addingTimeInterval(1)), actor: "000004", at: evening, code: .refused, "due-too-far",
                ["latest": latest])
            try await store.record(Self.checkOut(item, due: last), actor: "000004", at: evening)
        }
    }

    /// A year ahead across daylight saving time is still a year of calendar days, ending at 23:59:59 local time.
    @Test func theYearAheadAcrossDaylightSavingTime() async throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let march = try Timestamp.parse("2027-03-13 23:30", zone: newYork)  // EST; the clocks go forward the next night
        try await Self.withScene(zone: "America/New_York", at: march) { store, item in
            try await expectRefusal(
                store, Self.checkOut(item, due: try Timestamp.parse("2028-03-14T00:00", zone: newYork)), actor: "000004", at: march,
                code: .refused, "due-too-far", ["latest": "2028-03-14T03:59:59Z"])
            try await store.record(Self.checkOut(item, due: try Timestamp.parse("2028-03-13", zone: newYork)), actor: "000004", at: march)
        }
    }

    /// The earliest seizure is the start of 1 January 1990 in the agency's zone: what the time parser accepts.
    @Test func theEarliestSeizureIsInTheAgencysZone() async throws {
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        try await Self.withScene(zone: "Asia/Tokyo", at: Self.now) { store, _ in
            let first = try Timestamp.parse("1990-01-01T00:00", zone: tokyo)
            try await expectRefusal(
                store, Self.registration(seizedAt: first.addingTimeInterval(-1)), actor: "000002", code: .refused, "seizure-too-early")
            try await store.record(Self.registration(seizedAt: first), actor: "000002", at: Self.now)
        }
    }
}
