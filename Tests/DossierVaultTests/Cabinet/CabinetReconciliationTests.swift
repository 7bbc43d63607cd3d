import DossierVault
import Foundation
import Testing

@testable import PropertyLedger

/// What a settled inventory becomes: custody entries for what the session allowed, findings for the rest, in one
/// transaction; a patrol outside any session only finds.
struct CabinetReconciliationTests {
    /// Sends complete rounds of `tags` until the ledger answers with a reconciliation; the `reconciled` object.
    private func reconcile(
        _ scene: CabinetScene, session: String?, tags: [(uid: String, slot: String)], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> [String: Any] {
        for round in 1...40 {
            let response = try await scene.inventory(session, round: round, tags: tags)
            #expect(response["ok"] as? Bool == true, "\(response)", sourceLocation: sourceLocation)
            if let reconciled = response["reconciled"] as? [String: Any] {
                #expect(round >= 2, "settled on a single round", sourceLocation: sourceLocation)
                return reconciled
            }
            #expect(response["more"] as? Bool == true, "\(response)", sourceLocation: sourceLocation)
        }
        Issue.record("never reconciled", sourceLocation: sourceLocation)
        return [:]
    }

    private func closedSession(_ scene: CabinetScene, _ credential: [String: Any] = ["badge": "O1"]) async throws -> String {
        let session = try await scene.openSession(credential)
        _ = try await scene.door(session, "opened")
        _ = try await scene.door(session, "closed")
        return session
    }

    @Test func anApprovedTakeBecomesTheCheckOutOnTheApprovalsTerms() async throws {
        try await CabinetScene.with { scene in
            try await scene.approve(scene.item1)
            let session = try await closedSession(scene, ["card": CabinetScene.card])
            let reconciled = try await reconcile(scene, session: session, tags: [(CabinetScene.chip2, "A2")])
            #expect(reconciled["taken"] as? [String] == [scene.item1])
            #expect((reconciled["findings"] as? [Any])?.isEmpty == true)
            let item = try await scene.object(scene.item1)
            #expect(item.status == .checkedOut)
            #expect(item.holder == "O1")
            #expect(item.checkedOutFrom == "A1")
            let history = try await scene.vault.store.history(of: scene.item1)
            #expect(history.last?.entry.actor == "O1")
            #expect(history.last?.entry.device == Device(.cabinet, id: "CAB"))
            // The approval is used: the next authorisation takes nothing, and may put the item back.
            let again = try await scene.send(["v": 1, "id": 1, "type": "authorize", "cabinet": "CAB", "credential": ["badge": "O1"]])
            #expect(again["expect"] as? [String: [String]] == ["take": [], "put": [scene.item1]], "\(again)")
            try await scene.vault.expectRebuildClean()
        }
    }

    @Test func anEmptiedCabinetIsUnverifiedNeverAllGone() async throws {
        try await CabinetScene.with { scene in
            try await scene.approve(scene.item1)
            let session = try await closedSession(scene)
            // Both gone, the first approved: but an empty cabinet cannot be told from a dead reader, so nothing is
            // believed and the session ends unreconciled.
            let reconciled = try await reconcile(scene, session: session, tags: [])
            #expect((reconciled["taken"] as? [String])?.isEmpty == true)
            let findings = try await scene.findings()
            #expect(findings.map(\.kind) == [.sessionUnreconciled])
            #expect(try await scene.object(scene.item1).status == .inStorage)
            #expect(try await scene.object(scene.item2).status == .inStorage)
        }
    }

    @Test func aReturnIntoAnotherSlotIsRecordedThereWithAWrongSlotFinding() async throws {
        try await CabinetScene.with { scene in
            try await scene.vault.checkOut(scene.item2, due: CabinetScene.start.addingTimeInterval(86_400), at: CabinetScene.start)
            let session = try await closedSession(scene)
            let reconciled = try await reconcile(scene, session: session, tags: [(CabinetScene.chip1, "A1"), (CabinetScene.chip2, "B1")])
            #expect(reconciled["returned"] as? [String] == [scene.item2])
            let findings = try await scene.findings()
            #expect(findings.map(\.kind) == [.wrongSlot])
            #expect(findings.first?.slot == "B1")
            #expect(findings.first?.detail == "A2")
            let item = try await scene.object(scene.item2)
            #expect(item.status == .inStorage)
            #expect(item.location == "B1")
            try await scene.vault.expectRebuildClean()
        }
    }

    @Test func aClerkChecksInWhatIsRegisteredAndAnUnknownTagIsFoundOnce() async throws {
        try await CabinetScene.with { scene in
            let new = try await scene.vault.registerItem("K1", at: CabinetScene.start)
            try await scene.vault.record(.bindChip(object: new, uid: "04A1000003"), by: "C1", at: CabinetScene.start)
            let session = try await closedSession(scene, ["badge": "C1"])
            let tags = [(CabinetScene.chip1, "A1"), (CabinetScene.chip2, "A2"), ("04A1000003", "B1"), ("DEADBEEF01", "B1")]
            let reconciled = try await reconcile(scene, session: session, tags: tags)
            #expect(reconciled["checkedIn"] as? [String] == [new])
            #expect(try await scene.object(new).location == "B1")
            #expect(try await scene.findings().map(\.kind) == [.unknownTag])
            // A patrol that still sees the unknown tag adds no second finding.
            _ = try await reconcile(scene, session: nil, tags: tags)
            #expect(try await scene.findings().count == 1)
        }
    }

    @Test func aPatrolFindsWhatWentMissingAndRecordsNoCustody() async throws {
        try await CabinetScene.with { scene in
            let before = try await scene.object(scene.item2)
            let reconciled = try await reconcile(scene, session: nil, tags: [(CabinetScene.chip1, "A1")])
            #expect(reconciled["session"] is NSNull)
            let findings = try await scene.findings()
            #expect(findings.map(\.kind) == [.missingAfterSession])
            #expect(findings.first?.object == scene.item2)
            #expect(try await scene.object(scene.item2) == before)
        }
    }

    @Test func aKnownObjectFromElsewhereIsAnUnexpectedDeposit() async throws {
        try await CabinetScene.with { scene in
            let elsewhere = try await scene.vault.registerItem("K1", at: CabinetScene.start)
            try await scene.vault.record(.bindChip(object: elsewhere, uid: "04A1000004"), by: "C1", at: CabinetScene.start)
            try await scene.vault.checkIn(elsewhere, to: "ROOM", at: CabinetScene.start)
            try await scene.approve(scene.item1)
            let session = try await closedSession(scene)
            let reconciled = try await reconcile(
                scene, session: session, tags: [(CabinetScene.chip1, "A1"), (CabinetScene.chip2, "A2"), ("04A1000004", "B1")])
            #expect((reconciled["taken"] as? [String])?.isEmpty == true)
            let findings = try await scene.findings()
            #expect(findings.map(\.kind) == [.unexpectedDeposit])
            #expect(findings.first?.object == elsewhere)
            #expect(try await scene.object(elsewhere).location == "ROOM")
        }
    }

    @Test func aCabinetCannotRecordACheckOutNobodyApproved() async throws {
        try await CabinetScene.with { scene in
            try await scene.vault.expectRefusal(.refused, "cabinet-checkout-unapproved") {
                try await scene.vault.store.record(
                    .checkOut(
                        object: scene.item1, to: "O1", reason: .examination, approvedBy: "S1",
                        due: CabinetScene.start.addingTimeInterval(86_400),
                        note: nil, caseNumber: nil), actor: "O1", device: Device(.cabinet, id: "CAB"), at: CabinetScene.start)
            }
            // Nor for someone other than the officer it identified.
            try await scene.vault.expectRefusal(.refused, "cabinet-actor-not-recipient") {
                try await scene.vault.store.record(
                    .checkOut(
                        object: scene.item1, to: "O2", reason: .examination, approvedBy: "S1",
                        due: CabinetScene.start.addingTimeInterval(86_400),
                        note: nil, caseNumber: nil), actor: "O1", device: Device(.cabinet, id: "CAB"), at: CabinetScene.start)
            }
        }
    }
}
