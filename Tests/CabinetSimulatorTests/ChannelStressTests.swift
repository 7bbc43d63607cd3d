import CabinetSimulator
import Foundation
import Glibc
import Locking
import Testing

/// Many channels at once, with unrelated processes started alongside through Foundation's `Process`, as in the
/// full test run: each channel must touch only its own descriptors and signal only its own process.
///
/// What this hunts: a descriptor closed while another thread still uses it, or closed twice (its number, taken
/// meanwhile by a new pipe elsewhere, then gets read, written or closed), a descriptor inherited by a process
/// spawned elsewhere, and a signal sent to a pid that has been reaped (by then maybe another process's). Any of
/// them shows here as a `sleep` that ends before its channel signals it, or by another signal than its channel's;
/// a write to a `sleep` that fails with EPIPE instead of waiting for a reader; a line that comes back to the wrong
/// channel; an unrelated process that reads the wrong input or ends with the wrong status; or a canary — a socket
/// pair made just after a channel closed, so likely on the numbers it freed — that someone else wrote, read or
/// closed.
@Suite(.timeLimit(.minutes(1)))
struct ChannelStressTests {
    /// How long the lanes go on starting rounds; the last rounds end within seconds after.
    static let duration: Duration = .seconds(6)
    /// Each ends `sleep` by default; every lane uses them in turn, so a signal that strays is likely the wrong one.
    static let endingSignals: [Int32] = [SIGTERM, SIGKILL, SIGINT, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM]

    @Test func channelsAtOnceTouchOnlyTheirOwnDescriptorsAndProcesses() async throws {
        try await Peers.withSocketServer(mode: "echo") { path, _ in
            let deadline = ContinuousClock.now + Self.duration
            var rounds: [String: Int] = [:]
            try await withThrowingTaskGroup(of: (String, Int).self) { group in
                for lane in 0..<4 { group.addTask { ("sleep", try await Self.sleeperLane(lane, until: deadline)) } }
                for lane in 0..<3 { group.addTask { ("cat", try await Self.catLane(lane, until: deadline)) } }
                for lane in 0..<3 { group.addTask { ("socket", try await Self.socketLane(lane, path: path, until: deadline)) } }
                for lane in 0..<3 { group.addTask { ("unrelated", try await Self.unrelatedLane(lane, until: deadline)) } }
                for try await (kind, count) in group { rounds[kind, default: 0] += count }
            }
            // Enough rounds of each that the checks above meant something, even on a slow machine.
            for kind in ["sleep", "cat", "socket", "unrelated"] {
                #expect(rounds[kind, default: 0] >= 12, "only \(rounds[kind, default: 0]) rounds of \(kind): \(rounds)")
            }
        }
    }

