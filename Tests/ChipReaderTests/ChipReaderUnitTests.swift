import Foundation
import PCSCTestSupport
import Testing

@testable import ChipReader

/// The parts of ChipReader that need no reader: ATRs, status words, UIDs, the event reducer, the wedge.
struct ATRTests {
    /// `3B 8F 80 01 80 4F 0C A0 00 00 03 06 SS NN NN 00 00 00 00 TCK`.
    static func contactless(_ standard: UInt8, _ card: UInt16) -> [UInt8] {
        var bytes: [UInt8] = [
            0x3B, 0x8F, 0x80, 0x01, 0x80, 0x4F, 0x0C, 0xA0, 0x00, 0x00, 0x03, 0x06, standard, UInt8(card >> 8), UInt8(card & 0xFF), 0, 0, 0,
            0,
        ]
        bytes.append(bytes.dropFirst().reduce(0, ^))
        return bytes
    }

    @Test func contactlessATRsNameTheStandardAndCard() throws {
        let mifare = try ATR(Self.contactless(0x03, 0x0001))
        #expect(mifare.standardName == "ISO 14443A (part 3)")
        #expect(mifare.cardNameDescription == "MIFARE Classic 1K")
        // A real ACR122U answer for a MIFARE Classic 1K.
        let real = try ATR([
            0x3B, 0x8F, 0x80, 0x01, 0x80, 0x4F, 0x0C, 0xA0, 0x00, 0x00, 0x03, 0x06, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x6A,
        ])
        #expect(real.cardName == 0x0001)
        let icode = try ATR(Self.contactless(0x0B, 0x0014))
        #expect(icode.standardName == "ISO 15693 (part 3)")
        #expect(icode.cardNameDescription == "ICODE SLIX")
        #expect(try ATR(Self.contactless(0x11, 0x7777)).description.contains("FeliCa, card 0x7777"))
    }

    @Test func badChecksumsAndStructuresAreRejected() {
        var wrongTCK = Self.contactless(0x03, 0x0001)
        wrongTCK[wrongTCK.count - 1] ^= 0x01
        #expect(throws: ATRError.self) { try ATR(wrongTCK) }
        #expect(throws: ATRError.self) { try ATR(Array(Self.contactless(0x03, 0x0001).dropLast(3))) }
        #expect(throws: ATRError.self) { try ATR([0x3B]) }
        #expect(throws: ATRError.self) { try ATR([0x42, 0x00]) }
        #expect(throws: ATRError.self) { try ATR(Self.contactless(0x03, 0x0001) + [0x00]) }
    }

    @Test func aT0OnlyATRNeedsNoTCK() throws {
        // 3B 02 14 50: T0 says no interface bytes and 2 historical bytes; T=0 implied, no TCK.
        let atr = try ATR([0x3B, 0x02, 0x14, 0x50])
        #expect(atr.historicalBytes == [0x14, 0x50])
        #expect(atr.standard == nil)
    }
}

struct StatusWordTests {
    /// A transmit function that answers from a script and records what it was sent.
    final class Script: @unchecked Sendable {
        var responses: [[UInt8]]
        var sent: [[UInt8]] = []
        init(_ responses: [[UInt8]]) { self.responses = responses }
        func transmit(_ command: [UInt8]) throws -> [UInt8] {
            sent.append(command)
            return responses.removeFirst()
        }
    }

    @Test func successReturnsTheUID() throws {
        let script = Script([[0x04, 0xA1, 0xB2, 0xC3, 0x90, 0x00]])
        #expect(try GetUID.read(using: script.transmit).hex == "04A1B2C3")
        #expect(script.sent == [[0xFF, 0xCA, 0x00, 0x00, 0x00]])
    }

    @Test func wrongLengthIsResentWithTheLengthAskedFor() throws {
        let script = Script([[0x6C, 0x07], [0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0x80, 0x90, 0x00]])
        #expect(try GetUID.read(using: script.transmit).hex == "04A1B2C3D4E580")
        #expect(script.sent.last == [0xFF, 0xCA, 0x00, 0x00, 0x07])
    }

    @Test func endOfDataWarningStillGivesTheData() throws {
        let script = Script([[0x04, 0xA1, 0xB2, 0xC3, 0x62, 0x82]])
        #expect(try GetUID.read(using: script.transmit).hex == "04A1B2C3")
    }

    @Test(arguments: [[UInt8]([0x6A, 0x81]), [0x63, 0x00], [0x90], [], [0x90, 0x00]])
    func errorsAndShortResponsesAreNeverUIDs(response: [UInt8]) {
        let script = Script([response])
        let error = #expect(throws: ReaderError.self) { try GetUID.read(using: script.transmit) }
        #expect(error?.code == (response.count < 2 || response == [0x90, 0x00] ? .malformedResponse : .statusWord))
    }
}

