import Foundation
import PropertyLedger
import Testing

@testable import DossierVault

/// Property marked unrelated to the case is returned to its owner within the limit; leaving custody ends it.
struct UnrelatedPropertyTests {
    static let now = VaultScene.date("2026-03-01T02:00:00Z")
    static let day: TimeInterval = 86_400

    @Test func aMarkedItemIsDueForReleaseThreeDaysLater() async throws {
        try await VaultScene.with { scene in
            try await scene.openCase("A1", at: Self.now)
            let item = try await scene.registerItem("A1", at: Self.now)
            try await scene.checkIn(item, to: "CAB", at: Self.now)
            let marked = Self.now.addingTimeInterval(3600)
            let recorded = try await scene.markUnrelated(item, at: marked)
            #expect(recorded.entry.type == "vault.item-unrelated")
            let fields = try JSONSerialization.jsonObject(with: recorded.entry.bytes) as? [String: Any]
            #expect(fields?["object"] as? String == item)
            #expect(fields?["reason"] as? String == "经查与本案无关")
            let due = marked.addingTimeInterval(3 * Self.day)
            for (offset, grade) in [(-1.0, Grade.orange), (0, .orange), (1, .red)] {
                let found = try await scene.deadlines(asOf: due.addingTimeInterval(offset))
                #expect(found.map(\.rule) == [.releaseUnrelated])
                #expect(found.map(\.action) == [.returnToOwner])
                #expect(found.map(\.since) == [marked])
                #expect(found.map(\.due) == [due])
                #expect(found.map(\.location) == ["CAB"])
                #expect(found.map(\.grade) == [grade])
            }
            let mark = try await scene.store.read { try DossierVault.unrelatedMark(of: item, in: $0) }
            #expect(mark?.index == recorded.index && mark?.actor == "C1" && mark?.endedBy == nil)
            let disposal = try await scene.record(
                .dispose(object: item, method: .returnedToOwner, approvedBy: "S1", recipient: "张三", note: nil, caseNumber: nil), by: "C1",
                at: due)
            #expect(try await scene.deadlines(asOf: due.addingTimeInterval(1)).isEmpty)
            #expect(try await scene.store.read { try DossierVault.unrelatedMark(of: item, in: $0) }?.endedBy == disposal.index)
            try await scene.expectRebuildClean()
        }
    }

    @Test func anyDisposalEndsTheDeadline() async throws {
        try await VaultScene.with { scene in
            try await scene.openCase("A1", at: Self.now)
            let item = try await scene.registerItem("A1", at: Self.now)
            try await scene.checkIn(item, to: "CAB", at: Self.now)
            try await scene.markUnrelated(item, by: "S1", at: Self.now)
            try await scene.record(
                .dispose(object: item, method: .destroyed, approvedBy: "S1", recipient: nil, note: nil, caseNumber: nil), by: "C1",
                at: Self.now)
            #expect(try await scene.deadlines(asOf: Self.now.addingTimeInterval(10 * Self.day)).isEmpty)
        }
    }

    @Test func theLimitIsAPolicyParameter() async throws {
        try await VaultScene.with { scene in
            try await scene.openCase("A1", at: Self.now)
            let item = try await scene.registerItem("A1", at: Self.now)
            try await scene.checkIn(item, to: "CAB", at: Self.now)
            try await scene.setPolicy("release-unrelated.limit", "5d", at: Self.now)
            try await scene.markUnrelated(item, at: Self.now)
            #expect(try await scene.deadlines(of: item, asOf: Self.now).map(\.due) == [Self.now.addingTimeInterval(5 * Self.day)])
        }
    }

    @Test func markingIsRefusedWhenItShouldBe() async throws {
        try await VaultScene.with { scene in
            try await scene.openCase("A1", at: Self.now)
            let item = try await scene.registerItem("A1", at: Self.now)
            let dossier = try await scene.registerDossier("A1", at: Self.now)
            try await scene.checkIn(item, to: "CAB", at: Self.now)
            try await scene.expectRefusal(.refused, "unrelated-needs-clerk-or-supervisor") {
                try await scene.markUnrelated(item, by: "O1", at: Self.now)
            }
            try await scene.expectRefusal(.refused, "unrelated-needs-actor") {
                _ = try await scene.store.record(actor: "", at: Self.now) { try ItemUnrelated.decide(item, reason: "无关", in: $0) }
            }
            try await scene.expectRefusal(.notFound, "object-not-found") {
                try await scene.markUnrelated("P-370321-2026-999999", at: Self.now)
            }
            try await scene.expectRefusal(.notFound, "chip-not-bound") { try await scene.markUnrelated("chip:04AABBCC", at: Self.now) }
            try await scene.expectRefusal(.refused, "unrelated-object-is-dossier") { try await scene.markUnrelated(dossier, at: Self.now) }
            try await scene.markUnrelated(item, at: Self.now)
            try await scene.expectRefusal(.refused, "unrelated-already-marked") { try await scene.markUnrelated(item, at: Self.now) }
            let other = try await scene.registerItem("A1", at: Self.now)
            try await scene.checkIn(other, to: "CAB", at: Self.now)
            try await scene.record(
                .dispose(object: other, method: .confiscated, approvedBy: "S1", recipient: nil, note: nil, caseNumber: nil), by: "C1",
                at: Self.now)
            try await scene.expectRefusal(.refused, "object-disposed") { try await scene.markUnrelated(other, at: Self.now) }
            // By chip, as a clerk scans it.
            let third = try await scene.registerItem("A1", at: Self.now)
            try await scene.record(.bindChip(object: third, uid: "04A1B2C3"), by: "C1", at: Self.now)
            #expect(try await scene.markUnrelated("chip:04a1b2c3", at: Self.now).entry.bytes.count > 0)
            #expect(try await scene.store.read { try DossierVault.unrelatedMark(of: third, in: $0) } != nil)
            try await scene.expectRebuildClean()
        }
    }
}
