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
                "is more than a year away", "within 366 days")
            try await expectRefusal(
                store, Self.checkOut(item, due: Date(timeIntervalSince1970: 4_102_444_800)), actor: "000004", code: .refused, "2100-01-01")
            try await expectRefusal(store, Self.checkOut(item, due: Self.now), actor: "000004", code: .refused, "not in the future")
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
                "the seizure time 2026-11-18T11:16:40Z is after the time of recording 2026-11-18T11:06:40Z", "--seized-at")
            try await expectRefusal(
                store, Self.registration(seizedAt: Self.now.addingTimeInterval(30 * Self.day)), actor: "000002", code: .refused,
                "cannot be in the future")
            try await expectRefusal(
                store, Self.registration(seizedAt: try Timestamp.parse("1990-01-01T00:00:00+08:00").addingTimeInterval(-1)),
                actor: "000002", code: .refused,
                "before 1990-01-01")
            try await expectRefusal(
                store, Self.registration(seizedAt: Date(timeIntervalSince1970: 0)), actor: "000002", code: .refused, "before 1990-01-01")
            // Clocks differ by a few minutes; old cases are real.
            try await store.record(Self.registration(seizedAt: Self.now.addingTimeInterval(4 * 60)), actor: "000002", at: Self.now)
            try await store.record(
                Self.registration(seizedAt: try Timestamp.parse("1990-01-01T00:00:00+08:00")), actor: "000002", at: Self.now)
            try await store.record(Self.registration(seizedAt: Self.now.addingTimeInterval(-3 * Self.day)), actor: "000002", at: Self.now)
        }
    }
}
