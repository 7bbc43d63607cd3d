/// Splits a byte stream into lines, the framing of the cabinet protocol (JSON Lines).
///
/// - A line ends at `\n`; a `\r` just before it is stripped (adapters written on Windows send CRLF).
/// - A line longer than ``limit`` bytes (without its line end) is reported once as ``Event/overlong``, as soon
///   as it is known to be too long; its remaining bytes up to the next `\n` are discarded as they arrive,
///   never buffered, so a peer cannot make the framer hold more than `limit + 1` bytes.
/// - At end of input, bytes after the last `\n` are still a line.
/// - Blank lines — empty, or spaces and tabs only — are ignored: they carry no request, and an operator typing
///   at the hook, or an adapter sending newlines as keep-alives, should not get error responses for them.
public struct LineFramer: Sendable {
    public enum Event: Sendable, Hashable {
        /// A complete line without its line end.
        case line([UInt8])
        /// A line over the limit; its bytes were dropped.
        case overlong
    }

    /// The protocol's limit: 64 KiB per line, without the newline.
    public static let defaultLimit = 65_536

    public let limit: Int
    /// The current line's bytes so far (at most `limit + 1`: the extra byte may be a `\r` that is stripped).
    private var pending: [UInt8] = []
    /// The current line was reported as overlong; its bytes are dropped until its newline.
    private var isDiscarding = false

    public init(limit: Int = LineFramer.defaultLimit) {
        precondition(limit > 0, "a line limit must be positive")
        self.limit = limit
    }

    /// Bytes held for the current, unfinished line (for tests of the bound).
    var bufferedByteCount: Int { pending.count }

    /// Takes the next bytes of the stream and returns the events they complete, in order.
    public mutating func append(_ bytes: some Collection<UInt8>) -> [Event] {
        var events: [Event] = []
        var rest = bytes[...]
        while !rest.isEmpty {
            let newline = rest.firstIndex(of: UInt8(ascii: "\n"))
            let segment = rest[..<(newline ?? rest.endIndex)]
            if isDiscarding {
                // Dropped unread.
            } else if pending.count + segment.count > limit + 1 {
                events.append(.overlong)
                pending = []
                isDiscarding = true
            } else {
                pending.append(contentsOf: segment)
            }
            guard let newline else { break }
            if !isDiscarding, let event = takeLine() { events.append(event) }
            isDiscarding = false
            rest = rest[rest.index(after: newline)...]
        }
        return events
    }

    /// The end of the stream: the last line if it had no newline. The framer is then empty again.
    public mutating func finish() -> [Event] {
        defer { isDiscarding = false }
        guard !isDiscarding, !pending.isEmpty else {
            pending = []
            return []
        }
        return takeLine().map { [$0] } ?? []
    }

    /// The pending bytes as a finished line, or nil for a blank one.
    private mutating func takeLine() -> Event? {
        var line = pending
        pending = []
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        if line.count > limit { return .overlong }
        if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return nil }
        return .line(line)
    }
}
