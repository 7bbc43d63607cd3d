import Glibc

/// Blocking reads and writes on a file descriptor, retried on `EINTR`.
///
/// Not owning: whoever opened the descriptor closes it. Call only from a thread of our own (these calls block).
struct Descriptor: Sendable, Hashable {
    enum ReadResult: Sendable, Hashable {
        case bytes(Int)
        case endOfInput
        case failed(errno: Int32)
    }

    let rawValue: Int32

    init(_ rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// Waits for bytes and reads what is there, up to the buffer's size.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> ReadResult {
        while true {
            let count = Glibc.read(rawValue, buffer.baseAddress, buffer.count)
            if count > 0 { return .bytes(count) }
            if count == 0 { return .endOfInput }
            if errno != EINTR { return .failed(errno: errno) }
        }
    }

    /// Writes all of `bytes`, however many calls it takes; the errno of the failed call, or nil.
    ///
    /// A peer that has gone makes the write fail with `EPIPE`; the caller's thread must have `SIGPIPE` blocked
    /// (``BrokenPipe/blockOnThisThread()``) so that this is an error and not the end of the process.
    func writeAll(_ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(rawValue, buffer.baseAddress! + offset, buffer.count - offset)
                if count >= 0 {
                    offset += count
                } else if errno != EINTR {
                    return errno
                }
            }
            return nil
        }
    }
}
