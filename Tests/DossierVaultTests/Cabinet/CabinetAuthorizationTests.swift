import DossierVault
import Foundation
import Testing

@testable import PropertyLedger

/// `authorize`: who may open the cabinet, and for what; every answer recorded, yes or no.
struct CabinetAuthorizationTests {
    private func authorize(_ scene: CabinetScene, _ credential: [String: Any], witness: [String: Any]? = nil) async throws -> [String: Any]
    {
        var request: [String: Any] = ["v": 1, "id": 7, "type": "authorize", "cabinet": "CAB", "credential": credential]
        if let witness { request["witness"] = witness }
        return try await scene.send(request)
    }

    private func expect(_ response: [String: Any], deniedFor reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response["ok"] as? Bool == true, "\(response)", sourceLocation: sourceLocation)
        #expect(response["allow"] as? Bool == false, "\(response)", sourceLocation: sourceLocation)
        #expect(response["reason"] as? String == reason, "\(response)", sourceLocation: sourceLocation)
        #expect((response["message"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
    }

    private func expect(
        _ response: [String: Any], take: [String] = [], put: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(response["allow"] as? Bool == true, "\(response)", sourceLocation: sourceLocation)
        let expect = response["expect"] as? [String: [String]]
        #expect(expect?["take"] == take, "\(response)", sourceLocation: sourceLocation)
        #expect(expect?["put"] == put, "\(response)", sourceLocation: sourceLocation)
    }

    /// The last entry's type and its payload fields, as written.
    private func lastEntry(_ scene: CabinetScene) async throws -> [String: Any] {
        let size = try await scene.vault.store.size
        let bytes = try #require(
            try Database(path: scene.vault.paths.database).firstRow("SELECT bytes FROM log_entries WHERE idx = ?", size - 1) {
                $0.data(0)
            })
        return try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
    }

    @Test func anApprovedTakeIsAllowedByBadgeOrCard() async throws {
        try await CabinetScene.with { scene in
            try await scene.approve(scene.item1)
            expect(try await authorize(scene, ["badge": "O1"]), take: [scene.item1])
            // The first session never opened its door: a second authorisation replaces it.
            let byCard = try await authorize(scene, ["card": "0b:0b:0b:01"])
            expect(byCard, take: [scene.item1])
            #expect((byCard["officer"] as? [String: String])?["name"] == "李明")
            let entry = try await lastEntry(scene)
            #expect(entry["type"] as? String == "vault.cabinet-session-opened")
            #expect(entry["actor"] as? String == "O1")
            #expect((entry["device"] as? [String: String]) == ["kind": "cabinet", "id": "CAB"])
            #expect(entry["credential"] as? String == "card")
            #expect(entry["supersedes"] as? String != nil)
            try await scene.vault.expectRebuildClean()
        }
    }

    @Test func aReturnIsAllowedForWhatTheOfficerHoldsFromHere() async throws {
        try await CabinetScene.with { scene in
            try await scene.vault.checkOut(scene.item2, due: CabinetScene.start.addingTimeInterval(86_400), at: CabinetScene.start)
            expect(try await authorize(scene, ["badge": "O1"]), put: [scene.item2])
            // O2 holds nothing and has no approval.
            expect(try await authorize(scene, ["badge": "O2"]), deniedFor: "cabinet-nothing-to-do")
        }
    }

    @Test func aClerkMayOpenToCheckInOrCount() async throws {
        try await CabinetScene.with { scene in
            let response = try await authorize(scene, ["badge": "C1"])
            expect(response)
            #expect(response["checkIn"] as? Bool == true)
        }
    }

    @Test func denialsAreRecordedWithTheirReason() async throws {
        try await CabinetScene.with { scene in
            expect(try await authorize(scene, ["card": "DEADBEEF"]), deniedFor: "cabinet-card-unknown")
            let entry = try await lastEntry(scene)
            #expect(entry["type"] as? String == "vault.cabinet-access-denied")
            #expect(entry["reason"] as? String == "cabinet-card-unknown")
            #expect(entry["card"] as? String == "DEADBEEF")
            #expect(entry["actor"] == nil)
            expect(try await authorize(scene, ["badge": "X9"]), deniedFor: "cabinet-officer-unknown")
            expect(try await authorize(scene, ["badge": "S2"]), deniedFor: "cabinet-nothing-to-do")
        }
    }

    @Test func anExpiredApprovalIsDeniedAsSuch() async throws {
        try await CabinetScene.with { scene in
            try await scene.approve(scene.item1)
            scene.clock.advance(24 * 3_600 + 1)
            expect(try await authorize(scene, ["badge": "O1"]), deniedFor: "cabinet-approval-expired")
        }
    }

    @Test func aRetiredOfficerIsDenied() async throws {
        try await CabinetScene.with { scene in
            try await scene.approve(scene.item1, to: "O2")
            try await scene.vault.record(
                .retireOfficer(badge: "O2", reason: "调离", overridesHoldings: false), by: "S1", at: CabinetScene.start)
            expect(try await authorize(scene, ["badge": "O2"]), deniedFor: "cabinet-officer-retired")
        }
    }

    @Test func theTwoPersonRuleNeedsAClerkBesideTheOfficer() async throws {
        try await CabinetScene.with { scene in
            try await scene.vault.setPolicy("cabinet.two-person", "on", at: CabinetScene.start)
            try await scene.approve(scene.item1)
            expect(try await authorize(scene, ["badge": "O1"]), deniedFor: "cabinet-needs-clerk")
            expect(try await authorize(scene, ["badge": "O1"], witness: ["badge": "O2"]), deniedFor: "cabinet-witness-not-clerk")
            expect(try await authorize(scene, ["badge": "O1"], witness: ["badge": "O1"]), deniedFor: "cabinet-witness-is-officer")
            expect(try await authorize(scene, ["badge": "O1"], witness: ["badge": "C1"]), take: [scene.item1])
            #expect(try await lastEntry(scene)["witness"] as? String == "C1")
            // The clerk alone, checking in, needs nobody beside him.
            expect(try await authorize(scene, ["badge": "C1"]))
        }
    }

    @Test func aSessionWhoseDoorOpenedMustFinishFirst() async throws {
        try await CabinetScene.with { scene in
            try await scene.approve(scene.item1)
            let session = try await scene.openSession()
            #expect(try await scene.door(session, "opened")["ok"] as? Bool == true)
            expect(try await authorize(scene, ["badge": "C1"]), deniedFor: "cabinet-session-unfinished")
        }
    }

    @Test func doorsFollowTheSession() async throws {
        try await CabinetScene.with { scene in
            try await scene.approve(scene.item1)
            let session = try await scene.openSession()
            #expect(try await scene.door(session, "closed").errorReason == "cabinet-door-not-open")
            #expect(try await scene.door(session, "opened")["ok"] as? Bool == true)
            // A repeated event changes nothing and writes nothing.
            let size = try await scene.vault.store.size
            #expect(try await scene.door(session, "opened")["ok"] as? Bool == true)
            #expect(try await scene.vault.store.size == size)
            #expect(try await scene.door(session, "closed")["ok"] as? Bool == true)
            let sessions = try await scene.vault.store.read { try DossierVault.cabinetSessions(in: $0, cabinet: "CAB") }
            #expect(sessions.first?.state == .closed)
            // Rounds while the door is open count for nothing.
            #expect(try await scene.door(session, "opened")["ok"] as? Bool == true)
            let round = try await scene.inventory(session, round: 1, tags: [])
            #expect(round["more"] as? Bool == true)
            #expect(round["reason"] as? String == "cabinet-door-open")
        }
    }

    @Test func aSessionLeftPastItsTimeoutIsClosedWithAFinding() async throws {
        try await CabinetScene.with { scene in
            try await scene.approve(scene.item1)
            let session = try await scene.openSession()
            _ = try await scene.door(session, "opened")
            scene.clock.advance(31 * 60)
            // The next request for the cabinet closes it first.
            _ = try await scene.send(["v": 1, "id": 1, "type": "hello", "cabinet": "CAB"])
            let ended = try await scene.vault.store.read { try DossierVault.cabinetSessions(in: $0, cabinet: "CAB") }
            #expect(ended.first?.state == .unreconciled)
            let findings = try await scene.findings()
            #expect(findings.map(\.kind) == [.sessionUnreconciled])
            #expect(findings.first?.session == session)
            #expect(findings.first?.officer == "O1")
            #expect(try await scene.door(session, "closed").errorReason == "cabinet-session-ended")
            try await scene.vault.expectRebuildClean()
        }
    }

    @Test func anAlarmIsAFinding() async throws {
        try await CabinetScene.with { scene in
            let response = try await scene.send(["v": 1, "id": 1, "type": "alarm", "cabinet": "CAB", "kind": "door-forced"])
            let id = try #require(response["finding"] as? String)
            let findings = try await scene.findings()
            #expect(findings.map(\.id) == [id])
            #expect(findings.first?.kind == .alarm)
            #expect(findings.first?.detail == "door-forced")
        }
    }
}
