import ChipReader
import Dispatch
import Foundation
import LedgerPresentation
import Locking

#if canImport(Glibc)
    import Glibc
#endif

/// Where tags come from for `scan`, `chip bind --scan` and `audit`: PC/SC readers or a keyboard wedge,
/// the first UID to arrive, a stocktake round, and Ctrl-C ending a loop cleanly.
enum TagInput {
    /// PC/SC readers (optionally those whose name contains `reader`), or the keyboard wedge for `stdin`.
    static func source(_ reader: String?, format: KeyboardWedgeSource.Format = .hex) -> any TagEventSource {
        reader == KeyboardWedgeSource.readerName
            ? KeyboardWedgeSource(format: format)
            : ReaderMonitor(policy: .fromEnvironment(nameFilter: reader))
    }

    /// The UID of the first tag that arrives and can be read, or nil after `seconds`.
    static func firstUID(from source: any TagEventSource, within seconds: Int) async throws -> TagUID? {
        try await withThrowingTaskGroup(of: TagUID?.self) { group in
            group.addTask {
                var readerSeen = false
                for await event in source.events() {
                    if case .tagArrived(let arrival) = event, let uid = arrival.uid { return uid.canonical }
                    // Waiting out the timeout with no reader would end as "no tag" (not found): say why instead.
                    if !readerSeen, let failure = Self.unavailability(event) { throw failure }
                    if case .snapshot = event { readerSeen = true }
                }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// Why a reader source cannot be used, when `event` says so before any reader was there: pcscd is not
    /// running, or it has no (allowed) reader.
    private static func unavailability(_ event: ReaderEvent) -> ReaderError? {
        switch event {
        case .serviceLost(let reason): .serviceUnavailable(reason)
        case .snapshot(let readers) where readers.isEmpty: .noReaderAvailable
        default:
            nil
        }
    }

    /// A stocktake round: the distinct UIDs seen, whether a reader was ever there, and why not.
    struct Round: Sendable {
        var uids: [String]
        var readerWasAvailable: Bool
        var failure: ReaderError?
    }

    /// The distinct UIDs seen until the round ends: end of the tag stream, Enter on standard input, the time
    /// limit, or cancellation (Ctrl-C). The round ends at once when the first events say that no reader can
    /// be used.
    static func collectRound(from source: any TagEventSource, endOnEnter: Bool, seconds: Int?) async -> Round {
        let collected = UIDCollector()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await event in source.events() {
                    if !collected.readerWasAvailable, let failure = unavailability(event) {
                        collected.fail(failure)
                        return
                    }
                    switch event {
                    case .snapshot(let readers) where !readers.isEmpty: collected.markReaderAvailable()
                    case .readersChanged(let added, _) where !added.isEmpty: collected.markReaderAvailable()
                    case .tagArrived(let arrival):
                        collected.markReaderAvailable()
                        if let uid = arrival.uid { collected.insert(uid.canonical.hex) }
                    default: break
                    }
                }
            }
            if endOnEnter {
                group.addTask { await waitForEnter() }
            }
            if let seconds {
                group.addTask { try? await Task.sleep(for: .seconds(seconds)) }
            }
            await group.next()
            group.cancelAll()
        }
        return collected.round
    }

    /// Returns when a line (or end of input) arrives on standard input; the blocking read has a thread of its own.
    private static func waitForEnter() async {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self)
        let thread = Thread {
            _ = Swift.readLine()
            continuation.finish()
        }
        thread.start()
        for await _ in stream {}
    }

    /// Runs `body` in a task that Ctrl-C cancels, so loops end cleanly and a partial round is still recorded.
    static func runUntilInterrupted<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        signal(SIGINT, SIG_IGN)
        let task = Task { try await body() }
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler { task.cancel() }
        interrupt.resume()
        defer {
            interrupt.cancel()
            signal(SIGINT, SIG_DFL)
        }
        return try await task.value
    }
}

/// What a stocktake round saw, shared between the collecting task and the caller.
private final class UIDCollector: Sendable {
    private struct State {
        var seen: Set<String> = []
        var readerWasAvailable = false
        var failure: ReaderError?
    }
    private let state = Locked(State())
    func insert(_ uid: String) { state.withLock { _ = $0.seen.insert(uid) } }
    func markReaderAvailable() { state.withLock { $0.readerWasAvailable = true } }
    func fail(_ failure: ReaderError) { state.withLock { $0.failure = failure } }
    var readerWasAvailable: Bool { state.withLock { $0.readerWasAvailable } }
    var round: TagInput.Round {
        state.withLock { TagInput.Round(uids: $0.seen.sorted(), readerWasAvailable: $0.readerWasAvailable, failure: $0.failure) }
    }
}

func hexByte(_ byte: UInt8) -> String { (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true) }
