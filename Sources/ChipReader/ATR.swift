/// An Answer To Reset, parsed per ISO 7816-3, with the PC/SC Part 3 contactless fields when present.
///
/// A contactless reader builds the ATR itself: `3B 8F 80 01 80 4F 0C A0 00 00 03 06 SS NN NN 00 00 00 00 TCK`,
/// where SS names the standard (ISO 14443A, ISO 15693 …) and NN NN the card.
public struct ATR: Sendable, Equatable, CustomStringConvertible {
    public let bytes: [UInt8]
    /// The historical bytes.
    public let historicalBytes: [UInt8]
    /// The PC/SC Part 3 standard byte, when the historical bytes carry the PC/SC application identifier.
    public let standard: UInt8?
    /// The PC/SC Part 3 card name, likewise.
    public let cardName: UInt16?

    /// Parses `bytes`, checking the structure and, when one is required, the TCK checksum.
    public init(_ bytes: [UInt8]) throws {
        guard bytes.count >= 2 else { throw ATRError("an ATR has at least TS and T0; got \(bytes.count) bytes") }
        guard bytes[0] == 0x3B || bytes[0] == 0x3F else {
            throw ATRError("TS is \(hex(bytes[0])), not 3B (direct) or 3F (inverse convention)")
        }
        let historicalCount = Int(bytes[1] & 0x0F)
        var position = 2
        var indicator = bytes[1] >> 4  // which of TAi, TBi, TCi, TDi follow
        var needsTCK = false
        while true {
            let present = (0..<4).filter { indicator & (1 << $0) != 0 }.count
            guard position + present <= bytes.count else { throw ATRError("the interface bytes run past the end") }
            let hasTD = indicator & 0x08 != 0
            position += present
            guard hasTD else { break }
            let td = bytes[position - 1]
            // T=0 alone needs no TCK; any other protocol indicated does.
            if td & 0x0F != 0 { needsTCK = true }
            indicator = td >> 4
        }
        let expected = position + historicalCount + (needsTCK ? 1 : 0)
        guard bytes.count == expected else {
            throw ATRError("the ATR has \(bytes.count) bytes; its structure says \(expected)")
        }
        if needsTCK {
            let check = bytes[1...].reduce(0, ^)
            guard check == 0 else { throw ATRError("TCK does not match (XOR of T0…TCK is \(hex(check)), not 00)") }
        }
        self.bytes = bytes
        self.historicalBytes = Array(bytes[position..<position + historicalCount])
        (standard, cardName) = Self.pcscFields(historicalBytes)
    }

    /// The PC/SC Part 3 fields: category 0x80, then the application identifier tag 4F with RID A0 00 00 03 06.
    private static func pcscFields(_ historical: [UInt8]) -> (UInt8?, UInt16?) {
        guard historical.count >= 15, historical[0] == 0x80, historical[1] == 0x4F, historical[2] >= 0x0C,
            Array(historical[3..<8]) == [0xA0, 0x00, 0x00, 0x03, 0x06]
        else { return (nil, nil) }
        return (historical[8], UInt16(historical[9]) << 8 | UInt16(historical[10]))
    }

    /// The standard in words, e.g. "ISO 14443A (part 3)".
    public var standardName: String {
        guard let standard else { return historicalBytes.isEmpty ? "unknown" : "ISO 14443-4 or other (no PC/SC standard byte)" }
        return Self.standards[standard] ?? "standard 0x\(hex(standard))"
    }

    /// The card in words, e.g. "MIFARE Classic 1K".
    public var cardNameDescription: String? {
        cardName.map { Self.cardNames[$0] ?? "card 0x\(hex(UInt8($0 >> 8)))\(hex(UInt8($0 & 0xFF)))" }
    }

    public var description: String {
        bytes.map(hex).joined(separator: " ") + " (\(standardName)" + (cardNameDescription.map { ", \($0)" } ?? "") + ")"
    }

    /// PC/SC Part 3 supplement, standard byte.
    static let standards: [UInt8: String] = [
        0x01: "ISO 14443A (part 1)", 0x02: "ISO 14443A (part 2)", 0x03: "ISO 14443A (part 3)",
        0x05: "ISO 14443B (part 1)", 0x06: "ISO 14443B (part 2)", 0x07: "ISO 14443B (part 3)",
        0x09: "ISO 15693 (part 1)", 0x0A: "ISO 15693 (part 2)", 0x0B: "ISO 15693 (part 3)", 0x0C: "ISO 15693 (part 4)",
        0x11: "FeliCa", 0x40: "low-frequency contactless",
    ]

    /// PC/SC Part 3 supplement, card names (the common ones).
    static let cardNames: [UInt16: String] = [
        0x0001: "MIFARE Classic 1K", 0x0002: "MIFARE Classic 4K", 0x0003: "MIFARE Ultralight", 0x0026: "MIFARE Mini",
        0x003A: "MIFARE Ultralight C", 0x0014: "ICODE SLIX", 0x0004: "SLE55R_XXXX", 0x0006: "SR176",
        0x0007: "SRI X4K", 0x000B: "ICODE SLI", 0x000C: "Tag-it HF-I Plus Inlay",
    ]
}

/// Why bytes are not a valid ATR.
public struct ATRError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    public var description: String { message }
    init(_ message: String) { self.message = message }
}

func hex(_ byte: UInt8) -> String {
    let text = String(byte, radix: 16, uppercase: true)
    return byte < 0x10 ? "0" + text : text
}
