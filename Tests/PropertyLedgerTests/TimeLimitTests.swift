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
                store, Self.registration(seizedAt: try Timestamp.parse("1990-01-01T00:00:00+08:00").addingTimeInterval(-1)),
                actor: "000002", code: .refused,
                "seizure-too-early")
            try await expectRefusal(
                store, Self.registration(seizedAt: Date(timeIntervalSince1970: 0)), actor: "000002", code: .refused, "seizure-too-early")
            // Clocks differ by a few minutes; old cases are real.
            try await store.record(Self.registration(seizedAt: Self.now.addingTimeInterval(4 * 60)), actor: "000002", at: Self.now)
            try await store.record(
                Self.registration(seizedAt: try Timestamp.parse("1990-01-01T00:00:00+08:00")), actor: "000002", at: Self.now)
            try await store.record(Self.registration(seizedAt: Self.now.addingTimeInterval(-3 * Self.day)), actor: "000002", at: Self.now)
        }
    }
}
