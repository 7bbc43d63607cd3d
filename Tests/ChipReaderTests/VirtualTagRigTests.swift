import CPCSCLite
import Foundation
import Glibc
import PCSCTestSupport
import Testing

extension PCSCRigSuites {
    /// The test rig itself, through the raw PC/SC API and no ChipReader code: pcscd lists the virtual
    /// readers, a ``VirtualTag`` arrives, answers APDUs and leaves, and daemons stop and start.
    ///
    /// Needs `scripts/pcscd-rig.sh run -- swift test --filter VirtualTagRigTests`; without the rig every
    /// test that needs pcscd fails and says so.
    @Suite struct VirtualTagRigTests {
        // A 7-byte ISO 14443A UID (NXP manufacturer byte 04), as an Ultralight or DESFire has.
        static let uid: [UInt8] = [0x04, 0xA2, 0x3B, 0x1C, 0x5D, 0x80, 0x21]

        @Test func contactlessATRsCarryTheirChecksum() {
            // A real ACR122U answer for a MIFARE Classic 1K.
            #expect(
                VirtualTag.contactlessATR(standard: 0x03, cardName: 0x0001)
                    == [
                        0x3B, 0x8F, 0x80, 0x01, 0x80, 0x4F, 0x0C, 0xA0, 0x00, 0x00, 0x03, 0x06, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,
                        0x6A,
                    ])
            let icode = VirtualTag.contactlessATR(standard: 0x0B, cardName: 0x0014)
            #expect(icode.count == 20)
            #expect(icode.dropFirst().reduce(0, ^) == 0, "T0 … TCK XOR to zero")
        }

        @Test func pcscdListsTheVirtualReaders() throws {
            _ = try PCSCRig.required()
            let readers = try Context().readers()
            #expect(readers.contains("Virtual PCD 00 00"), "readers: \(readers)")
            #expect(readers.contains("Virtual PCD 00 01"), "readers: \(readers)")
        }

        @Test func aPlacedTagArrivesAnswersGetDataAndLeaves() throws {
            let rig = try PCSCRig.required()
            let context = try Context()
            let before = try context.waitFor(rig.readerName, present: false)

            let tag = VirtualTag(uid: Self.uid)
            try tag.place(onPort: rig.port)
            let arrived = try context.waitFor(rig.readerName, present: true)
            #expect(arrived.atr == tag.atr)

            let card = try context.connect(rig.readerName)
            #expect(try card.transmit([0xFF, 0xCA, 0x00, 0x00, 0x00]) == Self.uid + [0x90, 0x00])
            #expect(tag.apduCount == 1)
            #expect(tag.lastAPDU == [0xFF, 0xCA, 0x00, 0x00, 0x00])
            card.disconnect()

            tag.lift()
            #expect(!tag.isOnReader)
            let left = try context.waitFor(rig.readerName, present: false)
            #expect(left.eventState & DWORD(SCARD_STATE_EMPTY) != 0)
            // The high 16 bits count insertions and removals: one of each.
            #expect(left.eventCount &- before.eventCount == 2)
        }

        @Test func uidAnswersDelaysAndResponderAreHonoured() throws {
            let rig = try PCSCRig.required()
            let context = try Context()
            // After a lift pcscd reports the old tag for up to 0.4 s, and vpcd takes a new one only once it
            // has noticed: wait for the empty reader, or the next "present" is the old tag's.
            _ = try context.waitFor(rig.readerName, present: false)
            let tag = VirtualTag(uid: Self.uid)
            try tag.place(onPort: rig.port)
            defer { tag.lift() }
            _ = try context.waitFor(rig.readerName, present: true)
            let card = try context.connect(rig.readerName)
            defer { card.disconnect() }
            func getUID(le: UInt8) throws -> [UInt8] { try card.transmit([0xFF, 0xCA, 0x00, 0x00, le]) }

            // PC/SC Part 3: exact or zero Le → 90 00; longer → 62 82; shorter → 6C with the length.
            #expect(try getUID(le: 7) == Self.uid + [0x90, 0x00])
            #expect(try getUID(le: 10) == Self.uid + [0x62, 0x82])
            #expect(try getUID(le: 4) == [0x6C, 0x07])
            #expect(try card.transmit([0x00, 0xA4, 0x04, 0x00, 0x00]) == [0x6A, 0x81])

            tag.uidAnswer = .statusOnly(0x6A, 0x81)
            #expect(try getUID(le: 0) == [0x6A, 0x81])
            tag.uidAnswer = .resendWithLe(0x04)
            #expect(try getUID(le: 0) == [0x6C, 0x04])
            #expect(try getUID(le: 4) == Array(Self.uid.prefix(4)) + [0x90, 0x00])
            tag.uidAnswer = .shortened(length: 4)
            #expect(try getUID(le: 0) == Array(Self.uid.prefix(4)) + [0x62, 0x82])
            tag.uidAnswer = .standard

            // The responder answers what it knows (here the ATS, FF CA 01 00 00); nil falls back to the defaults.
            tag.responder = { apdu in apdu == [0xFF, 0xCA, 0x01, 0x00, 0x00] ? [0x05, 0x78, 0x80, 0x70, 0x02, 0x90, 0x00] : nil }
            #expect(try card.transmit([0xFF, 0xCA, 0x01, 0x00, 0x00]) == [0x05, 0x78, 0x80, 0x70, 0x02, 0x90, 0x00])
            #expect(try getUID(le: 0) == Self.uid + [0x90, 0x00])

            tag.responseDelay = .milliseconds(300)
            let clock = ContinuousClock()
            let started = clock.now
            #expect(try getUID(le: 0) == Self.uid + [0x90, 0x00])
            #expect(clock.now - started >= .milliseconds(300))
            #expect(tag.apduCount == 11)
        }

