import Locking

/// One reader monitor per process, shared: every subscriber gets the same events, and the readers are polled
/// and each tag's UID read once however many parts of the process listen (a cabinet hook and a clerk's screen).
///
/// The monitor starts with the first subscriber and stops when the last one ends its stream. A subscriber that
/// joins while the monitor runs first gets a snapshot of the readers as they are now.
public final class ReaderHub: TagEventSource, Sendable {
    /// The process's hub over the PC/SC readers, with the policy from the environment.
    public static let shared = ReaderHub(ReaderMonitor())

    private struct State {
        var subscribers: [Int: AsyncStream<ReaderEvent>.Continuation] = [:]
        var nextID = 0
        var pump: Task<Void, Never>?
        /// The readers as the events so far describe them, for a late subscriber's first snapshot.
        var readers: [String: ReaderStatus] = [:]
        var hasSnapshot = false
    }

    private let source: @Sendable () -> AsyncStream<ReaderEvent>
    private let state = Locked(State())

    /// A hub over `monitor`.
    public convenience init(_ monitor: ReaderMonitor) {
        self.init(source: { monitor.events() })
    }

    init(source: @escaping @Sendable () -> AsyncStream<ReaderEvent>) {
        self.source = source
    }

    public func events() -> AsyncStream<ReaderEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ReaderEvent.self, bufferingPolicy: .unbounded)
        let id = state.withLock { state -> Int in
            defer { state.nextID += 1 }
            state.subscribers[state.nextID] = continuation
            if state.hasSnapshot {
                continuation.yield(.snapshot(state.readers.keys.sorted().compactMap { state.readers[$0] }))
            }
            if state.pump == nil { state.pump = startPump() }
            return state.nextID
        }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return stream
    }

    private func startPump() -> Task<Void, Never> {
        let stream = source()
        return Task { [weak self] in
            for await event in stream {
                guard let self else { return }
                self.broadcast(event)
            }
        }
    }

    private func broadcast(_ event: ReaderEvent) {
        let subscribers = state.withLock { state -> [AsyncStream<ReaderEvent>.Continuation] in
            Self.track(event, in: &state)
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.yield(event) }
    }

    private func unsubscribe(_ id: Int) {
        let pump = state.withLock { state -> Task<Void, Never>? in
            state.subscribers[id] = nil
            guard state.subscribers.isEmpty else { return nil }
            // The last one left: stop the monitor (cancelling the pump ends its stream, which stops the thread).
            defer {
                state.pump = nil
                state.readers = [:]
                state.hasSnapshot = false
            }
            return state.pump
        }
        pump?.cancel()
    }

    /// Keeps the picture of the readers that a late subscriber's snapshot is made from.
    private static func track(_ event: ReaderEvent, in state: inout State) {
        switch event {
        case .snapshot(let readers):
            state.readers = Dictionary(uniqueKeysWithValues: readers.map { ($0.reader, $0) })
            state.hasSnapshot = true
        case .readersChanged(let added, let removed):
            for reader in added { state.readers[reader] = ReaderStatus(reader: reader, hasTag: false) }
            for reader in removed { state.readers[reader] = nil }
        case .tagArrived(let arrival):
            state.readers[arrival.reader] = ReaderStatus(reader: arrival.reader, hasTag: true, atr: arrival.atr, uid: arrival.uid)
        case .tagLeft(let reader):
            state.readers[reader] = ReaderStatus(reader: reader, hasTag: false)
        case .serviceLost:
            state.hasSnapshot = false
        case .serviceRestored:
            break
        }
    }
}
