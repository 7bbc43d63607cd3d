import CabinetSimulator
import Foundation
import Locking
import Testing

/// The exact lines the simulated cabinet writes for every message type, read back with JSONSerialization, and
/// what the scripted peer (a python3 process, see ``Peers/scriptedProtocolPeer``) parsed of them.
struct SimulatedCabinetMessageTests {
    static let slots = ["A1", "A2", "A3"]
    static let contents = [
        SimulatedTag(uid: "04A1", slot: "A1"), SimulatedTag(uid: "04A2", slot: "A2"),
        SimulatedTag(uid: "04A3", slot: "A3"),
    ]

    static func withCabinet(
        extra: String = "{}", rounds: Int = 2, slots: [String] = slots, contents: [SimulatedTag] = contents,
        noise: ReadNoise = .perfect, _ body: (SimulatedCabinet, ProcessCabinetChannel) async throws -> Void
    ) async throws {
        let peer = try await Peers.python(Peers.scriptedProtocolPeer, [extra, String(rounds)])
        let cabinet = SimulatedCabinet(code: "C-01", slots: slots, contents: contents, noise: noise, link: peer)
        do {
            try await body(cabinet, peer)
        } catch {
            await peer.close()
            throw error
        }
        await peer.close()
    }

    /// The last request line sent, parsed with JSONSerialization, checked to be one line with the envelope.
    static func lastRequest(_ cabinet: SimulatedCabinet, id: Int, type: String) async throws -> [String: Any] {
        let exchange = try #require(await cabinet.transcript.last)
        #expect(!exchange.request.contains("\n"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(exchange.request.utf8)) as? [String: Any])
        #expect(object["v"] as? Int == 1)
        #expect(object["id"] as? Int == id)
        #expect(object["type"] as? String == type)
        #expect(object["cabinet"] as? String == "C-01")
        // What the peer parsed is what was sent.
        #expect(exchange.response.fields["echo"] == (try JSONValue(parsing: Data(exchange.request.utf8))))
        #expect(exchange.response.id == .integer(id))
        return object
    }

    @Test func helloCarriesTheAdapterName() async throws {
        try await Self.withCabinet { cabinet, _ in
            let response = try await cabinet.hello(adapter: "厂商适配器/2.1")
            #expect(response.isOK)
            #expect(response.version == 1)
            let request = try await Self.lastRequest(cabinet, id: 1, type: "hello")
            #expect(Set(request.keys) == ["v", "id", "type", "cabinet", "adapter"])
            #expect(request["adapter"] as? String == "厂商适配器/2.1")
        }
    }

    @Test func authorizeCarriesABadgeACardOrTwoBadges() async throws {
        try await Self.withCabinet { cabinet, _ in
            _ = try await cabinet.authorize(badge: "000123")
            var request = try await Self.lastRequest(cabinet, id: 1, type: "authorize")
            #expect(Set(request.keys) == ["v", "id", "type", "cabinet", "credential"])
            #expect(request["credential"] as? [String: String] == ["badge": "000123"])

            _ = try await cabinet.authorize(card: "04AABBCCDD")
            request = try await Self.lastRequest(cabinet, id: 2, type: "authorize")
            #expect(request["credential"] as? [String: String] == ["card": "04AABBCCDD"])

            _ = try await cabinet.authorize(badge: "000123", witnessBadge: "000900")
            request = try await Self.lastRequest(cabinet, id: 3, type: "authorize")
            #expect(request["credential"] as? [String: String] == ["badge": "000123"])
            #expect(request["witness"] as? [String: String] == ["badge": "000900"])

            _ = try await cabinet.authorize(.card("04EE"), witness: .card("04FF"))
            request = try await Self.lastRequest(cabinet, id: 4, type: "authorize")
            #expect(request["witness"] as? [String: String] == ["card": "04FF"])
        }
    }

