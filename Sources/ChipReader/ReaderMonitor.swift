import Dispatch
import Foundation
import Locking

/// Watches the PC/SC readers and reports what happens as one stream of ``ReaderEvent``s.
///
/// The blocking PC/SC calls run on a thread of the monitor's own, never on Swift's cooperative pool. Ending
/// the stream cancels the blocked wait with `SCardCancel` on the waiting context, so the thread ends within
/// one call. When pcscd goes away the monitor reports ``ReaderEvent/serviceLost(reason:)``, re-establishes a
/// context with backoff (a context that still claims to be valid is not trusted: pcsc-lite keeps
/// `SCardIsValidContext` happy after pcscd died), and reports ``ReaderEvent/serviceRestored`` and a new
/// snapshot once it is back.
public struct ReaderMonitor: TagEventSource {
    public var policy: ReaderPolicy
    /// How often the reader list is read again even without a change (hot-plug without a PnP signal).
    public var pollInterval: Duration
    /// PC/SC, or a fake in tests.
    let service: ReaderServiceFactory
    /// Where the monitor's threads are counted (the process's, or a test's own).
    let threads: PCSCThreads

    public init(policy: ReaderPolicy = .fromEnvironment(), pollInterval: Duration = .milliseconds(500)) {
        self.init(policy: policy, pollInterval: pollInterval, service: .pcsc)
    }

    init(policy: ReaderPolicy, pollInterval: Duration, service: ReaderServiceFactory, threads: PCSCThreads = .process) {
        self.policy = policy
        self.pollInterval = pollInterval
        self.service = service
        self.threads = threads
    }

    public func events() -> AsyncStream<ReaderEvent> {
        events(onThreadExit: {})
    }

    /// ``events()``, calling `onThreadExit` when the monitor's thread has ended (for tests of cancellation).
    func events(onThreadExit: @escaping @Sendable () -> Void) -> AsyncStream<ReaderEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ReaderEvent.self, bufferingPolicy: .unbounded)
        let loop = MonitorLoop(
            policy: policy, pollInterval: pollInterval, service: service, threads: threads, continuation: continuation,
            onExit: onThreadExit)
        continuation.onTermination = { _ in loop.cancel() }
        threads.start(loop)
        return stream
    }

    /// Ends every PC/SC call of this process: cancels the monitors still running, lets no new call start, and
    /// waits up to `limit` for the calls under way to return; false if one had not by then.
    ///
    /// Call once, just before the process exits: pcsc-lite frees its list of contexts in a destructor at
    /// `exit`, and a thread still inside a PC/SC call then (a wait being cancelled, a context being released)
    /// crashes the process after its work is done.
    @discardableResult
    public static func stopAll(waitingAtMost limit: Duration = .seconds(2)) async -> Bool {
        await withHandOff { (handOff: HandOff<Bool, Never>) in
            let thread = Thread { handOff.resume(returning: PCSCThreads.process.stopAll(waitingAtMost: limit)) }
            thread.name = "ChipReader.stopAll"
            thread.start()
        }
    }

    /// The readers and what is on them now, with the policy applied (for `ledger readers`), and the virtual
    /// readers the policy refused. The blocking calls run on a thread of their own.
    public func currentReaders() async throws -> (readers: [ReaderStatus], refused: [String]) {
        let monitor = self
        return try await withHandOff { (handOff: HandOff<([ReaderStatus], [String]), any Error>) in
            let started = monitor.threads.run {
                handOff.resume(with: Result { (try monitor.readersNow(), try monitor.refusedReaders()) })
            }
            if !started { handOff.resume(throwing: ReaderError(.cancelled, reason: "pcsc-stopped")) }
        }
    }

    private func readersNow() throws -> [ReaderStatus] {
        let context = try PCSCContext()
        let names = try context.readers().filter(policy.allows)
        guard !names.isEmpty else { return [] }
        let states = try context.waitForChange(names.map { ($0, nil) }, milliseconds: 0, watchPlugAndPlay: false) ?? [:]
        return names.map { ReaderStatus(reader: $0, hasTag: states[$0]?.isPresent ?? false, atr: states[$0]?.atr ?? []) }
    }

    /// The readers refused by policy (to say so, rather than silently show nothing).
    private func refusedReaders() throws -> [String] {
        try PCSCContext().readers().filter { !policy.allows($0) && ReaderPolicy.isVirtual($0) }
    }
}