    /// `sleep 30` children: a write that waits, then close and signal (or signal, then close); each must end by
    /// its own channel's signal, and only once that was sent.
    private static func sleeperLane(_ lane: Int, until deadline: ContinuousClock.Instant) async throws -> Int {
        var round = 0
        var canary: Canary?
        while ContinuousClock.now < deadline {
            let signal = endingSignals[(lane * 3 + round) % endingSignals.count]
            let channel = try await ProcessCabinetChannel.spawn(executable: "/bin/sleep", arguments: ["30"])
            let context = "sleeper \(lane).\(round), pid \(channel.processIdentifier), signal \(signal)"
            await #expect(throws: CabinetChannelError.timedOut(.milliseconds(20)), "\(context): ended before it was signalled") {
                try await channel.exit(within: .milliseconds(20))
            }
            // Far more than a pipe holds: the write waits for a reader that never comes.
            let writing = Task { try await channel.write([UInt8](repeating: 0x61, count: 1 << 20)) }
            try await Task.sleep(for: .milliseconds(Int.random(in: 1...30)))
            canary?.check()
            if round.isMultiple(of: 2) {
                await channel.close()
                canary = try Canary(context)
                // EPIPE here would mean the pipe had lost its reader: the sleep gone, or a pipe not its own.
                await #expect(throws: CabinetChannelError.closed, "\(context)") { try await writing.value }
                #expect(channel.exitStatus == nil, "\(context): ended before it was signalled")
                channel.signal(signal)
                let exit = try await channel.exit(within: .seconds(10))
                #expect(exit == .signalled(signal), "\(context): \(exit)")
            } else {
                #expect(channel.exitStatus == nil, "\(context): ended before it was signalled")
                channel.signal(signal)
                let exit = try await channel.exit(within: .seconds(10))
                #expect(exit == .signalled(signal), "\(context): \(exit)")
                // Now the reader has gone, the channel still open: the waiting write fails as a write.
                await #expect(throws: CabinetChannelError.system(call: "write", errno: EPIPE), "\(context)") {
                    try await writing.value
                }
                await channel.close()
                canary = try Canary(context)
            }
            // After the end, signals go nowhere: the pid may already be another process's.
            channel.kill()
            channel.terminate()
            round += 1
        }
        try await Task.sleep(for: .milliseconds(100))
        canary?.check()
        return round
    }

    /// `cat` children: concurrent exchanges, then the end of writing, a close with an exchange on its way, or a
    /// plain close; `cat` must read end of file and exit 0 (or die of SIGPIPE, echoing the line on its way).
    private static func catLane(_ lane: Int, until deadline: ContinuousClock.Instant) async throws -> Int {
        var round = 0
        var canary: Canary?
        while ContinuousClock.now < deadline {
            let channel = try await ProcessCabinetChannel.spawn(executable: "/bin/cat")
            let context = "cat \(lane).\(round), pid \(channel.processIdentifier)"
            try await exchangeTaggedLines(over: channel, context)
            canary?.check()
            // Closing with a line on its way may leave `cat` writing its echo into a pipe nobody reads.
            var ends: [ProcessCabinetChannel.Exit] = [.exited(0)]
            switch round % 3 {
            case 0:
                try await channel.finishWriting()
                await #expect(throws: CabinetChannelError.endOfStream, "\(context)") { try await channel.receiveLine() }
            case 1:
                try await closeWithAnExchangeOnItsWay(channel, context)
                ends.append(.signalled(SIGPIPE))
            default:
                await channel.close()
            }
            await channel.close()
            canary = try Canary(context)
            let exit = try await channel.exit(within: .seconds(10))
            #expect(ends.contains(exit), "\(context): \(exit)")
            round += 1
        }
        try await Task.sleep(for: .milliseconds(100))
        canary?.check()
        return round
    }

    /// Connections to the echo server: concurrent exchanges, then a close, sometimes with an exchange on its way.
    private static func socketLane(_ lane: Int, path: String, until deadline: ContinuousClock.Instant) async throws -> Int {
        var round = 0
        var canary: Canary?
        while ContinuousClock.now < deadline {
            let channel = try await SocketCabinetChannel.connect(to: path)
            let context = "socket \(lane).\(round)"
            try await exchangeTaggedLines(over: channel, context)
            canary?.check()
            if round.isMultiple(of: 2) {
                try await closeWithAnExchangeOnItsWay(channel, context)
            } else {
                await channel.close()
            }
            canary = try Canary(context)
            round += 1
        }
        try await Task.sleep(for: .milliseconds(100))
        canary?.check()
        return round
    }

    /// Short-lived processes that know nothing of the channels: each echoes its line and exits with its own status.
    private static func unrelatedLane(_ lane: Int, until deadline: ContinuousClock.Instant) async throws -> Int {
        var round = 0
        while ContinuousClock.now < deadline {
            let status = Int32.random(in: 0...99)
            let line = "unrelated \(lane).\(round) \(UInt64.random(in: .min ... .max))"
            let run = try await UnrelatedProcess.run(#"read line; echo "$line"; exit "# + String(status), input: line + "\n")
            #expect(run.output == line + "\n", "unrelated \(lane).\(round), pid \(run.pid): its input or output was not its own")
            #expect(run.reason == .exit && run.status == status, "unrelated \(lane).\(round), pid \(run.pid): \(run.reason) \(run.status)")
            round += 1
        }
        return round
    }

    /// Up to 20 lines, each naming its channel and round, exchanged at once: each must get its own line back.
    private static func exchangeTaggedLines(over channel: some CabinetChannel, _ context: String) async throws {
        let nonce = UInt64.random(in: .min ... .max)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<Int.random(in: 1...20) {
                group.addTask {
                    let line = "\(context) line \(index) \(nonce)"
                    let response = try await channel.exchange(line)
                    #expect(response == line, "\(context): a line came back to the wrong exchange or channel")
                }
            }
            try await group.waitForAll()
        }
    }

    /// Closes while an exchange is being made: it gets its own line back or fails as closed, never anything else.
    private static func closeWithAnExchangeOnItsWay(_ channel: some CabinetChannel, _ context: String) async throws {
        let line = "\(context) last line"
        let exchange = Task { try await channel.exchange(line) }
        await Task.yield()
        await channel.close()
        switch await exchange.result {
        case .success(let response): #expect(response == line, "\(context)")
        case .failure(let error): #expect(error as? CabinetChannelError == .closed, "\(context)")
        }
    }
}

