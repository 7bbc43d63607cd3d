import Foundation
import Testing

@testable import PropertyLedger

/// Issue 7, item 12: refusals that say exactly which rule (their wording, articles included, is the
/// catalogue's and is tested in LedgerPresentationTests), a blank actor treated as none, and the first
/// supervisor adding himself with LEDGER_ACTOR already set to his own badge.
struct RuleMessageTests {
    static let now = CustodyTests.now

    @Test func roleRefusalsNameTheRoleAndTheRolesRequired() async throws {
        try await CustodyTests.withScene { store, _, dossier in
            try await expectRefusal(
                store, .checkIn(object: dossier, location: "CAB-01", caseNumber: nil), actor: "000002", code: .refused,
                "actor-lacks-role", ["badge": "000002", "role": "officer", "roles": "clerk", "action": "check-in"])
            try await expectRefusal(
                store, .addLocation(code: "X1", name: "x", kind: .site, parent: nil, isCentral: false), actor: "000002", code: .refused,
                "actor-lacks-role", ["role": "officer", "roles": "clerk,supervisor"])
            try await expectRefusal(
                store, .closeCase(caseNumber: CustodyTests.caseNumber, note: nil), actor: "000004", code: .refused,
                "actor-lacks-role", ["role": "clerk", "roles": "supervisor"])
        }
    }

    @Test func anObjectNotYetStoredSaysToCheckItIn() async throws {
        try await CustodyTests.withScene { store, _, dossier in
            let due = Self.now.addingTimeInterval(86_400)
            try await expectRefusal(
                store,
                .checkOut(object: dossier, to: "000002", reason: .examination, approvedBy: "000001", due: due, note: nil, caseNumber: nil),
                actor: "000004", code: .refused,
                "object-not-stored-yet", ["object": dossier, "operation": "check-out"]
            )
            try await expectRefusal(
                store, .move(object: dossier, location: "ROOM-1", reason: nil, caseNumber: nil), actor: "000004", code: .refused,
                "object-not-stored-yet", ["operation": "move"])
        }
    }

    @Test(arguments: ["", "   ", "\u{3000}"])
    func aBlankActorIsNoActor(actor: String) async throws {
        try await CustodyTests.withScene { store, _, dossier in
            try await expectRefusal(
                store, .checkIn(object: dossier, location: "CAB-01", caseNumber: nil), actor: actor, code: .refused,
                "actor-required", ["action": "check-in"])
        }
        // Like no actor at all, a blank one may add the very first supervisor.
        try await withTemporaryStore { store, _ in
            let first = try await store.record(
                .addOfficer(badge: "000001", name: "魏江", unit: nil, role: .supervisor), actor: actor, at: Self.now)
            #expect(first.entry.actor == nil)
        }
    }

    @Test func theFirstSupervisorMayActAsHimself() async throws {
        try await withTemporaryStore { store, _ in
            try await expectRefusal(
                store, .addOfficer(badge: "000001", name: "魏江", unit: nil, role: .supervisor), actor: "999999", code: .refused,
                "first-officer-actor-unknown", ["actor": "999999"])
            try await expectRefusal(
                store, .addOfficer(badge: "000001", name: "魏江", unit: nil, role: .clerk), actor: "000001", code: .refused,
                "first-officer-not-supervisor")
            let first = try await store.record(
                .addOfficer(badge: "000001", name: "魏江", unit: nil, role: .supervisor), actor: "０００００１", at: Self.now)
            #expect(first.entry.actor == "000001")
            // From now on the actor must be a known supervisor, as always.
            try await expectRefusal(
                store, .addOfficer(badge: "000002", name: "李明", unit: nil, role: .officer), actor: "000002", code: .refused,
                "officer-unknown", ["badge": "000002", "party": "actor"])
            try await store.record(.addOfficer(badge: "000002", name: "李明", unit: nil, role: .officer), actor: "000001", at: Self.now)
        }
    }
}
