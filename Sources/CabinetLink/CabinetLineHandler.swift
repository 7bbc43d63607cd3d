/// What a transport asks of the protocol engine: one response line per request line.
///
/// The transports call a handler from their own threads through tasks; within one connection the calls come
/// one at a time and in the order the lines arrived (the next line is read only after the previous response
/// was written), so a handler needs no per-connection ordering of its own. Calls for different connections
/// overlap.
public protocol CabinetLineHandler: Sendable {
    /// One line (without its newline; bytes, maybe not UTF-8) → the response line to write (no newline).
    ///
    /// Blank lines (empty, or spaces and tabs only) never reach the handler; see ``LineFramer``.
    func respond(to line: [UInt8], from peer: CabinetPeer) async -> String

    /// A line longer than the limit arrived (its bytes up to its newline were dropped) → the response line.
    func respondToOverlongLine(from peer: CabinetPeer) async -> String

    /// The peer's credentials were refused by the server's access rule → the one line written before closing.
    ///
    /// A refused connection gets neither ``connectionOpened(_:)`` nor ``connectionClosed(_:)``.
    func refusal(of peer: CabinetPeer) async -> String

    /// A connection was accepted (or the hook started) and will now be read; before its first line.
    func connectionOpened(_ peer: CabinetPeer) async

    /// A connection ended: end of input, a failed read or write, or the server stopping. After its last
    /// response was written (or failed to be).
    func connectionClosed(_ peer: CabinetPeer) async
}

extension CabinetLineHandler {
    /// Nothing to do by default.
    public func connectionOpened(_ peer: CabinetPeer) async {}
}
