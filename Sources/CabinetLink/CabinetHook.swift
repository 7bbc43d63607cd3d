/// The protocol over a pair of file descriptors, one request per line in, one response per line out: the
/// transport of `ledger cabinet hook`, for adapters that spawn the ledger and talk to its stdin and stdout.
public enum CabinetHook {
    /// The peer of the hook's only connection: number 0, no credentials (a pipe has none).
    public static let peer = CabinetPeer(connection: 0)

    /// Answers each line read from `input` with the handler's response written to `output`, in order, until
    /// `input` ends; returns after the last response was written.
    ///
    /// Reading and writing run on a thread of their own. Each response is written in full (`write` loops over
    /// partial writes and `EINTR`) before the next line is read: there is no buffering to flush. A closed
    /// `output` ends the loop with ``CabinetHookError/writeFailed(code:)`` (`EPIPE`) rather than `SIGPIPE`,
    /// without changing the process's signal disposition. The descriptors are not closed.
    /// ``CabinetLineHandler/connectionOpened(_:)`` is called before the first line and
    /// ``CabinetLineHandler/connectionClosed(_:)`` after the last, also when the loop fails.
    ///
    /// - Parameters:
    ///   - input: The descriptor to read requests from, e.g. `STDIN_FILENO`.
    ///   - output: The descriptor to write responses to, e.g. `STDOUT_FILENO`.
    ///   - lineLimit: The longest line, in bytes without its line end (the protocol's 64 KiB; smaller in tests).
    /// - Throws: ``CabinetHookError`` when a read or a write failed.
    public static func run(
        input: Int32, output: Int32, handler: some CabinetLineHandler, lineLimit: Int = LineFramer.defaultLimit
    ) async throws {
        let connection = LineConnection(
            input: Descriptor(input), output: Descriptor(output), peer: peer, handler: handler, lineLimit: lineLimit)
        await handler.connectionOpened(peer)
        let end = await ThreadBridge.run(onThreadNamed: "CabinetLink.CabinetHook") { connection.serve() }
        await handler.connectionClosed(peer)
        switch end {
        case .endOfInput, .stopped: return
        case .readFailed(let code): throw CabinetHookError.readFailed(code: code)
        case .writeFailed(let code): throw CabinetHookError.writeFailed(code: code)
        }
    }
}
