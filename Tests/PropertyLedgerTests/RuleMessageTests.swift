import Foundation
import Testing

@testable import PropertyLedger

/// Issue 7, item 12: refusals that read naturally, a blank actor treated as none, and the first supervisor
/// adding himself with LEDGER_ACTOR already set to his own badge.
struct RuleMessageTests {
    static let now = CustodyTests.now

    @Test func rolesTakeTheRightArticle() async throws {
        try await CustodyTests.withScene { store, _, dossier in
            let error = try await expectRefusal(
                store, .checkIn(object: dossier, location: "CAB-01", caseNumber: nil), actor: "000002", code: .refused,
                "the actor 000002 is an officer; clerk required to check objects in")
            #expect(error?.message.contains("a officer") == false)
            try await expectRefusal(
                store, .addLocation(code: "X1", name: "x", kind: .site, parent: nil, isCentral: false), actor: "000002", code: .refused,
                "is an officer; clerk or supervisor required")
            try await expectRefusal(
                store, .closeCase(caseNumber: CustodyTests.caseNumber, note: nil), actor: "000004", code: .refused,
                "is a clerk; supervisor required")
        }
    }

    @Test func anObjectNotYetStoredSaysToCheckItIn() async throws {
        try await CustodyTests.withScene { store, _, dossier in
            let due = Self.now.addingTimeInterval(86_400)
            let error = try await expectRefusal(
                store,
                .checkOut(object: dossier, to: "000002", reason: .examination, approvedBy: "000001", due: due, note: nil, caseNumber: nil),
                actor: "000004", code: .refused,
                "\(dossier) is registered but not in storage yet: check it in first (`ledger checkin \(dossier) --to LOCATION`), then it can be checked out"
            )
            #expect(error?.message.contains("storage, not in storage") == false)
            try await expectRefusal(
                store, .move(object: dossier, location: "ROOM-1", reason: nil, caseNumber: nil), actor: "000004", code: .refused,
                "not in storage yet", "then it can be moved")
        }
    }

    @Test(arguments: ["", "   ", "\u{3000}"])
    func aBlankActorIsNoActor(actor: String) async throws {
        try await CustodyTests.withScene { store, _, dossier in
            let error = try await expectRefusal(
                store, .checkIn(object: dossier, location: "CAB-01", caseNumber: nil), actor: actor, code: .refused,
                "an actor is required to check objects in: give --actor BADGE or set LEDGER_ACTOR")
            #expect(error?.message.contains("not a known officer") == false)
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
                "there are no officers yet", "999999 is not a known officer", "without --actor")
            try await expectRefusal(
                store, .addOfficer(badge: "000001", name: "魏江", unit: nil, role: .clerk), actor: "000001", code: .refused,
                "the first officer must be a supervisor")
            let first = try await store.record(
                .addOfficer(badge: "000001", name: "魏江", unit: nil, role: .supervisor), actor: "０００００１", at: Self.now)
            #expect(first.entry.actor == "000001")
            // From now on the actor must be a known supervisor, as always.
            try await expectRefusal(
                store, .addOfficer(badge: "000002", name: "李明", unit: nil, role: .officer), actor: "000002", code: .refused,
                "the actor 000002 is not a known officer")
            try await store.record(.addOfficer(badge: "000002", name: "李明", unit: nil, role: .officer), actor: "000001", at: Self.now)
        }
    }
}
