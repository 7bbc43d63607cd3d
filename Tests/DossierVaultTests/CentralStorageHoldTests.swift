import Foundation
import PropertyLedger
import Testing

@testable import DossierVault

/// A dossier the one-month rule holds in central storage leaves it only by a check-out, and comes back to it.
struct CentralStorageHoldTests {
    static let now = VaultScene.date("2026-03-01T02:00:00Z")

    /// A dossier of an unsolved criminal case in central storage (CENTRAL-CAB).
    static func withHeldDossier(
        kind: CaseKind = .criminal, propertyCrime: Bool = true, _ body: (VaultScene, String) async throws -> Void
    ) async throws {
        try await VaultScene.with { scene in
            try await scene.openCase("A1", kind: kind, propertyCrime: propertyCrime, at: now)
            let dossier = try await scene.registerDossier("A1", at: now)
            try await scene.checkIn(dossier, to: "CENTRAL-CAB", at: now)
            try await body(scene, dossier)
        }
    }

    @Test func aMoveOutOfCentralStorageIsRefused() async throws {
        try await Self.withHeldDossier { scene, dossier in
            try await scene.expectRefusal(.refused, "central-storage-holds-dossier") {
                try await scene.move(dossier, to: "CAB", at: Self.now)
            }
            // Dry runs meet the same refusal.
            let error = await #expect(throws: LedgerError.self) {
                try await scene.store.evaluate(
                    .move(object: dossier, location: "CAB", reason: nil, caseNumber: nil), actor: "C1", at: Self.now)
            }
            #expect(
                error?.reason
                    == Reason("central-storage-holds-dossier", ["object": dossier, "case": "A1", "from": "CENTRAL-CAB", "location": "CAB"]))
            // Within central storage it moves freely.
            try await scene.move(dossier, to: "CENTRAL", at: Self.now)
            try await scene.move(dossier, to: "CENTRAL-CAB", at: Self.now)
            try await scene.expectRebuildClean()
        }
    }

    @Test func aCheckOutIsAllowedAndTheReturnGoesBackToCentralStorage() async throws {
        try await Self.withHeldDossier { scene, dossier in
            let due = Self.now.addingTimeInterval(86_400)
            try await scene.checkOut(dossier, due: due, at: Self.now)
            try await scene.expectRefusal(.refused, "central-storage-return-elsewhere") {
                try await scene.returnObject(dossier, to: "CAB", at: Self.now)
            }
            // Checked out from central storage, it has no central-storage deadline; its check-out is due.
            #expect(try await scene.deadlines(asOf: due.addingTimeInterval(40 * 86_400)).map(\.rule) == [.checkoutDue])
            try await scene.returnObject(dossier, to: "CENTRAL", at: Self.now)
            try await scene.expectRebuildClean()
        }
    }

    @Test func theHoldEndsWhenTheCaseIsSolvedOrClosed() async throws {
        try await Self.withHeldDossier { scene, dossier in
            try await scene.record(.solveCase(caseNumber: "A1", note: nil), by: "O1", at: Self.now)
            try await scene.move(dossier, to: "CAB", at: Self.now)
            try await scene.move(dossier, to: "CENTRAL-CAB", at: Self.now)
            try await scene.record(.closeCase(caseNumber: "A1", note: nil), by: "S1", at: Self.now)
            try await scene.move(dossier, to: "CAB", at: Self.now)
        }
        try await Self.withHeldDossier { scene, dossier in
            try await scene.checkOut(dossier, due: Self.now.addingTimeInterval(86_400), at: Self.now)
            try await scene.record(.solveCase(caseNumber: "A1", note: nil), by: "O1", at: Self.now)
            try await scene.returnObject(dossier, to: "CAB", at: Self.now)
        }
    }

    @Test func anAdministrativeCaseThatIsNoPropertyCrimeIsNotHeld() async throws {
        try await Self.withHeldDossier(kind: .administrative, propertyCrime: false) { scene, dossier in
            try await scene.move(dossier, to: "CAB", at: Self.now)
        }
        try await Self.withHeldDossier(kind: .administrative, propertyCrime: true) { scene, dossier in
            try await scene.expectRefusal(.refused, "central-storage-holds-dossier") {
                try await scene.move(dossier, to: "CAB", at: Self.now)
            }
        }
    }

    @Test func itemsAreNeverHeld() async throws {
        try await Self.withHeldDossier { scene, _ in
            let item = try await scene.registerItem("A1", at: Self.now)
            try await scene.checkIn(item, to: "CENTRAL-CAB", at: Self.now)
            try await scene.move(item, to: "CAB", at: Self.now)
        }
    }
}
