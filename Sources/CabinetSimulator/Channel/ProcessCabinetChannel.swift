import Dispatch
import Foundation
import Glibc
import Synchronization

/// A line channel over a spawned process's standard input and output: how an adapter reaches
/// `ledger cabinet hook CABINET`.
///
/// ```swift
/// let channel = try await ProcessCabinetChannel.spawn(
///     executable: ledgerPath, arguments: ["--store", store, "cabinet", "hook", "C-01"])
/// let response = try await channel.exchange(#"{"v":1,"id":1,"type":"hello","cabinet":"C-01","adapter":"x"}"#)
/// ```
/// The pipes are the parent's alone (close-on-exec), so a process spawned at the same time elsewhere cannot hold
/// them open. ``close()`` closes both pipes without waiting for the process, as a dying adapter's pipes close;
/// ``exit(within:)`` then waits for the process to end, ``terminate()`` and ``kill()`` end it. Call ``close()`` when done: until then a thread reads
/// the process's output.
public final class ProcessCabinetChannel: CabinetChannel {
    /// How the process ended.
    public enum Exit: Sendable, Hashable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        public var description: String {
            switch self {
            case .exited(let status): "exit status \(status)"
            case .signalled(let signal): "killed by signal \(signal)"
            }
        }
    }

    public let responseTimeout: Duration
    /// The process's pid.
    public let processIdentifier: Int32
    private let stream: LineStream
    private let watch: ExitWatch
    private let errorOutput: ErrorOutput?

    /// Starts `executable` with `arguments` and connects to its standard input and output.
    ///
    /// - Parameters:
    ///   - environment: the process's environment; nil inherits this process's.
    ///   - capturesStandardError: keep what the process writes to standard error for ``standardErrorText``;
    ///     otherwise it goes to this process's standard error.
    ///   - responseTimeout: how long an exchange waits for its response.
    /// - Throws: ``CabinetChannelError/spawnFailed(executable:message:)``, or a failed `pipe`.
    public static func spawn(
        executable: String, arguments: [String] = [], environment: [String: String]? = nil,
        capturesStandardError: Bool = true, responseTimeout: Duration = .seconds(10)
    ) async throws -> ProcessCabinetChannel {
        // Creating pipes and spawning are system calls that may block: off the cooperative pool.
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        try ProcessCabinetChannel(
                            executable: executable, arguments: arguments, environment: environment,
                            capturesStandardError: capturesStandardError, responseTimeout: responseTimeout)
                    })
            }
        }
    }

    private init(
        executable: String, arguments: [String], environment: [String: String]?, capturesStandardError: Bool,
        responseTimeout: Duration
    ) throws {
        self.responseTimeout = responseTimeout
        let input = try Self.makePipe()
        let output = try Self.makePipe()
        let errorPipe = capturesStandardError ? try Self.makePipe() : nil
        // The child's ends, handed to the process (dup2 onto 0, 1 and 2 clears their close-on-exec flag there).
        let childEnds = [input.read, output.write] + (errorPipe.map { [$0.write] } ?? [])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = FileHandle(fileDescriptor: input.read, closeOnDealloc: false)
        process.standardOutput = FileHandle(fileDescriptor: output.write, closeOnDealloc: false)
        if let errorPipe { process.standardError = FileHandle(fileDescriptor: errorPipe.write, closeOnDealloc: false) }
        let watch = ExitWatch()
        process.terminationHandler = { process in
            watch.record(
                process.terminationReason == .uncaughtSignal
                    ? .signalled(process.terminationStatus) : .exited(process.terminationStatus))
        }
        do {
            try Self.withNoSignalsBlocked { try process.run() }
        } catch {
            for descriptor in childEnds + [input.write, output.read] + (errorPipe.map { [$0.read] } ?? []) {
                Glibc.close(descriptor)
            }
            throw CabinetChannelError.spawnFailed(executable: executable, message: error.localizedDescription)
        }
        for descriptor in childEnds { Glibc.close(descriptor) }
        processIdentifier = process.processIdentifier
        self.watch = watch
        errorOutput = errorPipe.map { ErrorOutput(reading: $0.read, label: "cabinet-sim.process.\(process.processIdentifier)") }
        stream = LineStream(
            .pipes(read: output.read, write: input.write), label: "cabinet-sim.process.\(process.processIdentifier)")
    }

    /// Runs `body` with this thread's signal mask empty. A child inherits the mask of the thread that spawns it
    /// (Foundation's Process does not reset it), and dispatch's worker threads block nearly every signal: a hook
    /// spawned from one would ignore SIGTERM and never see its own signal handling work.
    private static func withNoSignalsBlocked<T>(_ body: () throws -> T) rethrows -> T {
        var none = sigset_t()
        sigemptyset(&none)
        var previous = sigset_t()
        pthread_sigmask(SIG_SETMASK, &none, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    /// A pipe whose ends are closed on exec. (Glibc's module has no pipe2; the moment between pipe and fcntl
    /// does not matter to Foundation's Process, which closes every descriptor above 2 in the child anyway.)
    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { throw CabinetChannelError.system(call: "pipe", errno: errno) }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return (descriptors[0], descriptors[1])
    }

    public func write(_ bytes: [UInt8]) async throws {
        try await stream.write(bytes)
    }

    public func exchange(_ line: [UInt8], timeout: Duration) async throws -> String {
        try await stream.exchange(line, timeout: timeout)
    }

    public func receiveLine(timeout: Duration) async throws -> String {
        try await stream.receiveLine(timeout: timeout)
    }

    /// Closes the process's standard input: it reads end of file.
    public func finishWriting() async throws {
        try await stream.finishWriting()
    }

    public func close() async {
        await stream.close()
    }

    /// How the process ended, once it has, waiting at most `timeout`.
    /// - Throws: ``CabinetChannelError/timedOut(_:)`` if it is still running.
    public func exit(within timeout: Duration) async throws -> Exit {
        try await watch.wait(timeout: timeout)
    }

    /// How the process ended; nil while it runs.
    public var exitStatus: Exit? { watch.exit }

    /// Asks the process to end (SIGTERM), unless it has already ended.
    public func terminate() {
        send(SIGTERM)
    }

    /// Kills the process (SIGKILL), unless it has already ended: a crash of the ledger, for recovery tests.
    public func kill() {
        send(SIGKILL)
    }

    private func send(_ signal: Int32) {
        guard watch.exit == nil else { return }
        _ = Glibc.kill(processIdentifier, signal)
    }

    /// What the process has written to standard error so far (empty unless captured), as UTF-8.
    public var standardErrorText: String {
        errorOutput?.text ?? ""
    }

    /// All the process wrote to standard error, once its end of file has come (the process, and whatever it left
    /// holding the pipe, has ended), waiting at most `timeout`; what came so far if it has not.
    public func standardError(within timeout: Duration) async -> String {
        guard let errorOutput else { return "" }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while !errorOutput.isFinished && clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        return errorOutput.text
    }
}

