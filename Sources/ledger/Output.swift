import Foundation
import Locking
import PropertyLedger

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes results: text for people, one JSON object per result for machines.
///
/// A write to standard output can fail — a full disk under `ledger export > file`, a device error. Foundation's
/// `FileHandle.write(_:)` traps on that (the process died with SIGILL and a backtrace, after a write command had
/// already committed its entry). Here the first failure is kept instead, later output is dropped, and the tool
/// ends with ``ExitStatus/outputFailed`` and one line saying so (``failure``), so that a script neither reads a
/// truncated result as a whole one nor takes a recorded entry for one that failed.
struct Output {
    let json: Bool

    /// Prints `text` for people, or `value` as one line of JSON with `--json`.
    func emit<Value: Encodable>(_ value: Value, text: @autoclosure () -> String) throws {
        if json {
            try Self.writeJSON(value)
        } else {
            Self.write(text() + "\n")
        }
    }

    static func writeJSON<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        write(data)
    }

    static func write(_ text: String) {
        write(Data(text.utf8))
    }

    /// Writes `bytes` to standard output, unless an earlier write failed.
    static func write(_ bytes: Data) {
        guard failed.withLock({ $0 == nil }) else { return }
        if let error = writeAll(STDOUT_FILENO, bytes) {
            failed.withLock { $0 = $0 ?? String(cString: strerror(error)) }
        }
    }

    static func writeError(_ text: String) {
        // One line: messages never carry newlines into the terminal or a log.
        let line = text.replacingOccurrences(of: "\n", with: " ")
        // Where standard error cannot be written either, there is nobody left to tell: the exit status says it.
        _ = writeAll(STDERR_FILENO, Data("ledger: error: \(line)\n".utf8))
    }

    /// Why standard output could not be written (the system's words), once a write to it failed.
    static var failure: Reason? {
        failed.withLock { $0 }.map { Reason("output-write-failed", ["detail": $0]) }
    }

    private static let failed = Locked<String?>(nil)

    /// Writes all of `bytes` to `fd`; the errno of the write that failed, if one did.
    private static func writeAll(_ fd: Int32, _ bytes: Data) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            guard var next = buffer.baseAddress else { return nil }
            var left = buffer.count
            while left > 0 {
                let written = systemWrite(fd, next, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                next += written
                left -= written
            }
            return nil
        }
    }
}

/// `write(2)`, under a name the struct's own `write` does not hide.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}

/// The JSON shape of an error, printed on stdout with `--json` (the one-line message goes to stderr too).
///
/// `reason` and `args` are the reason's id and its arguments (the libraries', the parser's or the tool's),
/// for scripts to tell errors apart without reading words; they are left out only for an internal error,
/// which has no reason.
struct ErrorOutput: Encodable {
    struct Body: Encodable {
        let status: Int32
        let kind: String
        let message: String
        var reason: String?
        var args: [String: String]?
    }
    let error: Body
}
