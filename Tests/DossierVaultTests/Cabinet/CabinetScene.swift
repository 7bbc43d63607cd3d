import DossierVault
import Foundation
import LedgerPresentation
import Locking
import Testing

@testable import PropertyLedger

/// A vault scene with a smart cabinet to talk to: cabinet CAB with slots A1, A2, B1; item I1 (chip 04A1000001) in
/// A1 and item I2 (chip 04A1000002) in A2, of case K1; officer O1's card 0B0B0B01; the cabinet service on the
/// store with a clock the test moves.
struct CabinetScene {
    let vault: VaultScene
    let service: CabinetService
    let clock: Clock
    let item1: String
    let item2: String

    static let chip1 = "04A1000001"
    static let chip2 = "04A1000002"
    static let card = "0B0B0B01"
    /// An hour after the vault scene's people and places.
    static let start = VaultScene.start.addingTimeInterval(3_600)

    /// The service's clock.
    final class Clock: Sendable {
        private let now = Locked(CabinetScene.start)
        var date: Date { now.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { now.withLock { $0.addTimeInterval(seconds) } }
    }

    static func with(_ body: (CabinetScene) async throws -> Void) async throws {
        try await VaultScene.with { vault in
            let at = VaultScene.start.addingTimeInterval(60)
            try await vault.store.record(
                contentsOf: [
                    .addLocation(code: "A1", name: "A1 格", kind: .slot, parent: "CAB", isCentral: false),
                    .addLocation(code: "A2", name: "A2 格", kind: .slot, parent: "CAB", isCentral: false),
                    .addLocation(code: "B1", name: "B1 格", kind: .slot, parent: "CAB", isCentral: false),
                ], actor: "C1", at: at)
            try await vault.openCase("K1", at: at)
            let item1 = try await vault.registerItem("K1", at: at)
            let item2 = try await vault.registerItem("K1", at: at)
            try await vault.record(.bindChip(object: item1, uid: chip1), by: "C1", at: at)
            try await vault.record(.bindChip(object: item2, uid: chip2), by: "C1", at: at)
            try await vault.checkIn(item1, to: "A1", at: at)
            try await vault.checkIn(item2, to: "A2", at: at)
            try await vault.store.record(actor: "C1", at: at) { try CardBound.decide(badge: "O1", card: card, in: $0) }
            let clock = Clock()
            let service = CabinetService(store: vault.store, language: .en, clock: { clock.date })
            try await body(CabinetScene(vault: vault, service: service, clock: clock, item1: item1, item2: item2))
        }
    }

    /// The response to `request` (a JSON object as a Swift dictionary literal), parsed.
    func send(_ request: [String: Any], servingOnly cabinet: String? = nil) async throws -> [String: Any] {
        let line = try JSONSerialization.data(withJSONObject: request, options: [.sortedKeys])
        return try await sendLine(Array(line), servingOnly: cabinet)
    }

    func sendLine(_ line: [UInt8], servingOnly cabinet: String? = nil) async throws -> [String: Any] {
        let response = await service.respond(to: line, servingOnly: cabinet)
        #expect(!response.contains("\n"), "a response is one line")
        return try #require(try JSONSerialization.jsonObject(with: Data(response.utf8)) as? [String: Any])
    }

    /// An approval for O1 to take `object` at its cabinet, due back in a week, recorded by C1 now.
    func approve(_ object: String, to recipient: String = "O1") async throws {
        let due = clock.date.addingTimeInterval(7 * 86_400)
        try await vault.store.record(actor: "C1", at: clock.date) { context in
            try CabinetApproved.decide(
                object: object, to: recipient, reason: .examination, approvedBy: "S1", due: due, note: nil, in: context)
        }
    }

    /// Authorizes `credential` and returns the session id (failing the test when denied).
    func openSession(_ credential: [String: Any] = ["badge": "O1"], witness: [String: Any]? = nil) async throws -> String {
        var request: [String: Any] = ["v": 1, "id": 1, "type": "authorize", "cabinet": "CAB", "credential": credential]
        if let witness { request["witness"] = witness }
        let response = try await send(request)
        #expect(response["allow"] as? Bool == true, "\(response)")
        return try #require(response["session"] as? String)
    }

    func door(_ session: String, _ state: String) async throws -> [String: Any] {
        try await send(["v": 1, "id": "door", "type": "door", "cabinet": "CAB", "session": session, "state": state])
    }

    func inventory(_ session: String?, round: Int, tags: [(uid: String, slot: String)], complete: Bool = true) async throws -> [String: Any]
    {
        var request: [String: Any] = [
            "v": 1, "id": round, "type": "inventory", "cabinet": "CAB", "round": round, "complete": complete,
            "tags": tags.map { ["uid": $0.uid, "slot": $0.slot, "rssi": -40] },
        ]
        if let session { request["session"] = session }
        return try await send(request)
    }

    func object(_ id: String) async throws -> CustodyObject {
        try await vault.store.object(id)
    }

    func findings(openOnly: Bool = true) async throws -> [Finding] {
        try await vault.store.read { try DossierVault.findings(in: $0, openOnly: openOnly) }
    }
}

extension [String: Any] {
    /// `error.reason` of a refusal response.
    var errorReason: String? { (self["error"] as? [String: Any])?["reason"] as? String }
}
