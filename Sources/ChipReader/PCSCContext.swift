internal import CPCSCLite

/// One PC/SC context, with the blocking calls the monitor makes. Every call blocks its thread: it is only
/// used on the monitor's own thread, never on Swift's cooperative pool.
///
/// A context belongs to the thread that established it; ``cancel(_:)`` is the one call another thread may
/// make, with the raw handle, to end a blocked wait.
final class PCSCContext {
    let handle: SCARDCONTEXT

    /// The pseudo-reader that signals reader hot-plug.
    static let plugAndPlayReader = "\\\\?PnP?\\Notification"

    init() throws {
        var handle: SCARDCONTEXT = 0
        let result = SCardEstablishContext(DWORD(SCARD_SCOPE_SYSTEM), nil, nil, &handle)
        guard result == SCARD_S_SUCCESS else { throw ReaderError(pcsc: result, "pcsc-unreachable") }
        self.handle = handle
    }

    deinit { SCardReleaseContext(handle) }

    /// Ends a wait blocked in `SCardGetStatusChange` on the context `handle`, from any thread.
    static func cancel(_ handle: Int) {
        _ = SCardCancel(SCARDCONTEXT(handle))
    }

    /// The readers pcscd knows; none is an empty list, not an error.
    func readers() throws -> [String] {
        var length: DWORD = 0
        var result = SCardListReaders(handle, nil, nil, &length)
        if result == LONG(SCARD_E_NO_READERS_AVAILABLE) { return [] }
        guard result == SCARD_S_SUCCESS else { throw ReaderError(pcsc: result, "pcsc-list-failed") }
        var buffer = [CChar](repeating: 0, count: Int(length))
        result = SCardListReaders(handle, nil, &buffer, &length)
        if result == LONG(SCARD_E_NO_READERS_AVAILABLE) { return [] }
        guard result == SCARD_S_SUCCESS else { throw ReaderError(pcsc: result, "pcsc-list-failed") }
        // A multi-string: names separated by NUL, ended by an empty name.
        return buffer.split(separator: 0).map { String(decoding: $0.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
    }

    /// Waits up to `milliseconds` for a change in any of `readers`, given what we last saw of each
    /// (`nil` = unaware, return at once). Returns what each reader reports now, or nil on timeout.
    func waitForChange(_ readers: [(name: String, last: ReaderSnapshot?)], milliseconds: Int, watchPlugAndPlay: Bool)
        throws -> [String: ReaderSnapshot]?
    {
        let names = readers.map(\.name) + (watchPlugAndPlay ? [Self.plugAndPlayReader] : [])
        let cNames = names.map { strdup($0) }
        defer { cNames.forEach { free($0) } }
        var states = cNames.indices.map { index -> SCARD_READERSTATE in
            var state = SCARD_READERSTATE()
            state.szReader = UnsafePointer(cNames[index])
            if index < readers.count, let last = readers[index].last {
                state.dwCurrentState = DWORD(last.eventCount) << 16 | DWORD(last.isPresent ? SCARD_STATE_PRESENT : SCARD_STATE_EMPTY)
            } else if index >= readers.count {
                // The hot-plug pseudo-reader: its count of readers lives in the high 16 bits on newer pcsc-lite.
                state.dwCurrentState = DWORD(readers.count) << 16
            } else {
                state.dwCurrentState = DWORD(SCARD_STATE_UNAWARE)
            }
            return state
        }
        let result = SCardGetStatusChange(handle, DWORD(milliseconds), &states, DWORD(states.count))
        if result == LONG(SCARD_E_TIMEOUT) { return nil }
        guard result == SCARD_S_SUCCESS else { throw ReaderError(pcsc: result, "pcsc-wait-failed") }
        var snapshots: [String: ReaderSnapshot] = [:]
        for (index, state) in states.enumerated() where index < readers.count {
            let atr = withUnsafeBytes(of: state.rgbAtr) { Array($0.prefix(Int(min(state.cbAtr, DWORD(MAX_ATR_SIZE))))) }
            let present = state.dwEventState & DWORD(SCARD_STATE_PRESENT) != 0
            snapshots[readers[index].name] = ReaderSnapshot(
                isPresent: present, eventCount: UInt16(truncatingIfNeeded: state.dwEventState >> 16), atr: present ? atr : [])
        }
        return snapshots
    }

    /// Connects to the tag on `reader`, reads its UID with GET DATA, and disconnects leaving the tag as it was.
    func readUID(reader: String) throws -> TagUID {
        var card: SCARDHANDLE = 0
        var protocolInUse: DWORD = 0
        let result = SCardConnect(
            handle, reader, DWORD(SCARD_SHARE_SHARED), DWORD(SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1), &card, &protocolInUse)
        guard result == SCARD_S_SUCCESS else { throw ReaderError(pcsc: result, "tag-connect-failed", ["reader": reader]) }
        defer { SCardDisconnect(card, DWORD(SCARD_LEAVE_CARD)) }
        let pci = protocolInUse == DWORD(SCARD_PROTOCOL_T0) ? cpcsc_pci_t0() : cpcsc_pci_t1()
        return try GetUID.read { command in
            var response = [UInt8](repeating: 0, count: 258)
            var length = DWORD(response.count)
            let result = SCardTransmit(card, pci, command, DWORD(command.count), nil, &response, &length)
            guard result == SCARD_S_SUCCESS else { throw ReaderError(pcsc: result, "uid-read-failed", ["reader": reader]) }
            return Array(response.prefix(Int(length)))
        }
    }
}

@available(*, unavailable)
extension PCSCContext: Sendable {}

#if canImport(Glibc)
    import Glibc
#endif