struct TagUIDTests {
    @Test func hexIsUpperCaseWithoutSeparators() {
        #expect(TagUID([0x04, 0xa1, 0x0b]).hex == "04A10B")
        #expect(TagUID(hex: "04:a1:b2 c3-d4")?.hex == "04A1B2C3D4")
        #expect(TagUID(hex: "04A") == nil)
        #expect(TagUID(hex: "zz") == nil)
    }

    @Test func iso15693UIDsAreCanonicalisedToStartWithE0() {
        let reversed = TagUID([0xD4, 0xC3, 0xB2, 0xA1, 0x50, 0x01, 0x04, 0xE0])
        #expect(reversed.canonical.hex == "E0040150A1B2C3D4")
        #expect(TagUID([0xE0, 0x04, 0x01, 0x50, 0xA1, 0xB2, 0xC3, 0xD4]).canonical.hex == "E0040150A1B2C3D4")
        #expect(TagUID([0x04, 0xA1, 0xB2, 0xC3]).canonical.hex == "04A1B2C3")
    }
}

struct ReaderStatesTests {
    static func snap(_ present: Bool, _ count: UInt16, _ atr: [UInt8] = [1]) -> ReaderSnapshot {
        ReaderSnapshot(isPresent: present, eventCount: count, atr: present ? atr : [])
    }

    @Test func arrivalAndDeparture() {
        #expect(ReaderStates.changes(from: ["R": Self.snap(false, 0)], to: ["R": Self.snap(true, 1)]) == [.arrived(reader: "R", atr: [1])])
        #expect(ReaderStates.changes(from: ["R": Self.snap(true, 1)], to: ["R": Self.snap(false, 2)]) == [.left(reader: "R")])
        #expect(ReaderStates.changes(from: ["R": Self.snap(true, 1)], to: ["R": Self.snap(true, 1)]) == [])
    }

    @Test func aMissedRemoveAndInsertIsSeenThroughTheCounter() {
        // Present before and after, but two events happened in between: lifted and placed again.
        #expect(
            ReaderStates.changes(from: ["R": Self.snap(true, 1)], to: ["R": Self.snap(true, 3, [2])])
                == [.left(reader: "R"), .arrived(reader: "R", atr: [2])])
        // The counter wraps at 16 bits.
        #expect(ReaderStates.changes(from: ["R": Self.snap(true, 0xFFFF)], to: ["R": Self.snap(true, 1)]).count == 2)
        // Absent before and after with two events: a tag came and went unseen; nothing to act on.
        #expect(ReaderStates.changes(from: ["R": Self.snap(false, 2)], to: ["R": Self.snap(false, 4)]) == [])
    }

    @Test func readersComingAndGoing() {
        #expect(
            ReaderStates.changes(from: [:], to: ["A": Self.snap(true, 1), "B": Self.snap(false, 0)])
                == [.added("A"), .arrived(reader: "A", atr: [1]), .added("B")])
        #expect(ReaderStates.changes(from: ["A": Self.snap(true, 1)], to: [:]) == [.left(reader: "A"), .removed("A")])
    }
}

struct PolicyAndWedgeTests {
    @Test func virtualReadersAreRefusedUnlessAllowed() {
        #expect(!ReaderPolicy(allowsVirtualReaders: false).allows("Virtual PCD 00 00"))
        #expect(ReaderPolicy(allowsVirtualReaders: true).allows("Virtual PCD 00 00"))
        #expect(ReaderPolicy(allowsVirtualReaders: false).allows("ACS ACR122U PICC Interface 00 00"))
        #expect(!ReaderPolicy(allowsVirtualReaders: true, nameFilter: "acr").allows("Virtual PCD 00 00"))
    }

    @Test func wedgeLinesBecomeArrivals() async throws {
        let pipe = Pipe()
        let source = KeyboardWedgeSource(input: pipe.fileHandleForReading)
        pipe.fileHandleForWriting.write(Data("04A1B2C3D4E580\n\nnot-hex\r\n04:a1:b2:c3\n".utf8))
        try pipe.fileHandleForWriting.close()
        var arrivals: [String] = []
        for await event in source.events() {
            if case .tagArrived(let arrival) = event {
                arrivals.append(arrival.uid?.hex ?? "error")
            }
        }
        #expect(arrivals == ["04A1B2C3D4E580", "error", "04A1B2C3"])
        #expect(KeyboardWedgeSource.parse("78187012", format: .decimal)?.hex == "04A90A04")
    }
}
