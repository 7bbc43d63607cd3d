import Foundation
import Testing

@testable import PropertyLedger

/// Issue 7, item 5: retiring officers can neither lock the ledger (no supervisor left) nor strand objects
/// (checked out to someone who can never bring them back).
struct LockOutTests {
    static let now = CustodyTests.now

    @Test func theLastActiveSupervisorIsNeverRetired() async throws {
        try await CustodyTests.withScene { store, _, _ in
            try await expectRefusal(
                store, .retireOfficer(badge: "000001", reason: "退休"), actor: "000001", code: .refused,
                "last-supervisor", ["badge": "000001"])
            try await store.record(.addOfficer(badge: "000009", name: "周敏", unit: "法制大队", role: .supervisor), actor: "000001", at: Self.now)
            try await store.record(.retireOfficer(badge: "000001", reason: "退休"), actor: "000009", at: Self.now)
            // Now 000009 is the last one, even acting on himself.
            try await expectRefusal(
                store, .retireOfficer(badge: "000009", reason: nil), actor: "000009", code: .refused, "last-supervisor")
            // And can still do a supervisor's work.
            try await store.record(.addOfficer(badge: "000010", name: "钱七", unit: nil, role: .clerk), actor: "000009", at: Self.now)
            #expect(try await store.rebuildCheck() == [])
        }
    }

    @Test func anOfficerHoldingObjectsIsRetiredOnlyWithAnOverrideAndAReason() async throws {
        try await CustodyTests.withScene { store, item, _ in
            try await store.record(
                .checkOut(
                    object: item, to: "000002", reason: .appraisal, approvedBy: "000001", due: Self.now.addingTimeInterval(86_400),
                    note: nil,
                    caseNumber: nil), actor: "000004", at: Self.now)
            try await expectRefusal(
                store, .retireOfficer(badge: "000002", reason: "调离"), actor: "000001", code: .refused, "officer-holds-objects",
                ["badge": "000002"])
            try await expectRefusal(
                store, .retireOfficer(badge: "000002", reason: nil, overridesHoldings: true), actor: "000001", code: .refused,
                "override-needs-reason")
            try await expectRefusal(
                store, .retireOfficer(badge: "000002", reason: "  ", overridesHoldings: true), actor: "000001", code: .refused,
                "override-needs-reason")

            let retired = try await store.record(
                .retireOfficer(badge: "000002", reason: "调离，物品由本人归还", overridesHoldings: true), actor: "000001", at: Self.now)
            #expect(
                retired.entry.event == .officerRetired(OfficerRetired(badge: "000002", reason: "调离，物品由本人归还", stillHolding: [item])))
            let bytes = try await store.entry(at: retired.index)
            #expect(String(decoding: bytes, as: UTF8.self).contains(#""stillHolding":["\#(item)"]"#))
            #expect(try await store.rebuildCheck() == [])
        }
    }

    @Test func aRetirementWithNothingHeldHasNoStillHoldingField() async throws {
        try await CustodyTests.withScene { store, _, _ in
            let retired = try await store.record(.retireOfficer(badge: "000003", reason: "调离"), actor: "000001", at: Self.now)
            let bytes = try await store.entry(at: retired.index)
            #expect(
                String(decoding: bytes, as: UTF8.self)
                    == #"{"actor":"000001","at":"2026-11-18T11:06:40Z","badge":"000003","reason":"调离","type":"officer.retired","v":1}"#)
        }
    }

    /// What a retired officer held comes back: brought by him (`by` defaulting to the holder, or naming him),
    /// but not by some other retired officer.
    @Test func whatARetiredOfficerHeldCanBeReturned() async throws {
        try await CustodyTests.withScene { store, item, dossier in
            try await store.record(.checkIn(object: dossier, location: "CAB-01", caseNumber: nil), actor: "000004", at: Self.now)
            for object in [item, dossier] {
                try await store.record(
                    .checkOut(
                        object: object, to: "000002", reason: .examination, approvedBy: "000001", due: Self.now.addingTimeInterval(86_400),
                        note: nil, caseNumber: nil), actor: "000004", at: Self.now)
            }
            try await store.record(.retireOfficer(badge: "000002", reason: "调离", overridesHoldings: true), actor: "000001", at: Self.now)
            try await store.record(.retireOfficer(badge: "000003", reason: "调离"), actor: "000001", at: Self.now)

            try await expectRefusal(
                store, .returnObject(object: item, location: "CAB-01", condition: "完好", by: "000003", caseNumber: nil), actor: "000004",
                code: .refused, "officer-retired", ["badge": "000003"])
            let first = try await store.record(
                .returnObject(object: item, location: "CAB-01", condition: "完好", by: nil, caseNumber: nil), actor: "000004", at: Self.now)
            #expect(first.entry.event == .returned(Returned(object: item, location: "CAB-01", condition: "完好", by: "000002")))
            let second = try await store.record(
                .returnObject(object: dossier, location: "CAB-01", condition: "完好", by: "000002", caseNumber: nil), actor: "000004",
                at: Self.now)
            #expect(second.entry.event == .returned(Returned(object: dossier, location: "CAB-01", condition: "完好", by: "000002")))
            #expect(try await store.objects(matching: ObjectFilter(status: .checkedOut)).isEmpty)
            #expect(try await store.rebuildCheck() == [])
        }
    }
}
