import Foundation
import PropertyLedger
import Testing

@testable import DossierVault

/// The transfer list to central storage and the moves a clerk at central storage records from it.
struct SweepTests {
    static let opened = VaultScene.date("2026-01-10T02:00:00Z")
    static let asOf = VaultScene.date("2026-02-20T02:00:00Z")

    /// Three dossiers overdue for central storage — two in storage at the station, one checked out — one not yet
    /// due, and one already in central storage.
    static func withOverdueDossiers(_ body: (VaultScene, _ movable: [String], _ checkedOut: String) async throws -> Void) async throws {
        try await VaultScene.with { scene in
            try await scene.openCase("A1", at: opened)
            try await scene.openCase("A2", at: opened)
            try await scene.openCase("A3", at: opened.addingTimeInterval(30 * 86_400))
            let first = try await scene.registerDossier("A1", at: opened)
            let second = try await scene.registerDossier("A2", at: opened)
            let out = try await scene.registerDossier("A2", at: opened)
            let notYet = try await scene.registerDossier("A3", at: opened)
            let central = try await scene.registerDossier("A1", at: opened)
            for dossier in [first, second, out, notYet] { try await scene.checkIn(dossier, to: "CAB", at: opened) }
            try await scene.checkIn(central, to: "CENTRAL-CAB", at: opened)
            try await scene.checkOut(out, due: asOf.addingTimeInterval(86_400), at: opened)
            try await body(scene, [first, second], out)
        }
    }

    @Test func theListSaysWhereEachDossierIsAndWhetherItCanMove() async throws {
        try await Self.withOverdueDossiers { scene, movable, out in
            let list = try await scene.sweep(asOf: Self.asOf)
            #expect(list.map(\.dossier) == movable + [out])
            #expect(list.map(\.disposition) == [.movable, .movable, .mustBeReturned])
            #expect(list.map(\.location) == ["CAB", "CAB", nil])
            #expect(list.map(\.holder) == [nil, nil, "O1"])
            #expect(list.map(\.caseNumber) == ["A1", "A2", "A2"])
            #expect(list.allSatisfy { $0.unit == VaultScene.unit && $0.due == VaultScene.date("2026-02-10T15:59:59Z") })
            #expect(list.map(\.canMoveNow) == [true, true, false])
        }
    }

    @Test func recordingWritesExactlyTheListedMovesNamingTheRule() async throws {
        try await Self.withOverdueDossiers { scene, movable, out in
            let size = try await scene.store.size
            let recording = try await DossierVault.recordSweep(to: "CENTRAL-CAB", in: scene.store, actor: "C1", at: Self.asOf)
            #expect(recording.moved.map(\.dossier) == movable)
            #expect(recording.notMoved.map(\.dossier) == [out])
            #expect(recording.moves.map(\.index) == [size, size + 1])
            #expect(try await scene.store.size == size + 2)
            for (entry, dossier) in zip(recording.moves, movable) {
                guard case .moved(let move) = entry.entry.event else {
                    Issue.record("not a move: \(entry.entry.event.type)")
                    continue
                }
                #expect(move.object == dossier)
                #expect(move.from == "CAB")
                #expect(move.location == "CENTRAL-CAB")
                #expect(move.rule == "central-storage")
                #expect(move.reason == nil)
                #expect(entry.entry.actor == "C1")
                let bytes = try await scene.store.entry(at: entry.index)
                let fields = try JSONSerialization.jsonObject(with: bytes) as? [String: Any]
                #expect(fields?["rule"] as? String == "central-storage")
            }
            // What is left: the checked-out dossier, which must be returned first.
            #expect(try await scene.sweep(asOf: Self.asOf).map(\.dossier) == [out])
            // A second recording moves nothing and writes nothing.
            let again = try await DossierVault.recordSweep(to: "CENTRAL", in: scene.store, actor: "C1", at: Self.asOf)
            #expect(again.moves.isEmpty && again.notMoved.map(\.dossier) == [out])
            #expect(try await scene.store.size == size + 2)
            try await scene.expectRebuildClean()
        }
    }

    @Test func recordingIsRefusedAwayFromCentralStorageOrForOthersThanClerks() async throws {
        try await Self.withOverdueDossiers { scene, _, _ in
            try await scene.expectRefusal(.refused, "sweep-target-not-central") {
                _ = try await DossierVault.recordSweep(to: "CAB", in: scene.store, actor: "C1", at: Self.asOf)
            }
            try await scene.expectRefusal(.notFound, "location-not-found") {
                _ = try await DossierVault.recordSweep(to: "NOWHERE", in: scene.store, actor: "C1", at: Self.asOf)
            }
            for actor in ["S1", "O1"] {
                try await scene.expectRefusal(.refused, "sweep-needs-clerk") {
                    _ = try await DossierVault.recordSweep(to: "CENTRAL-CAB", in: scene.store, actor: actor, at: Self.asOf)
                }
            }
            try await scene.expectRefusal(.refused, "sweep-needs-actor") {
                _ = try await DossierVault.recordSweep(to: "CENTRAL-CAB", in: scene.store, actor: nil, at: Self.asOf)
            }
            try await scene.expectRefusal(.refused, "officer-unknown") {
                _ = try await DossierVault.recordSweep(to: "CENTRAL-CAB", in: scene.store, actor: "X9", at: Self.asOf)
            }
        }
    }

    @Test func aMoveRefusedMidwayWritesNone() async throws {
        try await Self.withOverdueDossiers { scene, movable, _ in
            // A refusal later in the same transaction takes the sweep's moves with it: nothing is written.
            try await scene.expectRefusal(.refused, "object-already-at") {
                try await scene.store.transaction(actor: "C1", at: Self.asOf) { transaction in
                    let recording = try DossierVault.recordSweep(to: "CENTRAL-CAB", asOf: Self.asOf, in: &transaction)
                    #expect(recording.moves.count == movable.count)
                    try transaction.record(.move(object: movable[0], location: "CENTRAL-CAB", reason: nil, caseNumber: nil))
                }
            }
        }
    }

    @Test func theAsOfOfARecordingCanLookAhead() async throws {
        try await Self.withOverdueDossiers { scene, movable, out in
            // Recorded before the deadline, as of a time after it: the same list.
            let early = VaultScene.date("2026-02-09T02:00:00Z")
            #expect(try await scene.sweep(asOf: early).isEmpty)
            let recording = try await DossierVault.recordSweep(to: "CENTRAL-CAB", in: scene.store, actor: "C1", asOf: Self.asOf, at: early)
            #expect(recording.moved.map(\.dossier) == movable)
            #expect(recording.notMoved.map(\.dossier) == [out])
        }
    }
}
