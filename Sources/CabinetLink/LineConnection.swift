import Glibc

/// One byte stream served to the end: read, frame, ask the handler, write the answer, in order.
///
/// Runs on a thread of its own and blocks it: reading, then waiting for the handler's task, then writing. The
/// next line is read only after the previous answer was written, so answers keep the order of requests.
struct LineConnection: Sendable {
    /// Why serving ended.
    enum End: Sendable, Hashable {
        case endOfInput
        case readFailed(errno: Int32)
        case writeFailed(errno: Int32)
        /// ``isStopping`` said so (the server is stopping; lines not yet answered were dropped).
        case stopped
    }

    var input: Descriptor
    var output: Descriptor
    var peer: CabinetPeer
    var handler: any CabinetLineHandler
    var lineLimit: Int
    /// Asked before each line: true drops the rest of the input.
    var isStopping: @Sendable () -> Bool = { false }

    /// Serves until the input ends or a read or write fails. Blocks the calling thread, one of our own.
    func serve() -> End {
        BrokenPipe.blockOnThisThread()
        var framer = LineFramer(limit: lineLimit)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            switch input.read(into: buffer) {
            case .bytes(let count):
                for event in framer.append(UnsafeRawBufferPointer(rebasing: buffer[..<count])) {
                    if let end = answer(event) { return end }
                }
            case .endOfInput:
                for event in framer.finish() {
                    if let end = answer(event) { return end }
                }
                return .endOfInput
            case .failed(let code):
                return isStopping() ? .stopped : .readFailed(errno: code)
            }
        }
    }

    /// Asks the handler and writes its response line; why serving must end, or nil to go on.
    private func answer(_ event: LineFramer.Event) -> End? {
        guard !isStopping() else { return .stopped }
        let handler = self.handler
        let peer = self.peer
        let response = ThreadBridge.wait {
            switch event {
            case .line(let line): await handler.respond(to: line, from: peer)
            case .overlong: await handler.respondToOverlongLine(from: peer)
            }
        }
        if let code = output.writeAll(Array(response.utf8) + [UInt8(ascii: "\n")]) {
            if code == EPIPE { BrokenPipe.discardPending() }
            return isStopping() ? .stopped : .writeFailed(errno: code)
        }
        return nil
    }
}