/// The monitor's thread: the loop and the state it shares with ``cancel()``.
///
/// `@unchecked Sendable`: `run()` runs on exactly one thread; the only state touched from other threads is
/// `shared` (behind a lock) and the semaphore, which are thread-safe.
final class MonitorLoop: @unchecked Sendable {
    private struct Shared {
        var isCancelled = false
        /// The context a wait may be blocked on, for `SCardCancel`.
        var context: Int?
    }

    private let policy: ReaderPolicy
    private let service: ReaderServiceFactory
    private let threads: PCSCThreads
    private let pollMilliseconds: Int
    private let continuation: AsyncStream<ReaderEvent>.Continuation
    private let onExit: @Sendable () -> Void
    private let shared = Locked(Shared())
    /// Wakes a backoff sleep early on cancellation.
    private let wakeUp = DispatchSemaphore(value: 0)

    init(
        policy: ReaderPolicy, pollInterval: Duration, service: ReaderServiceFactory, threads: PCSCThreads,
        continuation: AsyncStream<ReaderEvent>.Continuation, onExit: @escaping @Sendable () -> Void
    ) {
        self.policy = policy
        self.service = service
        self.threads = threads
        self.onExit = onExit
        let (seconds, attoseconds) = pollInterval.components
        self.pollMilliseconds = max(10, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
        self.continuation = continuation
    }

    /// Ends the loop from any thread. The `SCardCancel` that ends a blocked wait is itself a blocking call to
    /// pcscd, so it runs on a thread of its own, never on the caller's (the stream may end on Swift's pool).
    func cancel() {
        // Once the process is stopping this runs nothing: ``PCSCThreads/stopAll(waitingAtMost:)`` cancels the wait.
        if let context = markCancelled() {
            threads.run(named: "ChipReader.cancel") { [service] in service.cancel(context) }
        }
        wakeUp.signal()
    }

    /// Ends the loop from a thread that may block (``PCSCThreads/stopAll(waitingAtMost:)``).
    func cancelHere() {
        if let context = markCancelled() { service.cancel(context) }
        wakeUp.signal()
    }

    /// Ends the stream of a loop that never ran (started while the process was stopping).
    func finishUnrun() {
        continuation.finish()
        onExit()
    }

    private func markCancelled() -> Int? {
        shared.withLock { shared -> Int? in
            shared.isCancelled = true
            return shared.context
        }
    }

    private var isCancelled: Bool { shared.withLock { $0.isCancelled } }

    func run() {
        var context: (any ReaderService)?
        var known: [String: ReaderSnapshot] = [:]
        var needsSnapshot = true
        var serviceIsUp: Bool?
        var backoff = 0.1
        var watchPlugAndPlay = true
        /// The reader list of the last `SCARD_E_UNKNOWN_READER`: the same error on the same list means the
        /// PnP pseudo-reader is what is unknown, not a reader that was unplugged.
        var unknownReaderNames: [String]?
        var names: [String] = []
        defer {
            continuation.finish()
            onExit()
        }

        while !isCancelled {
            // (Re)establish the context; while pcscd is away, retry with a growing pause.
            if context == nil {
                do {
                    let established = try service.connect()
                    context = established
                    shared.withLock { $0.context = established.cancellationHandle }
                    if serviceIsUp == false { continuation.yield(.serviceRestored) }
                    serviceIsUp = true
                    needsSnapshot = true
                    backoff = 0.1
                } catch {
                    if serviceIsUp != false { continuation.yield(.serviceLost(reason: "\(error)")) }
                    serviceIsUp = false
                    _ = wakeUp.wait(timeout: .now() + backoff)
                    backoff = min(backoff * 2, 2)
                    continue
                }
            }
            guard let current = context else { continue }
            do {
                names = try current.readers().filter(policy.allows)
                let waited = names.map { (name: $0, last: needsSnapshot ? nil : known[$0]) }
                let timeout = needsSnapshot || names.contains(where: { known[$0] == nil }) ? 0 : pollMilliseconds
                guard !names.isEmpty || !needsSnapshot else {
                    emitSnapshot([:])
                    known = [:]
                    needsSnapshot = false
                    continue
                }
                let reported: [String: ReaderSnapshot]
                if names.isEmpty {
                    // Nothing to wait on but hot-plug; sleep briefly (cancellable) and list again.
                    _ = wakeUp.wait(timeout: .now() + .milliseconds(pollMilliseconds))
                    reported = [:]
                } else if let states = try current.waitForChange(waited, milliseconds: timeout, watchPlugAndPlay: watchPlugAndPlay) {
                    reported = states
                } else {
                    reported = known.filter { names.contains($0.key) }  // timed out: nothing changed
                }
                if isCancelled { break }
                if needsSnapshot {
                    emitSnapshot(reported, context: current)
                    needsSnapshot = false
                } else {
                    emit(ReaderStates.changes(from: known, to: reported), context: current)
                }
                known = reported
            } catch let error as ReaderError {
                switch error.code {
                case .cancelled:
                    continue  // the loop condition sees the cancellation
                case .unknownReader:
                    // A reader vanished mid-wait (list again), or, if it happens again with the same list, this
                    // pcsc-lite does not know the PnP pseudo-reader (stop watching it).
                    if unknownReaderNames == names { watchPlugAndPlay = false }
                    unknownReaderNames = names
                    continue
                case .noService, .communication:
                    shared.withLock { $0.context = nil }
                    context = nil
                    if serviceIsUp != false { continuation.yield(.serviceLost(reason: error.message)) }
                    serviceIsUp = false
                    known = [:]
                default:
                    // Anything else: start over with a fresh context after a pause.
                    shared.withLock { $0.context = nil }
                    context = nil
                    _ = wakeUp.wait(timeout: .now() + backoff)
                }
            } catch {
                shared.withLock { $0.context = nil }
                context = nil
            }
        }
        shared.withLock { $0.context = nil }
        context = nil  // released here, on this thread, before it counts as ended
    }

    /// The readers as they are; the UIDs of the tags already on them are read, since no arrival will report them.
    private func emitSnapshot(_ readers: [String: ReaderSnapshot], context: (any ReaderService)? = nil) {
        continuation.yield(
            .snapshot(
                readers.keys.sorted().map { name in
                    let isPresent = readers[name]?.isPresent ?? false
                    let uid = isPresent ? try? context?.readUID(reader: name) : nil
                    return ReaderStatus(reader: name, hasTag: isPresent, atr: readers[name]?.atr ?? [], uid: uid)
                }))
    }

    private func emit(_ changes: [ReaderChange], context: any ReaderService) {
        let added = changes.compactMap { if case .added(let name) = $0 { name } else { nil } }
        let removed = changes.compactMap { if case .removed(let name) = $0 { name } else { nil } }
        if !added.isEmpty || !removed.isEmpty { continuation.yield(.readersChanged(added: added, removed: removed)) }
        for change in changes {
            switch change {
            case .left(let reader):
                continuation.yield(.tagLeft(reader: reader))
            case .arrived(let reader, let atr):
                let detectedAt = ContinuousClock.now
                let result: Result<TagUID, ReaderError>
                do {
                    result = .success(try context.readUID(reader: reader))
                } catch let error as ReaderError {
                    result = .failure(error)
                } catch {
                    result = .failure(ReaderError(.other, reason: "reader-failed", ["detail": "\(error)"]))
                }
                continuation.yield(.tagArrived(TagArrival(reader: reader, atr: atr, result: result, detectedAt: detectedAt)))
            case .added, .removed:
                break
            }
        }
    }
}
