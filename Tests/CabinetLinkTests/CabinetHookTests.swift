import CabinetLink
import Foundation
import Glibc
import Testing

@Suite(.timeLimit(.minutes(2)))
struct CabinetHookTests {
    /// A pipe's two ends as raw descriptors, closed when the test is done with them.
    private final class RawPipe: Sendable {
        let reader: Int32
        let writer: Int32

        init() throws {
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { throw TestFailure("pipe: \(String(cString: strerror(errno)))") }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            (reader, writer) = (ends[0], ends[1])
        }

        func closeReader() { close(reader) }
        func closeWriter() { close(writer) }
    }

    /// Writes all bytes to a descriptor (from a test thread).
    private static func write(_ bytes: [UInt8], to descriptor: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw TestFailure("write: \(String(cString: strerror(errno)))") }
            offset += count
        }
    }

    /// Reads lines from a descriptor until end of input (from a test thread).
    private static func readLines(from descriptor: Int32) -> [String] {
        let data = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func answersEveryLineInOrderOverAPipePair() async throws {
        let requests = try RawPipe()
        let responses = try RawPipe()
        let handler = EchoHandler()
        let sent = (0..<300).map { "{\"v\":1,\"id\":\($0)}" }
        let hook = Task { try await CabinetHook.run(input: requests.reader, output: responses.writer, handler: handler) }
        let reader = Task { try await onOwnThread { Self.readLines(from: responses.reader) } }
        try await onOwnThread {
            // In odd pieces, so that lines arrive split across reads.
            let bytes = Array(sent.map { $0 + "\n" }.joined().utf8)
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + 1 + start % 97)
                try Self.write(Array(bytes[start..<end]), to: requests.writer)
                start = end
            }
            requests.closeWriter()
        }
        try await hook.value
        responses.closeWriter()
        let answers = try await reader.value.map(EchoResponse.init)
        requests.closeReader()
        responses.closeReader()
        #expect(answers.map(\.echo) == sent)
        #expect(answers.allSatisfy { $0.connection == 0 && $0.uid == nil && $0.pid == nil })
        #expect(handler.snapshot.opened == [CabinetHook.peer])
        #expect(handler.snapshot.closed == [CabinetHook.peer])
        #expect(CabinetHook.peer == CabinetPeer(connection: 0, pid: nil, uid: nil, gid: nil))
    }

    @Test func anOverlongLineGetsOneAnswerAndTheNextLineIsAnswered() async throws {
        let requests = try RawPipe()
        let responses = try RawPipe()
        let handler = EchoHandler()
        let hook = Task {
            try await CabinetHook.run(input: requests.reader, output: responses.writer, handler: handler, lineLimit: 64)
        }
        try await onOwnThread {
            try Self.write(Array(("first\n" + String(repeating: "x", count: 10_000) + "\nsecond\nthird").utf8), to: requests.writer)
            requests.closeWriter()
        }
        try await hook.value
        responses.closeWriter()
        let answers = try await onOwnThread { Self.readLines(from: responses.reader) }.map(EchoResponse.init)
        requests.closeReader()
        responses.closeReader()
        #expect(answers.map { $0.echo ?? $0.error } == ["first", "cabinet-line-too-long", "second", "third"])
        #expect(handler.snapshot.overlong == [0: 1])
    }

    /// A shell's printf writes the requests; the hook reads them from the pipe it writes into.
    @Test func answersRequestsWrittenByAChildProcess() async throws {
        let responses = try RawPipe()
        let handler = EchoHandler()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", #"printf 'first\r\n\n{"v":1}\n'; sleep 0.2; printf 'last'"#]
        let requests = Pipe()
        process.standardOutput = requests
        try process.run()
        try await CabinetHook.run(input: requests.fileHandleForReading.fileDescriptor, output: responses.writer, handler: handler)
        responses.closeWriter()
        let answers = try await onOwnThread { Self.readLines(from: responses.reader) }.map(EchoResponse.init)
        responses.closeReader()
        try await onOwnThread { process.waitUntilExit() }
        #expect(answers.map(\.echo) == ["first", "{\"v\":1}", "last"])
        #expect(process.terminationStatus == 0)
        withExtendedLifetime(requests) {}
    }

    /// An adapter in Python that sends a request, waits for its answer, then sends the next: it would hang if
    /// an answer were held back in a buffer.
    @Test func servesAnAdapterProcessInLockstep() async throws {
        let script = #"""
            import json, os, signal, sys
            # Foundation's Process passes on the spawning thread's signal mask, where SIGALRM is blocked.
            signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGALRM])
            signal.alarm(300)  # a bound against a hang, not a speed limit: a loaded CI machine took 130 s once
            for i in range(200):
                sys.stdout.write(json.dumps({"v": 1, "id": i}) + "\n")
                sys.stdout.flush()
                line = sys.stdin.readline()
                if not line:
                    sys.exit("no answer to %d" % i)
                if json.loads(json.loads(line)["echo"])["id"] != i:
                    sys.exit("wrong answer to %d: %s" % (i, line))
            sys.stdout.write("y" * 5000 + "\n")
            sys.stdout.flush()
            print(sys.stdin.readline().strip(), file=sys.stderr)
            sys.stdout.write('{"bye":true}')
            sys.stdout.flush()
            os.close(1)
            print(sys.stdin.readline().strip(), file=sys.stderr)
            """#
        let handler = EchoHandler()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script]
        let toHook = Pipe()
        let fromHook = Pipe()
        let errors = Pipe()
        process.standardOutput = toHook
        process.standardInput = fromHook
        process.standardError = errors
        try process.run()
        let errorText = ErrorCollector(errors.fileHandleForReading)
        try await CabinetHook.run(
            input: toHook.fileHandleForReading.fileDescriptor, output: fromHook.fileHandleForWriting.fileDescriptor, handler: handler,
            lineLimit: 1024)
        try fromHook.fileHandleForWriting.close()
        try await onOwnThread { process.waitUntilExit() }
        let stderr = try await onOwnThread { errorText.wait() }
        #expect(process.terminationStatus == 0, "\(stderr)")
        let lines = stderr.split(separator: "\n").map(String.init)
        try #require(lines.count == 2, "\(stderr)")
        #expect(try EchoResponse(lines[0]).error == "cabinet-line-too-long")
        #expect(try EchoResponse(lines[1]).echo == #"{"bye":true}"#)
        #expect(handler.snapshot.lines[0]?.count == 201)
        #expect(handler.snapshot.closed == [CabinetHook.peer])
    }

    /// The adapter closed the hook's output: the hook ends with EPIPE, and the process lives on although
    /// SIGPIPE's disposition is the default (terminate).
    @Test func aClosedOutputEndsTheHookWithoutKillingTheProcess() async throws {
        var disposition = sigaction()
        sigaction(SIGPIPE, nil, &disposition)
        let isDefault = unsafeBitCast(disposition.__sigaction_handler.sa_handler, to: Int.self) == 0
        #expect(isDefault, "SIGPIPE is not at its default disposition, so this test cannot show the hook survives it")
        let requests = try RawPipe()
        let responses = try RawPipe()
        responses.closeReader()
        let handler = EchoHandler()
        try await onOwnThread {
            try Self.write(Array("one\ntwo\n".utf8), to: requests.writer)
            requests.closeWriter()
        }
        let error = await #expect(throws: CabinetHookError.self) {
            try await CabinetHook.run(input: requests.reader, output: responses.writer, handler: handler)
        }
        #expect(error == .writeFailed(code: EPIPE))
        #expect(error?.reason == "hook-write-failed")
        #expect(error?.arguments["errno"] == String(EPIPE))
        #expect(handler.snapshot.lines[0] == [Array("one".utf8)])
        #expect(handler.snapshot.closed == [CabinetHook.peer])
        requests.closeReader()
        responses.closeWriter()
    }

    @Test func aFailedReadEndsTheHookWithItsErrno() async throws {
        let directory = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        try #require(directory >= 0)
        defer { close(directory) }
        let responses = try RawPipe()
        defer {
            responses.closeReader()
            responses.closeWriter()
        }
        let handler = EchoHandler()
        let error = await #expect(throws: CabinetHookError.self) {
            try await CabinetHook.run(input: directory, output: responses.writer, handler: handler)
        }
        #expect(error == .readFailed(code: EISDIR))
        #expect(error?.description.hasPrefix("hook-read-failed(") == true)
        #expect(handler.snapshot.closed == [CabinetHook.peer])
    }
}
