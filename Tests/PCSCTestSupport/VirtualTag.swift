import Foundation
import Glibc

/// A virtual RFID tag for the vsmartcard `vpcd` reader driver: `place(onPort:)` puts it on a virtual reader,
/// `lift()` takes it off.
///
/// vpcd listens on a TCP port per reader slot and a *connection is the tag*: one connection = a tag on that
/// reader, closing it = the tag leaves. Both ways every message is a 2-byte big-endian length and a payload.
/// vpcd sends 1-byte control messages — `00` power off, `01` power on, `02` reset (no reply), `04` get ATR
/// (reply: the ATR) — and longer messages are C-APDUs, answered with the R-APDU (data ‖ SW1 SW2).
/// pcscd asks for the ATR every 0.4 s to see whether the tag is still there, so arrival and removal show up
/// in `SCardGetStatusChange` a few hundred milliseconds after `place` and `lift`.
///
/// The tag answers `FF CA 00 00 Le` (PC/SC Part 3 GET DATA, the UID) as ``uidAnswer`` says, and everything
/// else with `6A 81`, unless ``responder`` answers first. ``responseDelay`` slows every APDU down, and
/// ``dropAfterAPDUs`` closes the connection when an APDU arrives, as if the tag was lifted mid-read.
///
/// Each placed tag runs a reader loop on its own thread (blocking reads are fine there, never on Swift's
/// cooperative pool). Configuration may change while the tag is on the reader: the loop reads it afresh
/// for every APDU. The counters accumulate over every placement.
package final class VirtualTag: @unchecked Sendable {
    /// Answers a C-APDU with a complete R-APDU (data ‖ SW1 SW2), or nil to let the tag's default answer.
    /// Called on the tag's reader thread; it must not call ``place(onPort:host:)``.
    package typealias Responder = @Sendable (_ apdu: [UInt8]) -> [UInt8]?

    /// How the tag answers GET DATA for the UID (`FF CA 00 00 Le`; Le = 00 or no Le means "all of it").
    package enum UIDAnswer: Sendable, Equatable {
        /// As PC/SC Part 3 describes it: Le = 00 or Le = UID length → UID ‖ `90 00`; Le longer than the
        /// UID → UID ‖ `62 82` (end of data before Le bytes); Le shorter → `6C XX` with XX = UID length
        /// (wrong length, resend with Le = XX).
        case standard
        /// Only this status word, no data: `6A 81` (not supported), `63 00` (ACS readers' failure), ….
        case statusOnly(UInt8, UInt8)
        /// `6C XX` to any Le but XX, then, when resent with Le = XX, the first XX bytes of the UID ‖ `90 00`
        /// (or the whole UID ‖ `62 82` if XX is longer than the UID).
        case resendWithLe(UInt8)
        /// The first `length` bytes of the UID ‖ `62 82`, whatever Le says (a reader that returned less
        /// than it had; the data is still valid).
        case shortened(length: Int)
    }

    package enum PlacementError: Error, CustomStringConvertible {
        case alreadyPlaced
        case cannotResolve(host: String, reason: String)
        case cannotConnect(host: String, port: UInt16, errno: Int32)

        package var description: String {
            switch self {
            case .alreadyPlaced:
                return "the virtual tag is already on a reader; lift() it first"
            case .cannotResolve(let host, let reason):
                return "cannot resolve \(host): \(reason)"
            case .cannotConnect(let host, let port, let code):
                return "no vpcd reader listening on \(host):\(port) (\(String(cString: strerror(code)))); "
                    + "is the test running under scripts/pcscd-rig.sh run?"
            }
        }
    }

    package let uid: [UInt8]
    package let atr: [UInt8]
    private let core: Core
    /// Serializes `place` and `lift` (held while `lift` joins the reader thread). The reader thread never
    /// takes it, so joining under it cannot deadlock.
    private let lifecycle = NSLock()

    package init(uid: [UInt8], atr: [UInt8] = VirtualTag.contactlessATR(standard: 0x03, cardName: 0x0001)) {
        self.uid = uid
        self.atr = atr
        core = Core(uid: uid, atr: atr)
    }

    deinit { lift() }

    // MARK: Behaviour (may change while the tag is on a reader)

    /// Answers APDUs before the defaults do; nil (the default) answers with the defaults only.
    package var responder: Responder? {
        get { core.locked { $0.responder } }
        set { core.locked { $0.responder = newValue } }
    }

    /// How GET DATA for the UID is answered (``UIDAnswer/standard`` by default).
    package var uidAnswer: UIDAnswer {
        get { core.locked { $0.uidAnswer } }
        set { core.locked { $0.uidAnswer = newValue } }
    }

    /// Waited before answering each C-APDU (control messages are answered at once).
    package var responseDelay: Duration {
        get { core.locked { $0.responseDelay } }
        set { core.locked { $0.responseDelay = newValue } }
    }

    /// When the N-th APDU (counted by ``apduCount``, so over all placements) arrives, the tag closes the
    /// connection instead of answering it — lifted in the middle of a read. nil (the default): never.
    package var dropAfterAPDUs: Int? {
        get { core.locked { $0.dropAfterAPDUs } }
        set { core.locked { $0.dropAfterAPDUs = newValue } }
    }

    // MARK: What the tag saw

    /// The C-APDUs received (control messages excluded), including one dropped by ``dropAfterAPDUs``.
    package var apduCount: Int { core.locked { $0.receivedAPDUs.count } }
    package var lastAPDU: [UInt8]? { core.locked { $0.receivedAPDUs.last } }
    package var receivedAPDUs: [[UInt8]] { core.locked { $0.receivedAPDUs } }
    /// `04` messages: vpcd asks for the ATR when it takes the tag and on every presence poll (0.4 s).
    package var atrRequestCount: Int { core.locked { $0.atrRequests } }
    /// `01` messages: pcscd powers the tag up when it notices it and when an application connects.
    package var powerOnCount: Int { core.locked { $0.powerOns } }
    /// True from `place` until the connection closes: `lift()`, ``dropAfterAPDUs``, or vpcd closing it
    /// (pcscd stopped or killed).
    package var isOnReader: Bool { core.locked { state in state.connection.map { !$0.isClosed } ?? false } }

    // MARK: Placing and lifting

    /// Puts the tag on the vpcd reader listening on `port` (one TCP connection = a tag on that reader).
    /// Retries a refused connection for about two seconds, for a pcscd that is still starting.
    package func place(onPort port: UInt16, host: String = "127.0.0.1") throws {
        lifecycle.lock()
        defer { lifecycle.unlock() }
        let previous: Connection? = try core.locked { state in
            if let connection = state.connection, !connection.isClosed { throw PlacementError.alreadyPlaced }
            defer { state.connection = nil }
            return state.connection
        }
        // A connection that vpcd or `dropAfterAPDUs` closed: its thread is ending (or has ended) on its own.
        previous?.waitUntilFinished()

        let descriptor = try Self.connect(host: host, port: port)
        let connection = Connection(descriptor: descriptor)
        core.locked { $0.connection = connection }
        let thread = Thread { [core] in core.serve(connection) }
        thread.name = "VirtualTag " + uid.map { String(format: "%02X", $0) }.joined()
        thread.start()
    }

    /// Takes the tag off its reader: closes the connection and waits until the reader loop has ended.
    /// Does nothing if the tag is not on a reader. vpcd notices at its next presence poll (≤ 0.4 s).
    package func lift() {
        if core.isReaderThread {
            // From a responder: the loop ends when it returns (it cannot wait for itself).
            core.locked { $0.connection?.shutDown() }
            return
        }
        lifecycle.lock()
        defer { lifecycle.unlock() }
        let connection = core.locked { state -> Connection? in
            defer { state.connection = nil }
            state.connection?.shutDown()
            return state.connection
        }
        connection?.waitUntilFinished()
    }

    // MARK: ATRs

    /// The ATR a PC/SC reader builds for a contactless tag (PC/SC Part 3):
    /// `3B 8F 80 01 80 4F 0C A0 00 00 03 06 SS NN NN 00 00 00 00 TCK`, SS the standard (`03` ISO 14443A
    /// part 3, `0B` ISO 15693 part 3), NN NN the card name (`0001` MIFARE Classic 1K, `0003` Ultralight,
    /// `0014` ICODE SLIX), TCK the XOR of every byte from T0 (`8F`) to the one before TCK.
    package static func contactlessATR(standard: UInt8, cardName: UInt16) -> [UInt8] {
        var atr: [UInt8] = [0x3B, 0x8F, 0x80, 0x01, 0x80, 0x4F, 0x0C, 0xA0, 0x00, 0x00, 0x03, 0x06]
        atr += [standard, UInt8(cardName >> 8), UInt8(cardName & 0xFF), 0x00, 0x00, 0x00, 0x00]
        atr.append(atr.dropFirst().reduce(0, ^))
        return atr
    }

    // MARK: Default answers

    /// The answer without a responder: GET DATA for the UID per `uidAnswer`, anything else `6A 81`.
    package static func defaultResponse(to apdu: [UInt8], uid: [UInt8], uidAnswer: UIDAnswer) -> [UInt8] {
        let notSupported: [UInt8] = [0x6A, 0x81]
        // FF CA 00 00 (case 1, no Le) or FF CA 00 00 Le (case 2).
        guard apdu.count == 4 || apdu.count == 5, apdu.starts(with: [0xFF, 0xCA, 0x00, 0x00]) else { return notSupported }
        let le = apdu.count == 5 ? Int(apdu[4]) : 0
        switch uidAnswer {
        case .standard:
            if le == 0 || le == uid.count { return uid + [0x90, 0x00] }
            if le > uid.count { return uid + [0x62, 0x82] }
            return [0x6C, UInt8(truncatingIfNeeded: uid.count)]
        case .statusOnly(let sw1, let sw2):
            return [sw1, sw2]
        case .resendWithLe(let expected):
            guard le == Int(expected) else { return [0x6C, expected] }
            return le <= uid.count ? Array(uid.prefix(le)) + [0x90, 0x00] : uid + [0x62, 0x82]
        case .shortened(let length):
            return Array(uid.prefix(max(0, length))) + [0x62, 0x82]
        }
    }

    // MARK: Sockets

    private static func connect(host: String, port: UInt16) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_INET  // vpcd listens on IPv4 only (INADDR_ANY)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let address = list else {
            throw PlacementError.cannotResolve(host: host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }

        // vpcd's listening socket exists from pcscd's start; a refusal means it is not up (yet).
        let deadline = ContinuousClock.now + .seconds(2)
        while true {
            let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard descriptor >= 0 else { throw PlacementError.cannotConnect(host: host, port: port, errno: errno) }
            if Glibc.connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 {
                // Every message goes out in one write; do not let Nagle hold the next one back.
                var one: Int32 = 1
                _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                return descriptor
            }
            let code = errno
            close(descriptor)
            guard code == ECONNREFUSED || code == EINTR, ContinuousClock.now < deadline else {
                throw PlacementError.cannotConnect(host: host, port: port, errno: code)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}

// MARK: - Shared state and the reader loop

extension VirtualTag {
    /// The tag's mutable state, shared by the tag and its reader thread. The thread holds this object, not
    /// the tag, so that dropping the last reference to a placed tag runs `deinit` (which lifts it).
    fileprivate final class Core: @unchecked Sendable {
        struct State {
            var responder: Responder?
            var uidAnswer: UIDAnswer = .standard
            var responseDelay: Duration = .zero
            var dropAfterAPDUs: Int?
            var receivedAPDUs: [[UInt8]] = []
            var atrRequests = 0
            var powerOns = 0
            var connection: Connection?
        }

        let uid: [UInt8]
        let atr: [UInt8]
        /// Invariant: `state`, and every `Connection`'s `isClosed` and descriptor lifetime, are only read
        /// or written while holding `lock`. The lock is never held across blocking I/O, a sleep or a call
        /// to the responder (which may read the tag's properties), so it is only ever held briefly.
        private let lock = NSLock()
        private var state = State()

        init(uid: [UInt8], atr: [UInt8]) {
            self.uid = uid
            self.atr = atr
        }

        static func timeInterval(_ duration: Duration) -> TimeInterval {
            let (seconds, attoseconds) = duration.components
            return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
        }

        func locked<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
            lock.lock()
            defer { lock.unlock() }
            return try body(&state)
        }

        /// True on the thread running the current connection's reader loop (a responder calling `lift()`).
        var isReaderThread: Bool {
            locked { state in state.connection?.readerThread.map { pthread_equal($0, pthread_self()) != 0 } ?? false }
        }

        /// The reader loop: runs on its own thread until the connection ends, then closes the descriptor.
        func serve(_ connection: Connection) {
            locked { _ in connection.readerThread = pthread_self() }
            defer {
                locked { _ in connection.close() }
                connection.markFinished()
            }
            while let message = connection.receiveFrame() {
                switch message.count {
                case 0:
                    continue
                case 1:
                    // Control messages; only "get ATR" has an answer.
                    switch message[0] {
                    case 0x01: locked { $0.powerOns += 1 }
                    case 0x04:
                        locked { $0.atrRequests += 1 }
                        guard connection.sendFrame(atr) else { return }
                    default: break  // 00 power off, 02 reset: nothing to do for a tag without state
                    }
                default:
                    let (responder, answer, delay, drop) = locked { state in
                        state.receivedAPDUs.append(message)
                        let drop = state.dropAfterAPDUs.map { state.receivedAPDUs.count >= $0 } ?? false
                        if drop { connection.shutDown() }
                        return (state.responder, state.uidAnswer, state.responseDelay, drop)
                    }
                    if drop { return }
                    if delay > .zero { Thread.sleep(forTimeInterval: Self.timeInterval(delay)) }
                    let response = responder?(message) ?? VirtualTag.defaultResponse(to: message, uid: uid, uidAnswer: answer)
                    guard connection.sendFrame(response) else { return }
                }
            }
        }
    }

    /// One TCP connection to vpcd: one stay of the tag on a reader.
    fileprivate final class Connection: @unchecked Sendable {
        private let descriptor: Int32
        /// Guarded by the owning `Core`'s lock (see its invariant): once true the descriptor is closed and
        /// its number may belong to someone else, so nobody may touch it.
        private(set) var isClosed = false
        /// Guarded by the owning `Core`'s lock; set when the reader loop starts.
        var readerThread: pthread_t?
        private let finished = NSCondition()
        private var isFinished = false  // guarded by `finished`

        init(descriptor: Int32) { self.descriptor = descriptor }

        /// Ends the connection from any thread (the peer sees end-of-file; a blocked receive returns).
        /// Call with the core's lock held.
        func shutDown() {
            if !isClosed { _ = Glibc.shutdown(descriptor, Int32(SHUT_RDWR)) }
        }

        /// Call with the core's lock held, only from the reader thread when its loop ends.
        func close() {
            if !isClosed {
                _ = Glibc.close(descriptor)
                isClosed = true
            }
        }

        func markFinished() {
            finished.lock()
            isFinished = true
            finished.broadcast()
            finished.unlock()
        }

        func waitUntilFinished() {
            finished.lock()
            while !isFinished { finished.wait() }
            finished.unlock()
        }

        // Reading and writing happen only on the reader thread, which is the one that closes the
        // descriptor: it stays valid for the whole loop.

        /// The next message, or nil once the connection is closed or broken.
        func receiveFrame() -> [UInt8]? {
            guard let header = receive(count: 2) else { return nil }
            return receive(count: Int(header[0]) << 8 | Int(header[1]))
        }

        /// False if the connection is gone (MSG_NOSIGNAL: a closed peer is an error, not a SIGPIPE).
        func sendFrame(_ payload: [UInt8]) -> Bool {
            precondition(payload.count <= 0xFFFF, "a vpcd message holds at most 65535 bytes")
            let frame = [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)] + payload
            var sent = 0
            while sent < frame.count {
                let result = frame.withUnsafeBytes { send(descriptor, $0.baseAddress! + sent, frame.count - sent, Int32(MSG_NOSIGNAL)) }
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { return false }
                sent += result
            }
            return true
        }

        private func receive(count: Int) -> [UInt8]? {
            var buffer = [UInt8](repeating: 0, count: count)
            var received = 0
            while received < count {
                let result = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress! + received, count - received, 0) }
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { return nil }
                received += result
            }
            return buffer
        }
    }
}