    @Test func theAuthorizeResponseIsReadIntoItsFields() async throws {
        let extra = #"""
            {"authorize": {"allow": true, "session": "S-9", "officer": {"badge": "000123", "name": "张三"},
                           "expect": {"take": [{"object": "W-2026-0001"}], "put": []}}}
            """#
        try await Self.withCabinet(extra: extra) { cabinet, _ in
            let response = try await cabinet.authorize(badge: "000123")
            #expect(response.isAllowed)
            #expect(response.session == "S-9")
            #expect(response.officer?["name"] == "张三")
            #expect(response.expectedTakes == [["object": "W-2026-0001"]])
            #expect(response.expectedPuts == [])
        }
    }

    @Test func theDoorReportsTheSessionAsTheLedgerGaveIt() async throws {
        try await Self.withCabinet { cabinet, _ in
            _ = try await cabinet.openDoor(session: "S-1")
            var request = try await Self.lastRequest(cabinet, id: 1, type: "door")
            #expect(Set(request.keys) == ["v", "id", "type", "cabinet", "session", "state"])
            #expect(request["session"] as? String == "S-1")
            #expect(request["state"] as? String == "opened")
            #expect(await cabinet.isDoorOpen)

            _ = try await cabinet.closeDoor(session: 42)
            request = try await Self.lastRequest(cabinet, id: 2, type: "door")
            #expect(request["session"] as? Int == 42)
            #expect(request["state"] as? String == "closed")
            #expect(await !cabinet.isDoorOpen)
        }
    }

    @Test func inventoryRoundsCarryNumberedRoundsOfTags() async throws {
        let noise = ReadNoise(duplicateAntennas: 2, seed: 1)
        try await Self.withCabinet(rounds: 99, noise: noise) { cabinet, _ in
            _ = try await cabinet.inventoryRound(session: "S-1")
            var request = try await Self.lastRequest(cabinet, id: 1, type: "inventory")
            #expect(Set(request.keys) == ["v", "id", "type", "cabinet", "session", "round", "complete", "tags"])
            #expect(request["round"] as? Int == 1)
            #expect(request["complete"] as? Bool == true)
            let tags = try #require(request["tags"] as? [[String: Any]])
            #expect(tags.count == 6)
            for tag in tags {
                #expect(Set(tag.keys) == ["uid", "slot", "rssi", "antenna"])
                let uid = try #require(tag["uid"] as? String)
                #expect(Self.contents.contains(SimulatedTag(uid: uid, slot: tag["slot"] as? String ?? "")))
                #expect((-50 ... -40).contains(tag["rssi"] as? Double ?? 0))
            }

            _ = try await cabinet.inventoryRound(session: nil, complete: false)
            request = try await Self.lastRequest(cabinet, id: 2, type: "inventory")
            #expect(request["session"] == nil, "a round outside a session (a stocktake) has no session")
            #expect(request["round"] as? Int == 2)
            #expect(request["complete"] as? Bool == false)
            #expect((request["tags"] as? [Any])?.count ?? 99 < 6)
        }
    }

    @Test func alarmsCarryTheirKindAndSession() async throws {
        let extra = #"{"alarm": {"finding": "F-7"}}"#
        try await Self.withCabinet(extra: extra) { cabinet, _ in
            let response = try await cabinet.alarm(kind: "door-forced")
            #expect(response.findingID == "F-7")
            var request = try await Self.lastRequest(cabinet, id: 1, type: "alarm")
            #expect(Set(request.keys) == ["v", "id", "type", "cabinet", "kind"])
            #expect(request["kind"] as? String == "door-forced")

            _ = try await cabinet.alarm(kind: "door-left-open", session: "S-3")
            request = try await Self.lastRequest(cabinet, id: 2, type: "alarm")
            #expect(request["session"] as? String == "S-3")
        }
    }

    @Test func requestIDsIncreaseByOneAcrossMessageTypes() async throws {
        try await Self.withCabinet(rounds: 1) { cabinet, _ in
            _ = try await cabinet.hello()
            _ = try await cabinet.authorize(badge: "1")
            _ = try await cabinet.openDoor(session: "S")
            _ = try await cabinet.closeDoor(session: "S")
            _ = try await cabinet.inventoryRound(session: "S")
            _ = try await cabinet.alarm(kind: "tamper")
            _ = try await cabinet.request(type: "status", fields: ["detail": true])
            let ids = await cabinet.transcript.map { exchange in
                (try? JSONValue(parsing: Data(exchange.request.utf8)))?["id"]
            }
            #expect(ids == (1...7).map { .integer($0) })
            let types = await cabinet.transcript.compactMap { $0.response.fields["echo"]?["type"]?.stringValue }
            #expect(types == ["hello", "authorize", "door", "door", "inventory", "alarm", "status"])
        }
    }

    @Test func roundsGoOnUntilTheLedgerStopsAskingForMore() async throws {
        try await Self.withCabinet(rounds: 3) { cabinet, _ in
            let response = try await cabinet.inventoryUntilReconciled(session: "S-1", maxRounds: 10)
            #expect(await cabinet.transcript.count == 3)
            let reconciled = try #require(response.reconciled)
            #expect(reconciled.session == "S-1")
            #expect(reconciled.taken == ["O-1"])
            #expect(reconciled.findings.map(\.uid) == ["04A1", "04A2", "04A3"])
            #expect(reconciled.findings.first?.kind == "peer-saw")
            #expect(reconciled.findings.first?.id == "F-0")
            #expect(!response.wantsAnotherRound)
        }
    }

    @Test func roundsStopAtTheMaximumWhileTheLedgerStillAsks() async throws {
        try await Self.withCabinet(rounds: 5) { cabinet, _ in
            let response = try await cabinet.inventoryUntilReconciled(session: "S-1", maxRounds: 2)
            #expect(await cabinet.transcript.count == 2)
            #expect(response.wantsAnotherRound)
            #expect(response.reason == "peer-needs-rounds")
            #expect(response.reconciled == nil)
        }
    }

    @Test func anErrorResponseEndsTheRounds() async throws {
        let extra = #"{"inventory": {"ok": false, "error": {"reason": "cabinet-session-unknown", "message": "无此会话"}}}"#
        try await Self.withCabinet(extra: extra, rounds: 5) { cabinet, _ in
            let response = try await cabinet.inventoryUntilReconciled(session: "S-X", maxRounds: 5)
            #expect(await cabinet.transcript.count == 1)
            #expect(!response.isOK)
            #expect(response.error?.reason == "cabinet-session-unknown")
            #expect(response.error?.message == "无此会话")
        }
    }

    @Test func physicalMovesShowInTheNextRound() async throws {
        try await Self.withCabinet(rounds: 99) { cabinet, _ in
            await #expect(throws: SimulatedCabinetError.doorClosed) { try await cabinet.take(uid: "04A1") }
            _ = try await cabinet.openDoor(session: "S")
            #expect(try await cabinet.take(uid: "04A1") == SimulatedTag(uid: "04A1", slot: "A1"))
            await #expect(throws: SimulatedCabinetError.tagNotInside("04A1")) { try await cabinet.take(uid: "04A1") }
            try await cabinet.put(uid: "04B9", slot: "A3")
            await #expect(throws: SimulatedCabinetError.unknownSlot("Z9")) { try await cabinet.put(uid: "04B8", slot: "Z9") }
            await #expect(throws: SimulatedCabinetError.tagAlreadyInside("04A2")) {
                try await cabinet.put(uid: "04A2", slot: "A1")
            }
            _ = try await cabinet.closeDoor(session: "S")
            let response = try await cabinet.inventoryRound(session: "S")
            let uids = (response.fields["echo"]?["tags"]?.arrayValue ?? []).compactMap { $0["uid"]?.stringValue }
            #expect(Set(uids) == ["04A2", "04A3", "04B9"])
        }
    }

    @Test func aCabinetWithoutSlotsTakesTheLedgersFromHello() async throws {
        let extra =
            #"{"hello": {"protocol": 1, "cabinet": {"code": "C-01", "name": "一号柜", "slots": [{"code": "L1", "name": "上层"}, {"code": "L2"}]}}}"#
        try await Self.withCabinet(extra: extra, slots: [], contents: []) { cabinet, _ in
            let response = try await cabinet.hello()
            #expect(response.protocolVersion == 1)
            #expect(response.cabinet?.name == "一号柜")
            #expect(response.cabinet?.slots.first?.name == "上层")
            #expect(await cabinet.slots == ["L1", "L2"])
            try await cabinet.stock([SimulatedTag(uid: "04C1", slot: "L2")])
            await #expect(throws: SimulatedCabinetError.unknownSlot("A1")) {
                try await cabinet.stock([SimulatedTag(uid: "04C2", slot: "A1")])
            }
            #expect(await cabinet.contents == [SimulatedTag(uid: "04C1", slot: "L2")])
        }
    }

    @Test func rawLinesGoOutAsTheyAre() async throws {
        try await Self.withCabinet { cabinet, _ in
            let response = try await cabinet.sendRaw("this is not JSON")
            #expect(!response.isOK)
            #expect(response.id == .null)
            #expect(response.error?.reason == "peer-not-json")
            #expect(response.error?.message == "this is not JSON")

            let invalid = try await cabinet.sendRaw(bytes: [0x7B, 0xFF, 0xFE, 0x7D])
            #expect(invalid.error?.message == "{\u{FFFD}\u{FFFD}}")

            let echoed = try await cabinet.sendRaw(#"{"v":1,"id":"mine","type":"hello"}"#)
            #expect(echoed.id == "mine", "a raw line's id is whatever it carried")
        }
    }

    @Test func aResponseWithAnotherIDIsRefused() async throws {
        try await Self.withCabinet(extra: #"{"hello": {"id": 999}}"#) { cabinet, _ in
            await #expect(throws: SimulatedCabinetError.responseIDMismatch(sent: 1, received: 999)) {
                try await cabinet.hello()
            }
        }
    }

    @Test func theObserverHearsEachLineAsItGoes() async throws {
        try await Self.withCabinet { cabinet, _ in
            let heard = Heard()
            await cabinet.observe { heard.append($0) }
            _ = try await cabinet.hello()
            let traffic = heard.all
            #expect(traffic.count == 2)
            guard case .sent(let line) = traffic.first, case .received(let response) = traffic.last else {
                Issue.record("expected sent then received, got \(traffic)")
                return
            }
            #expect(line == (await cabinet.transcript.first?.request))
            #expect(response.isOK)
        }
    }
}

/// What an observer heard, from any thread.
final class Heard: Sendable {
    private let traffic = Locked<[CabinetTraffic]>([])

    func append(_ item: CabinetTraffic) { traffic.withLock { $0.append(item) } }
    var all: [CabinetTraffic] { traffic.withLock { $0 } }
}
