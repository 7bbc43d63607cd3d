import CabinetSimulator
import Foundation
import Glibc
import Testing

/// The process channel against real child processes: cat, sh, sleep and python3.
struct ProcessCabinetChannelTests {
    static func spawn(_ executable: String, _ arguments: [String] = []) async throws -> ProcessCabinetChannel {
        try await ProcessCabinetChannel.spawn(executable: executable, arguments: arguments)
    }

    @Test func aLineGoesOutAndItsAnswerComesBack() async throws {
        let channel = try await Self.spawn("/bin/cat")
        #expect(
            try await channel.exchange(#"{"v":1,"id":1,"type":"hello","adapter":"证物柜"}"#)
                == #"{"v":1,"id":1,"type":"hello","adapter":"证物柜"}"#)
        await channel.close()
        #expect(try await channel.exit(within: .seconds(5)) == .exited(0), "cat reads end of file when the channel closes")
    }

    @Test func concurrentExchangesEachGetTheirOwnResponse() async throws {
        let channel = try await Self.spawn("/bin/cat")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<100 {
                group.addTask {
                    let line = "line \(index) " + String(repeating: "x", count: index * 37)
                    let response = try await channel.exchange(line)
                    #expect(response == line)
                }
            }
            try await group.waitForAll()
        }
        await channel.close()
    }

    @Test func aLongLineArrivesWhole() async throws {
        let channel = try await Self.spawn("/bin/cat")
        // Four times a pipe's buffer: written and read in many pieces.
        let line = String(repeating: "0123456789abcdef", count: 16_384)
        #expect(try await channel.exchange(line) == line)
        await channel.close()
    }

    @Test func aResponseThatDoesNotComeTimesOut() async throws {
        let channel = try await Self.spawn("/bin/sh", ["-c", "cat > /dev/null"])
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(throws: CabinetChannelError.timedOut(.milliseconds(200))) {
            try await channel.exchange(Array("hello".utf8), timeout: .milliseconds(200))
        }
        let waited = clock.now - start
        #expect(waited >= .milliseconds(200) && waited < .seconds(3), "waited \(waited)")
        await channel.close()
    }

