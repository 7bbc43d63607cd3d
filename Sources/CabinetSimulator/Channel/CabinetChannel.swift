/// A line channel to the ledger: write a line, read the response line.
///
/// Two implementations: ``ProcessCabinetChannel`` (a spawned `ledger cabinet hook CABINET`, over its standard
/// input and output) and ``SocketCabinetChannel`` (a connection to `ledger cabinet serve --socket PATH`). Both read
/// on a thread of their own and write on a dispatch queue of their own, never on Swift's cooperative pool.
public protocol CabinetChannel: Sendable {
    /// How long ``exchange(_:)`` waits for a response.
    var responseTimeout: Duration { get }

    /// Writes `bytes` exactly as given: no newline is added (for lines cut short, or several lines at once).
    func write(_ bytes: [UInt8]) async throws

    /// Writes `line` and a newline, then waits at most `timeout` for the next line received.
    ///
    /// Exchanges made at the same time are written in the order they were made and get the responses in that
    /// order. A response that arrives after its exchange timed out is dropped.
    /// - Parameter line: the line's bytes, without the newline.
    /// - Returns: the response line, without its newline (decoded as UTF-8, invalid bytes replaced).
    /// - Throws: ``CabinetChannelError``: `timedOut`, `endOfStream`, `closed` or a failed system call.
    func exchange(_ line: [UInt8], timeout: Duration) async throws -> String

    /// The next line received that no exchange waits for, waiting at most `timeout`.
    func receiveLine(timeout: Duration) async throws -> String

    /// Closes the writing half: the peer reads end of file and may still answer what it has read.
    func finishWriting() async throws

    /// Closes both halves at once, as a dying adapter does; waiting exchanges fail with
    /// ``CabinetChannelError/closed``. Idempotent.
    func close() async
}

extension CabinetChannel {
    /// Writes `line` (a newline is added) and returns the response line, waiting at most ``responseTimeout``.
    public func exchange(_ line: String) async throws -> String {
        try await exchange(Array(line.utf8), timeout: responseTimeout)
    }

    /// Writes `line` and a newline without waiting for a response.
    public func send(_ line: String) async throws {
        try await write(Array(line.utf8) + [UInt8(ascii: "\n")])
    }

    /// The next line received, waiting at most ``responseTimeout``.
    public func receiveLine() async throws -> String {
        try await receiveLine(timeout: responseTimeout)
    }
}
