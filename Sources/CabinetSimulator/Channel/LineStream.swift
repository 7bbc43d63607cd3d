import Dispatch
import Foundation
import Glibc
import Locking

/// The line traffic both channels share, over file descriptors it owns and closes.
///
/// A thread of its own polls and reads, so a blocked read never holds a thread of the cooperative pool and
/// `close()` stops it within one poll interval; a serial queue of its own writes, non-blocking with poll, so a
/// peer that stops reading cannot wedge `close()`. Lines received go to the waiting exchanges in order, or are
/// kept for the next one.
final class LineStream: Sendable {
    enum Descriptors: Sendable {
        /// A connected stream socket, read and written through one descriptor.
        case socket(Int32)
        /// The parent's ends of a child's pipes: read its standard output, write its standard input.
        case pipes(read: Int32, write: Int32)
    }

    private struct Waiter {
        var token: Int
        /// An exchange's waiter: its line is the response to a request, which still arrives after a timeout.
        var isExchange: Bool
        var handOff: HandOff<String, any Error>
    }

    private struct State {
        var lines: [String] = []
        var waiters: [Waiter] = []
        /// Why no more lines will come; set once.
        var end: CabinetChannelError?
        /// Responses still due to exchanges that timed out or were cancelled: dropped when they arrive.
        var lateResponses = 0
        /// Tokens cancelled before their waiter was registered.
        var cancelled: Set<Int> = []
        var nextToken = 0
        var isStopping = false
        var isWriteClosed = false
        var isWriteDescriptorOpen = true
        var areDescriptorsClosed = false
    }

    /// How often the reader and a waiting writer look whether the stream is being closed, in milliseconds.
    private static let pollInterval: Int32 = 50

    private let descriptors: Descriptors
    private let state = Locked(State())
    private let writeQueue: DispatchQueue
    private let readerDone = DispatchGroup()

    init(_ descriptors: Descriptors, label: String) {
        self.descriptors = descriptors
        writeQueue = DispatchQueue(label: label + ".write")
        for descriptor in [readDescriptor, writeDescriptor] {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }
        readerDone.enter()
        let thread = Thread { [self] in
            readLoop()
            readerDone.leave()
        }
        thread.name = label + ".read"
        thread.start()
    }

    deinit {
        // Only reached once the reader thread and every queued write have let go of `self`.
        closeDescriptors()
    }

    private var readDescriptor: Int32 {
        switch descriptors {
        case .socket(let descriptor): descriptor
        case .pipes(let read, _): read
        }
    }

    private var writeDescriptor: Int32 {
        switch descriptors {
        case .socket(let descriptor): descriptor
        case .pipes(_, let write): write
        }
    }

    // MARK: Writing

    func write(_ bytes: [UInt8]) async throws {
        try await withHandOff { (handOff: HandOff<Void, any Error>) in
            writeQueue.async {
                handOff.resume(with: Result { try self.writeAll(bytes) })
            }
        }
    }

    func finishWriting() async throws {
        try await withHandOff { (handOff: HandOff<Void, any Error>) in
            writeQueue.async {
                handOff.resume(with: Result { try self.closeWriting() })
            }
        }
    }

    /// On the write queue.
    private func closeWriting() throws {
        let descriptor = state.withLock { state -> Int32? in
            guard !state.isWriteClosed else { return nil }
            state.isWriteClosed = true
            if case .pipes = descriptors { state.isWriteDescriptorOpen = false }
            return writeDescriptor
        }
        guard let descriptor else { throw CabinetChannelError.closed }
        switch descriptors {
        case .socket: guard shutdown(descriptor, Int32(SHUT_WR)) == 0 else { throw Self.systemError("shutdown") }
        case .pipes: Glibc.close(descriptor)
        }
    }