    @Test func aLateResponseIsDroppedSoTheNextExchangeGetsItsOwn() async throws {
        // Answers its first line after 0.6 s, then every line at once.
        let script = """
            import sys, time
            first = sys.stdin.readline()
            time.sleep(0.6)
            print("late " + first.strip())
            for line in sys.stdin:
                print(line.strip())
            """
        let channel = try await Peers.python(script)
        await #expect(throws: CabinetChannelError.timedOut(.milliseconds(100))) {
            try await channel.exchange(Array("one".utf8), timeout: .milliseconds(100))
        }
        #expect(try await channel.exchange(Array("two".utf8), timeout: .seconds(5)) == "two")
        await channel.close()
    }

    @Test func thePeerEndingIsEndOfStreamAndItsExitStatusIsKept() async throws {
        let channel = try await Self.spawn("/bin/sh", ["-c", #"read line; echo "got $line"; exit 3"#])
        #expect(try await channel.exchange("x") == "got x")
        await #expect(throws: CabinetChannelError.endOfStream) { try await channel.exchange("y") }
        #expect(try await channel.exit(within: .seconds(5)) == .exited(3))
        #expect(channel.exitStatus == .exited(3))
        await channel.close()
    }

    @Test func aLastLineWithoutNewlineArrivesAtEndOfFile() async throws {
        let channel = try await Self.spawn("/bin/cat")
        try await channel.write(Array("first\nlast, no newline".utf8))
        try await channel.finishWriting()
        #expect(try await channel.receiveLine() == "first")
        #expect(try await channel.receiveLine() == "last, no newline")
        await #expect(throws: CabinetChannelError.endOfStream) { try await channel.receiveLine() }
        #expect(try await channel.exit(within: .seconds(5)) == .exited(0))
        await #expect(throws: CabinetChannelError.closed) { try await channel.send("after finishing") }
        await channel.close()
    }

    @Test func closingFailsWaitingExchangesAndLaterOnes() async throws {
        let channel = try await Self.spawn("/bin/sh", ["-c", "cat > /dev/null"])
        let waiting = Task { try await channel.exchange(Array("never answered".utf8), timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(100))
        await channel.close()
        await #expect(throws: CabinetChannelError.closed) { try await waiting.value }
        await #expect(throws: CabinetChannelError.closed) { try await channel.exchange("again") }
        #expect(try await channel.exit(within: .seconds(5)) == .exited(0))
        await channel.close()
    }

    @Test func closingDoesNotWaitForAPeerThatStoppedReading() async throws {
        let channel = try await Self.spawn("/bin/sleep", ["30"])
        // Far more than a pipe holds: the write waits for a reader that never comes.
        let writing = Task { try await channel.write([UInt8](repeating: 0x61, count: 1 << 20)) }
        try await Task.sleep(for: .milliseconds(200))
        let clock = ContinuousClock()
        let start = clock.now
        await channel.close()
        #expect(clock.now - start < .seconds(2))
        await #expect(throws: CabinetChannelError.closed) { try await writing.value }
        channel.kill()
        #expect(try await channel.exit(within: .seconds(5)) == .signalled(SIGKILL))
    }

    @Test func writingToAProcessThatHasEndedFailsWithoutKillingThisOne() async throws {
        let channel = try await Self.spawn("/bin/true")
        #expect(try await channel.exit(within: .seconds(5)) == .exited(0))
        // Without SIGPIPE blocked on the writing thread, this write would end the test process.
        await #expect(throws: CabinetChannelError.system(call: "write", errno: EPIPE)) {
            try await channel.write([UInt8](repeating: 0x62, count: 200_000))
        }
        await channel.close()
    }

    @Test func standardErrorIsKept() async throws {
        let channel = try await Self.spawn("/bin/sh", ["-c", "echo 'no such cabinet: C-09' >&2; exit 2"])
        #expect(try await channel.exit(within: .seconds(5)) == .exited(2))
        #expect(await channel.standardError(within: .seconds(5)) == "no such cabinet: C-09\n")
        #expect(channel.standardErrorText == "no such cabinet: C-09\n")
        await channel.close()
    }

    @Test func terminatingEndsTheProcess() async throws {
        let channel = try await Self.spawn("/bin/sleep", ["30"])
        await #expect(throws: CabinetChannelError.timedOut(.milliseconds(100))) {
            try await channel.exit(within: .milliseconds(100))
        }
        channel.terminate()
        #expect(try await channel.exit(within: .seconds(5)) == .signalled(SIGTERM))
        await channel.close()
    }

    @Test func aMissingExecutableIsASpawnFailure() async throws {
        let error = await #expect(throws: CabinetChannelError.self) {
            try await ProcessCabinetChannel.spawn(executable: "/nonexistent/ledger", arguments: ["cabinet", "hook", "C"])
        }
        guard case .spawnFailed(let executable, _) = error else {
            Issue.record("expected spawnFailed, got \(String(describing: error))")
            return
        }
        #expect(executable == "/nonexistent/ledger")
    }

    @Test func theChildGetsItsArgumentsAndEnvironment() async throws {
        let channel = try await ProcessCabinetChannel.spawn(
            executable: "/bin/sh", arguments: ["-c", #"read line; echo "$1|$CABINET_TEST|$line""#, "sh", "--store"],
            environment: ["CABINET_TEST": "环境", "PATH": "/usr/bin:/bin"])
        #expect(try await channel.exchange("ping") == "--store|环境|ping")
        await channel.close()
    }

    /// Dispatch's threads block nearly every signal, and a child inherits its spawner's mask: a hook spawned
    /// with it would never see SIGTERM.
    @Test func theChildStartsWithNoSignalBlocked() async throws {
        let channel = try await Self.spawn("/bin/sh", ["-c", "grep SigBlk /proc/self/status"])
        #expect(try await channel.receiveLine() == "SigBlk:\t0000000000000000")
        await channel.close()
    }
}