/// A socket pair made just after a channel closed, so likely on descriptor numbers the channel freed; nobody but
/// its maker may read, write or close it. (Sockets rather than a pipe: a stray `write` and a stray `send` both
/// land in one, and probing it cannot raise SIGPIPE.)
private struct Canary {
    let context: String
    let ends: [Int32]
    let identities: [UInt]

    init(_ context: String) throws {
        self.context = context
        var ends: [Int32] = [-1, -1]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        guard socketpair(AF_UNIX, type, 0, &ends) == 0 else { throw CabinetChannelError.system(call: "socketpair", errno: errno) }
        self.ends = ends
        identities = ends.map(Self.identity)
    }

    /// The socket's inode; 0 if the descriptor is not open.
    private static func identity(_ descriptor: Int32) -> UInt {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? UInt(info.st_ino) : 0
    }

    /// Checks that both ends are still this pair's, that nothing was written into them, and that what is sent
    /// arrives (nobody else reads them); then closes them.
    func check() {
        defer { for end in ends where Self.identity(end) != 0 { close(end) } }
        for (end, identity) in zip(ends, identities) {
            guard Self.identity(end) == identity else {
                Issue.record("\(context): the canary's descriptor \(end) was closed or replaced by someone else")
                return
            }
        }
        for (from, to) in [(ends[0], ends[1]), (ends[1], ends[0])] {
            var byte: UInt8 = 0
            let early = recv(to, &byte, 1, Int32(MSG_DONTWAIT))
            #expect(early == -1 && errno == EAGAIN, "\(context): something was written into the canary's descriptor \(from)")
            var probe = UInt8(ascii: "c")
            #expect(send(from, &probe, 1, Int32(MSG_NOSIGNAL)) == 1, "\(context): the canary's descriptor \(from) cannot send")
            var received: UInt8 = 0
            var count = -1
            for _ in 0..<100 where count < 0 {
                count = recv(to, &received, 1, Int32(MSG_DONTWAIT))
                if count < 0 { usleep(1000) }
            }
            #expect(count == 1 && received == probe, "\(context): what the canary sent did not arrive: someone else read it")
        }
    }
}

/// A process started with Foundation's `Process`, as the ledger's own tests start theirs, on a thread of its own.
private enum UnrelatedProcess {
    struct Run: Sendable {
        var pid: Int32
        var output: String
        var reason: Process.TerminationReason
        var status: Int32
    }

    /// Runs `sh -c script`, writes `input` to it, reads its output to the end and waits for it.
    static func run(_ script: String, input: String) async throws -> Run {
        try await withHandOff { (handOff: HandOff<Run, any Error>) in
            let thread = Thread {
                handOff.resume(with: Result { try runHere(script, input: input) })
            }
            thread.start()
        }
    }

    private static func runHere(_ script: String, input: String) throws -> Run {
        // Our own thread: a write to a process that died early fails with EPIPE instead of ending the test run.
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        let standardInput = Pipe()
        let standardOutput = Pipe()
        process.standardInput = standardInput
        process.standardOutput = standardOutput
        try process.run()
        let bytes = Array(input.utf8)
        let written = Glibc.write(standardInput.fileHandleForWriting.fileDescriptor, bytes, bytes.count)
        if written != bytes.count { Issue.record("writing to unrelated process \(process.processIdentifier): \(written)") }
        try standardInput.fileHandleForWriting.close()
        let output = standardOutput.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            pid: process.processIdentifier, output: String(decoding: output, as: UTF8.self),
            reason: process.terminationReason, status: process.terminationStatus)
    }
}
