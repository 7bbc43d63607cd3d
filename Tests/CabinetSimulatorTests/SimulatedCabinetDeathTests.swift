import CabinetSimulator
import Foundation
import Testing

/// die(): the adapter vanishes mid-session and its channel closes; the physical cabinet stays.
struct SimulatedCabinetDeathTests {
    @Test func dyingClosesTheHookProcesssInput() async throws {
        let peer = try await Peers.python(Peers.scriptedProtocolPeer)
        let cabinet = SimulatedCabinet(
            code: "C-01", slots: ["A1"], contents: [SimulatedTag(uid: "04A1", slot: "A1")], link: peer)
        _ = try await cabinet.openDoor(session: "S-1")
        try await cabinet.take(uid: "04A1")
        await cabinet.die()
        // The peer reads end of file and ends, as a hook does when its adapter dies.
        #expect(try await peer.exit(within: .seconds(5)) == .exited(0))
        await #expect(throws: CabinetChannelError.closed) { try await cabinet.closeDoor(session: "S-1") }
        #expect(await cabinet.contents.isEmpty)
        #expect(await !cabinet.isDoorOpen, "the door closed, though no adapter reported it")
    }

    @Test func dyingClosesTheSocketConnection() async throws {
        try await Peers.withSocketServer(mode: "echo") { path, control in
            let channel = try await SocketCabinetChannel.connect(to: path)
            let cabinet = SimulatedCabinet(code: "C-02", slots: ["A1"], link: channel)
            // The echo server sends the request back: its own line, read as a response, carries the same id.
            let echoed = try await cabinet.hello(adapter: "socket")
            #expect(echoed.fields["type"] == "hello")
            await cabinet.die()
            #expect(try await control.receiveLine() == "closed")
            await #expect(throws: CabinetChannelError.closed) { try await cabinet.hello() }
        }
    }

    @Test func aRestartedAdapterGoesOnWithTheSameCabinet() async throws {
        let first = try await Peers.python(Peers.scriptedProtocolPeer, ["{}", "2"])
        let cabinet = SimulatedCabinet(
            code: "C-01", slots: ["A1", "A2"], contents: [SimulatedTag(uid: "04A1", slot: "A1")], link: first)
        _ = try await cabinet.closeDoor(session: "S-1")
        _ = try await cabinet.inventoryRound(session: "S-1")
        await cabinet.die()
        await #expect(throws: CabinetChannelError.closed) { try await cabinet.inventoryRound(session: "S-1") }

        let second = try await Peers.python(Peers.scriptedProtocolPeer, ["{}", "1"])
        await cabinet.reconnect(over: second)
        let response = try await cabinet.inventoryUntilReconciled(session: "S-1")
        #expect(response.reconciled?.findings.map(\.uid) == ["04A1"])
        let request = try #require(await cabinet.transcript.last?.response.fields["echo"])
        // Ids and rounds go on; the round that failed with the dead channel used up its number.
        #expect(request["id"] == 4)
        #expect(request["round"] == 3)
        await second.close()
    }
}