        @Test func aTagDroppingTheConnectionMidReadLooksLifted() throws {
            let rig = try PCSCRig.required()
            let context = try Context()
            _ = try context.waitFor(rig.readerName, present: false)
            let tag = VirtualTag(uid: Self.uid)
            tag.dropAfterAPDUs = 1
            try tag.place(onPort: rig.port)
            _ = try context.waitFor(rig.readerName, present: true)
            let card = try context.connect(rig.readerName)
            defer { card.disconnect() }

            // vpcd turns "connection closed instead of an answer" into an empty answer, and pcsc-lite 1.9.9
            // reports success with 0 bytes: the malformed response a reader must refuse.
            let dropped = card.transmitResult([0xFF, 0xCA, 0x00, 0x00, 0x00])
            #expect(dropped.status == SCARD_S_SUCCESS && dropped.response.isEmpty, "the dropped APDU: \(dropped)")
            #expect(tag.apduCount == 1)
            #expect(waitUntil(.seconds(2)) { !tag.isOnReader })
            // Until pcscd's next presence poll the card is "not transacted", from then on "removed".
            let next = card.transmitResult([0xFF, 0xCA, 0x00, 0x00, 0x00])
            #expect([LONG(SCARD_E_NOT_TRANSACTED), LONG(SCARD_W_REMOVED_CARD)].contains(next.status), "the next APDU: \(next)")
            let left = try context.waitFor(rig.readerName, present: false)
            #expect(left.eventState & DWORD(SCARD_STATE_PRESENT) == 0)
            #expect(card.transmitResult([0xFF, 0xCA, 0x00, 0x00, 0x00]).status == LONG(SCARD_W_REMOVED_CARD))
        }

        @Test func aPrivateDaemonStopsAndStartsAgainOnTheSamePort() throws {
            let rig = try PCSCRig.required()
            // The run's daemon holds port and port + 1.
            let own = try PCSCRig.startPrivate(port: rig.port + 2)
            defer { try? own.stopAndRemove() }
            #expect(FileManager.default.fileExists(atPath: own.socketPath))

            // Its client socket is out of reach of this process (see PCSCRig); its vpcd port is not: vpcd
            // takes the tag at its next poll and asks for the ATR.
            let tag = VirtualTag(uid: Self.uid)
            try tag.place(onPort: own.port)
            #expect(waitUntil(.seconds(3)) { tag.atrRequestCount > 0 })

            try own.stop()
            #expect(!FileManager.default.fileExists(atPath: own.socketPath))
            // pcscd took its vpcd connections with it: the tag is off the reader.
            #expect(waitUntil(.seconds(2)) { !tag.isOnReader })

            try own.start()
            let polled = tag.atrRequestCount
            try tag.place(onPort: own.port)
            #expect(waitUntil(.seconds(3)) { tag.atrRequestCount > polled })
            tag.lift()
        }

        @Test func theClientLibraryReadsTheSocketPathOncePerProcess() throws {
            let rig = try PCSCRig.required()
            _ = try Context()  // libpcsclite has now read PCSCLITE_CSOCK_NAME, if nothing did before
            let saved = String(cString: getenv("PCSCLITE_CSOCK_NAME"))
            setenv("PCSCLITE_CSOCK_NAME", "/nonexistent/pcscd.comm", 1)
            defer { setenv("PCSCLITE_CSOCK_NAME", saved, 1) }
            // Were the variable read again, this would be SCARD_E_NO_SERVICE.
            #expect(try Context().readers().contains(rig.readerName))
        }
    }
}

// MARK: - The raw PC/SC API, as little as the tests need

/// A failed PC/SC call, with pcsc-lite's name for the code.
private struct PCSCError: Error, CustomStringConvertible {
    let call: String
    let status: LONG
    var description: String {
        "\(call): \(String(cString: pcsc_stringify_error(status))) (0x\(String(status, radix: 16, uppercase: true)))"
    }
}

