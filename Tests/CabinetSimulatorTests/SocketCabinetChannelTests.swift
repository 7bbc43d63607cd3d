import CabinetSimulator
import Foundation
import Glibc
import Testing

/// The socket channel against a real Unix socket served by python3 (``Peers/socketServer``).
struct SocketCabinetChannelTests {
    @Test func linesGoBothWaysOverTheSocket() async throws {
        try await Peers.withSocketServer(mode: "echo") { path, control in
            let channel = try await SocketCabinetChannel.connect(to: path)
            #expect(channel.path == path)
            #expect(try await channel.exchange(#"{"v":1,"id":"a","type":"hello"}"#) == #"{"v":1,"id":"a","type":"hello"}"#)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        let response = try await channel.exchange("line \(index) 证")
                        #expect(response == "line \(index) 证")
                    }
                }
                try await group.waitForAll()
            }
            await channel.close()
            #expect(try await control.receiveLine() == "closed", "the server reads end of file")
        }
    }

    @Test func severalConnectionsAtOnce() async throws {
        try await Peers.withSocketServer(mode: "echo") { path, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for cabinet in 0..<8 {
                    group.addTask {
                        let channel = try await SocketCabinetChannel.connect(to: path)
                        for index in 0..<20 {
                            let response = try await channel.exchange("C-\(cabinet) \(index)")
                            #expect(response == "C-\(cabinet) \(index)")
                        }
                        await channel.close()
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    @Test func aRefusedPeerReadsOneLineThenEndOfFile() async throws {
        try await Peers.withSocketServer(mode: "refuse") { path, _ in
            let channel = try await SocketCabinetChannel.connect(to: path)
            let response = try CabinetResponse(line: try await channel.receiveLine())
            #expect(!response.isOK)
            #expect(response.id == .null)
            #expect(response.error?.reason == "cabinet-peer-refused")
            await #expect(throws: CabinetChannelError.endOfStream) { try await channel.receiveLine() }
            await channel.close()
        }
    }

    @Test func aSilentServerTimesOut() async throws {
        try await Peers.withSocketServer(mode: "silent") { path, _ in
            let channel = try await SocketCabinetChannel.connect(to: path, responseTimeout: .milliseconds(150))
            await #expect(throws: CabinetChannelError.timedOut(.milliseconds(150))) { try await channel.exchange("hello") }
            await channel.close()
        }
    }

    @Test func finishingWritingLetsTheServerSeeEndOfFile() async throws {
        try await Peers.withSocketServer(mode: "echo") { path, control in
            let channel = try await SocketCabinetChannel.connect(to: path)
            try await channel.write(Array("tail without newline".utf8))
            try await channel.finishWriting()
            #expect(try await channel.receiveLine() == "tail without newline")
            #expect(try await control.receiveLine() == "closed")
            await #expect(throws: CabinetChannelError.endOfStream) { try await channel.receiveLine() }
            await channel.close()
        }
    }

    @Test func connectingWhereNoSocketIsFails() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("none.sock").path
            await #expect(throws: CabinetChannelError.system(call: "connect \(path)", errno: ENOENT)) {
                try await SocketCabinetChannel.connect(to: path)
            }
        }
        let long = "/tmp/" + String(repeating: "s", count: 120)
        await #expect(throws: CabinetChannelError.socketPathTooLong(long)) {
            try await SocketCabinetChannel.connect(to: long)
        }
    }
}
