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

    /// Dispatch's threads block nearly every signal, and a child would inherit its spawner's mask and the
    /// signals this process ignores: a hook spawned so would never see SIGTERM. (SIGWINCH is ignored here for a
    /// moment to show the latter; ignoring it changes nothing for this process, whose default is to ignore it.)
    @Test func theChildStartsWithNoSignalBlockedOrIgnored() async throws {
        let previous = Glibc.signal(SIGWINCH, SIG_IGN)
        let channel: ProcessCabinetChannel
        do {
            defer { Glibc.signal(SIGWINCH, previous) }
            channel = try await Self.spawn("/bin/sh", ["-c", "grep -E '^Sig(Blk|Ign)' /proc/self/status"])
        }
        #expect(try await channel.receiveLine() == "SigBlk:\t0000000000000000")
        // Of the standard signals (1 to 31, the mask's low bits): glibc's posix_spawn itself ignores its two
        // internal ones, 32 and 33, in the child.
        let ignored = try await channel.receiveLine()
        let mask = try #require(UInt64(ignored.dropFirst("SigIgn:\t".count), radix: 16), "\(ignored)")
        #expect(mask & 0x7FFF_FFFF == 0, "\(ignored)")
        await channel.close()
    }

    /// A descriptor the child inherited would keep its file open for as long as the child lives: a `sleep 30`
    /// holding another test's pipe keeps that test's end of file from coming. Foundation makes its pipes without
    /// close-on-exec, as this test does with its own.
    @Test func theChildHoldsOnlyItsThreeStandardDescriptors() async throws {
        let notCloseOnExec = Pipe()
        let channel = try await Self.spawn("/bin/sh", ["-c", "ls /proc/$$/fd"])
        var descriptors: [String] = []
        while let line = try? await channel.receiveLine() { descriptors.append(line) }
        #expect(descriptors == ["0", "1", "2"])
        await channel.close()
        withExtendedLifetime(notCloseOnExec) {}
    }

    /// The pid of a process that has been reaped may be another process's at once: by then the channel must know
    /// the end, so that it sends no signal there. Foundation's `Process` reaps first and tells later.
    @Test func theEndIsKnownBeforeThePidIsReleased() async throws {
        for round in 0..<20 {
            let channel = try await Self.spawn("/bin/sh", ["-c", "exit 7"])
            let pid = channel.processIdentifier
            let deadline = ContinuousClock.now + .seconds(10)
            // Alive, or a zombie not yet reaped; then ESRCH. (If the pid were taken again at once, kill would
            // succeed again: the loop would wait for the deadline and the round prove nothing.)
            while Glibc.kill(pid, 0) == 0 && ContinuousClock.now < deadline { await Task.yield() }
            #expect(channel.exitStatus == .exited(7), "round \(round): pid \(pid) released, its end not yet known")
            await channel.close()
        }
    }

    @Test func theSignalGivenEndsTheProcessAndLaterOnesChangeNothing() async throws {
        let channel = try await Self.spawn("/bin/sleep", ["30"])
        channel.signal(SIGUSR1)
        #expect(try await channel.exit(within: .seconds(5)) == .signalled(SIGUSR1))
        channel.signal(SIGKILL)
        channel.terminate()
        #expect(channel.exitStatus == .signalled(SIGUSR1))
        await channel.close()
    }
}