    /// On the write queue: all of `bytes`, waiting with poll while the peer's buffer is full.
    private func writeAll(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            guard !state.withLock({ $0.isWriteClosed }) else { throw CabinetChannelError.closed }
            let written = bytes.withUnsafeBytes { buffer in
                send(buffer.baseAddress! + offset, count: buffer.count - offset)
            }
            if written >= 0 {
                offset += written
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                var poller = pollfd(fd: writeDescriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&poller, 1, Self.pollInterval)
            } else if errno != EINTR {
                throw Self.systemError("write")
            }
        }
    }

    private func send(_ pointer: UnsafeRawPointer, count: Int) -> Int {
        switch descriptors {
        case .socket(let descriptor):
            // MSG_NOSIGNAL: a peer that has gone gives EPIPE, not a SIGPIPE that ends the process.
            return Glibc.send(descriptor, pointer, count, Int32(MSG_NOSIGNAL))
        case .pipes(_, let descriptor):
            return Self.withPipeSignalBlocked { Glibc.write(descriptor, pointer, count) }
        }
    }

    /// Runs `body` with SIGPIPE blocked on this thread and takes back a SIGPIPE it raised, so a write to a pipe
    /// whose reader has gone fails with EPIPE instead of ending the process; the process's own handling of
    /// SIGPIPE (a test runner's, a tool's) is left alone.
    private static func withPipeSignalBlocked<T>(_ body: () -> T) -> T {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var pending = sigset_t()
        sigpending(&pending)
        let wasPending = sigismember(&pending, SIGPIPE) == 1
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        let result = body()
        let savedErrno = errno
        if !wasPending {
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 {
                var noWait = timespec()
                _ = sigtimedwait(&pipeSignal, nil, &noWait)
            }
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        errno = savedErrno
        return result
    }

    // MARK: Receiving

    func exchange(_ line: [UInt8], timeout: Duration) async throws -> String {
        try await awaitLine(timeout: timeout, writing: line + [UInt8(ascii: "\n")])
    }

    func receiveLine(timeout: Duration) async throws -> String {
        try await awaitLine(timeout: timeout, writing: nil)
    }

    /// Waits for the next line not claimed by an earlier waiter; with `request`, writes it first, queued in the
    /// same step as the waiter so that writes and waiters keep one order.
    private func awaitLine(timeout: Duration, writing request: [UInt8]?) async throws -> String {
        let token = state.withLock { state in
            state.nextToken += 1
            return state.nextToken
        }
        return try await withTaskCancellationHandler {
            try await withHandOff { (handOff: HandOff<String, any Error>) in
                let immediate = state.withLock { state -> Result<String, any Error>? in
                    if state.cancelled.remove(token) != nil { return .failure(CancellationError()) }
                    if request != nil, state.isWriteClosed { return .failure(state.end ?? .closed) }
                    if let request { writeQueue.async { self.writeRequest(request, token: token) } }
                    if !state.lines.isEmpty { return .success(state.lines.removeFirst()) }
                    if let end = state.end { return .failure(end) }
                    state.waiters.append(Waiter(token: token, isExchange: request != nil, handOff: handOff))
                    return nil
                }
                if let immediate {
                    handOff.resume(with: immediate)
                    return
                }
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout.dispatchInterval) {
                    self.resolve(token, throwing: CabinetChannelError.timedOut(timeout), responseStillDue: true)
                }
            }
        } onCancel: {
            let registered = resolve(token, throwing: CancellationError(), responseStillDue: true)
            if !registered { state.withLock { _ = $0.cancelled.insert(token) } }
        }
    }

    /// On the write queue: an exchange's request; if it cannot be written, its waiter fails (no response is due).
    private func writeRequest(_ bytes: [UInt8], token: Int) {
        do {
            try writeAll(bytes)
        } catch {
            resolve(token, throwing: error, responseStillDue: false)
        }
    }

    /// Fails the waiter `token` if it still waits; returns whether it did.
    @discardableResult
    private func resolve(_ token: Int, throwing error: any Error, responseStillDue: Bool) -> Bool {
        let waiter = state.withLock { state -> Waiter? in
            guard let index = state.waiters.firstIndex(where: { $0.token == token }) else { return nil }
            let waiter = state.waiters.remove(at: index)
            if responseStillDue && waiter.isExchange && state.end == nil { state.lateResponses += 1 }
            return waiter
        }
        waiter?.handOff.resume(throwing: error)
        return waiter != nil
    }

    private func deliver(_ line: String) {
        let waiter = state.withLock { state -> Waiter? in
            if state.lateResponses > 0 {
                state.lateResponses -= 1
                return nil
            }
            guard !state.waiters.isEmpty else {
                state.lines.append(line)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.handOff.resume(returning: line)
    }

    /// No more lines: every waiter fails with the first reason given.
    private func finish(_ reason: CabinetChannelError) {
        let (waiters, end) = state.withLock { state in
            if state.end == nil { state.end = reason }
            defer { state.waiters = [] }
            return (state.waiters, state.end ?? reason)
        }
        for waiter in waiters { waiter.handOff.resume(throwing: end) }
    }

    /// On the reader thread, until end of file, an error, or `close()`.
    private func readLoop() {
        var splitter = LineSplitter()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let descriptor = readDescriptor
        while !state.withLock({ $0.isStopping }) {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Self.pollInterval)
            if ready == 0 || (ready < 0 && errno == EINTR) { continue }
            guard ready > 0 else { return finish(Self.systemError("poll")) }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                for line in splitter.append(buffer[..<count]) { deliver(line) }
            } else if count == 0 {
                if let last = splitter.finish() { deliver(last) }
                return finish(.endOfStream)
            } else if errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK {
                return finish(Self.systemError("read"))
            }
        }
        finish(.closed)
    }

    // MARK: Closing

    func close() async {
        let first = state.withLock { state in
            defer {
                state.isStopping = true
                state.isWriteClosed = true
            }
            return !state.isStopping
        }
        finish(.closed)
        // The socket's shutdown wakes the reader at once; the descriptor itself is closed only once the reader
        // and the writes queued before are done with it, so no other file can take its number while in use.
        if first, case .socket(let descriptor) = descriptors { shutdown(descriptor, Int32(SHUT_RDWR)) }
        await withHandOff { (handOff: HandOff<Void, Never>) in
            readerDone.notify(queue: writeQueue) {
                self.closeDescriptors()
                handOff.resume()
            }
        }
    }

    private func closeDescriptors() {
        let (alreadyClosed, writeOpen) = state.withLock { state in
            defer { state.areDescriptorsClosed = true }
            return (state.areDescriptorsClosed, state.isWriteDescriptorOpen)
        }
        guard !alreadyClosed else { return }
        switch descriptors {
        case .socket(let descriptor):
            Glibc.close(descriptor)
        case .pipes(let read, let write):
            Glibc.close(read)
            if writeOpen { Glibc.close(write) }
        }
    }

    private static func systemError(_ call: String) -> CabinetChannelError {
        .system(call: call, errno: errno)
    }
}
