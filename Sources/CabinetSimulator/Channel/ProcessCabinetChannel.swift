import Dispatch
import Foundation
import Glibc
import Locking

/// A line channel over a spawned process's standard input and output: how an adapter reaches
/// `ledger cabinet hook CABINET`.
///
/// ```swift
/// let channel = try await ProcessCabinetChannel.spawn(
///     executable: ledgerPath, arguments: ["--store", store, "cabinet", "hook", "C-01"])
/// let response = try await channel.exchange(#"{"v":1,"id":1,"type":"hello","cabinet":"C-01","adapter":"x"}"#)
/// ```
/// The pipes are the parent's alone (close-on-exec), so a process spawned at the same time elsewhere cannot hold
/// them open; and the process holds no descriptor of this one but its three pipes, blocks no signal and has each
/// at its default action, whatever the thread that spawned it blocks and this process ignores. ``close()``
/// closes both pipes without waiting for the process, as a dying adapter's pipes close; ``exit(within:)`` then
/// waits for the process to end, ``terminate()`` and ``kill()`` end it. Signals reach the process only until
/// its end is known, never one that took its pid since. Call ``close()`` when done: until then a thread reads the
/// process's output.
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
    private let child: ChildProcess
    private let stream: LineStream
    private let errorOutput: ErrorOutput?

    /// Starts `executable` with `arguments` and connects to its standard input and output.
    ///
    /// - Parameters:
    ///   - environment: the process's environment; nil inherits this process's.
    ///   - capturesStandardError: keep what the process writes to standard error for ``standardErrorText``;
    ///     otherwise it goes to this process's standard error.
    ///   - responseTimeout: how long an exchange waits for its response.
    /// - Throws: ``CabinetChannelError/spawnFailed(executable:message:)``, or a failed `pipe2`.
    public static func spawn(
        executable: String, arguments: [String] = [], environment: [String: String]? = nil,
        capturesStandardError: Bool = true, responseTimeout: Duration = .seconds(10)
    ) async throws -> ProcessCabinetChannel {
        // Creating pipes and spawning are system calls that may block: off the cooperative pool.
        try await withHandOff { (handOff: HandOff<ProcessCabinetChannel, any Error>) in
            DispatchQueue.global().async {
                handOff.resume(
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
        let started = try Self.start(
            executable: executable, arguments: arguments, environment: environment,
            capturesStandardError: capturesStandardError)
        self.responseTimeout = responseTimeout
        child = started.child
        processIdentifier = started.child.identifier
        let label = "cabinet-sim.process.\(started.child.identifier)"
        errorOutput = started.errorOutput.map { ErrorOutput(reading: $0, label: label) }
        stream = LineStream(.pipes(read: started.output, write: started.input), label: label)
    }

    /// Makes the pipes and starts the process on them; returns the parent's ends. If the start fails, every
    /// descriptor made is closed (once: none has been handed to anyone else).
    private static func start(
        executable: String, arguments: [String], environment: [String: String]?, capturesStandardError: Bool
    ) throws -> (child: ChildProcess, input: Int32, output: Int32, errorOutput: Int32?) {
        var made: [Int32] = []
        do {
            let input = try GNULibc.makePipe()
            made += [input.read, input.write]
            let output = try GNULibc.makePipe()
            made += [output.read, output.write]
            let errorPipe = capturesStandardError ? try GNULibc.makePipe() : nil
            made += errorPipe.map { [$0.read, $0.write] } ?? []
            let child = try ChildProcess(
                executable: executable, arguments: arguments, environment: environment, input: input.read,
                output: output.write, error: errorPipe?.write)
            // The child's ends are the child's now (it has its own copies on 0, 1 and 2).
            for end in [input.read, output.write] + (errorPipe.map { [$0.write] } ?? []) { Glibc.close(end) }
            return (child, input.write, output.read, errorPipe?.read)
        } catch {
            for descriptor in made { Glibc.close(descriptor) }
            throw error
        }
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
    /// - Throws: ``CabinetChannelError/timedOut(_:)`` if it is still running; the failed `waitid` if its end
    ///   could not be learned (`ECHILD`: something else in this process reaped it).
    public func exit(within timeout: Duration) async throws -> Exit {
        try await child.wait(timeout: timeout)
    }

    /// How the process ended; nil while it runs.
    public var exitStatus: Exit? { child.exit }

    /// Asks the process to end (SIGTERM), unless it has already ended.
    public func terminate() {
        child.signal(SIGTERM)
    }

    /// Kills the process (SIGKILL), unless it has already ended: a crash of the ledger, for recovery tests.
    public func kill() {
        child.signal(SIGKILL)
    }

    /// Sends `signal` to the process, unless it has already ended (and its pid may be another process's).
    public func signal(_ signal: Int32) {
        child.signal(signal)
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

/// A process's standard error, read to its end on a thread of its own and kept.
private final class ErrorOutput: Sendable {
    private let state = Locked<(bytes: [UInt8], isFinished: Bool)>(([], false))

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