private func check(_ status: LONG, _ call: String) throws {
    guard status == SCARD_S_SUCCESS else { throw PCSCError(call: call, status: status) }
}

/// One PC/SC context, used on the test's thread only (a context belongs to one thread).
private final class Context {
    let handle: SCARDCONTEXT

    struct ReaderState {
        let eventState: DWORD
        let atr: [UInt8]
        var eventCount: UInt16 { UInt16(truncatingIfNeeded: eventState >> 16) }
        var isPresent: Bool { eventState & DWORD(SCARD_STATE_PRESENT) != 0 }
    }

    init() throws {
        var handle: SCARDCONTEXT = 0
        try check(SCardEstablishContext(DWORD(SCARD_SCOPE_SYSTEM), nil, nil, &handle), "SCardEstablishContext")
        self.handle = handle
    }

    deinit { SCardReleaseContext(handle) }

    func readers() throws -> [String] {
        var length: DWORD = 0
        try check(SCardListReaders(handle, nil, nil, &length), "SCardListReaders")
        var buffer = [CChar](repeating: 0, count: Int(length))
        try check(SCardListReaders(handle, nil, &buffer, &length), "SCardListReaders")
        // A multi-string: names ended by NUL, the list by an empty name.
        return buffer.split(separator: 0).map { String(decoding: $0.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
    }

    /// Waits until `reader` has (or has not) a tag. pcscd polls vpcd every 0.4 s, so a change takes up
    /// to half a second to show.
    func waitFor(_ reader: String, present: Bool, timeout: Duration = .seconds(20)) throws -> ReaderState {
        let deadline = ContinuousClock.now + timeout
        return try reader.withCString { name in
            var state = SCARD_READERSTATE()
            state.szReader = name
            state.dwCurrentState = DWORD(SCARD_STATE_UNAWARE)  // the first call returns the state at once
            while true {
                let left = max(0, (deadline - ContinuousClock.now) / .milliseconds(1))
                let status = SCardGetStatusChange(handle, DWORD(left), &state, 1)
                if status == LONG(SCARD_E_TIMEOUT) {
                    throw PCSCError(call: "waiting \(timeout) for \(reader) to become \(present ? "present" : "empty")", status: status)
                }
                try check(status, "SCardGetStatusChange")
                let atr = withUnsafeBytes(of: state.rgbAtr) { Array($0.prefix(Int(min(state.cbAtr, DWORD(MAX_ATR_SIZE))))) }
                let now = ReaderState(eventState: state.dwEventState, atr: atr)
                if now.isPresent == present { return now }
                state.dwCurrentState = state.dwEventState & ~DWORD(SCARD_STATE_CHANGED)
            }
        }
    }

    func connect(_ reader: String) throws -> Card {
        var card: SCARDHANDLE = 0
        var activeProtocol: DWORD = 0
        try check(
            SCardConnect(
                handle, reader, DWORD(SCARD_SHARE_SHARED), DWORD(SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1), &card, &activeProtocol),
            "SCardConnect")
        return Card(handle: card, activeProtocol: activeProtocol)
    }
}

/// A connection to the tag on a reader.
private final class Card {
    let handle: SCARDHANDLE
    let activeProtocol: DWORD
    private var isConnected = true

    init(handle: SCARDHANDLE, activeProtocol: DWORD) {
        self.handle = handle
        self.activeProtocol = activeProtocol
    }

    deinit { disconnect() }

    func disconnect() {
        if isConnected { SCardDisconnect(handle, DWORD(SCARD_LEAVE_CARD)) }
        isConnected = false
    }

    func transmitResult(_ apdu: [UInt8]) -> (status: LONG, response: [UInt8]) {
        let pci = activeProtocol == DWORD(SCARD_PROTOCOL_T1) ? cpcsc_pci_t1() : cpcsc_pci_t0()
        var response = [UInt8](repeating: 0, count: 258)
        var length = DWORD(response.count)
        let status = SCardTransmit(handle, pci, apdu, DWORD(apdu.count), nil, &response, &length)
        return (status, Array(response.prefix(status == SCARD_S_SUCCESS ? Int(length) : 0)))
    }

    func transmit(_ apdu: [UInt8]) throws -> [UInt8] {
        let result = transmitResult(apdu)
        try check(result.status, "SCardTransmit")
        return result.response
    }
}

/// Polls `condition` every 10 ms until it holds or `timeout` passes.
private func waitUntil(_ timeout: Duration, _ condition: () -> Bool) -> Bool {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        if ContinuousClock.now >= deadline { return false }
        Thread.sleep(forTimeInterval: 0.01)
    }
    return true
}