/// How a process ended, for whoever waits: set once by Foundation's termination handler.
private final class ExitWatch: Sendable {
    private struct State {
        var exit: ProcessCabinetChannel.Exit?
        var waiters: [Int: CheckedContinuation<ProcessCabinetChannel.Exit, any Error>] = [:]
        var nextToken = 0
    }

    private let state = Mutex(State())

    var exit: ProcessCabinetChannel.Exit? { state.withLock { $0.exit } }

    func record(_ exit: ProcessCabinetChannel.Exit) {
        let waiters = state.withLock { state in
            state.exit = exit
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: exit) }
    }

    func wait(timeout: Duration) async throws -> ProcessCabinetChannel.Exit {
        try await withCheckedThrowingContinuation { continuation in
            let (exit, token) = state.withLock { state -> (ProcessCabinetChannel.Exit?, Int) in
                if let exit = state.exit { return (exit, 0) }
                state.nextToken += 1
                state.waiters[state.nextToken] = continuation
                return (nil, state.nextToken)
            }
            if let exit { return continuation.resume(returning: exit) }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout.dispatchInterval) {
                let waiter = self.state.withLock { $0.waiters.removeValue(forKey: token) }
                waiter?.resume(throwing: CabinetChannelError.timedOut(timeout))
            }
        }
    }
}

/// A process's standard error, read to its end on a thread of its own and kept.
private final class ErrorOutput: Sendable {
    private let state = Mutex<(bytes: [UInt8], isFinished: Bool)>(([], false))

    init(reading descriptor: Int32, label: String) {
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    state.withLock { $0.bytes += buffer[..<count] }
                } else if count == 0 || errno != EINTR {
                    break
                }
            }
            Glibc.close(descriptor)
            state.withLock { $0.isFinished = true }
        }
        thread.name = label + ".stderr"
        thread.start()
    }

    var text: String { String(decoding: state.withLock { $0.bytes }, as: UTF8.self) }
    var isFinished: Bool { state.withLock { $0.isFinished } }
}
