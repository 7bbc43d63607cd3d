/// The two status bytes that end every response APDU.
public struct StatusWord: Sendable, Hashable, CustomStringConvertible {
    public let sw1: UInt8
    public let sw2: UInt8

    public init(_ sw1: UInt8, _ sw2: UInt8) {
        self.sw1 = sw1
        self.sw2 = sw2
    }

    public static let success = StatusWord(0x90, 0x00)
    /// 62 82: end of data reached before Le bytes; the data returned is valid (a warning).
    public static let endOfDataWarning = StatusWord(0x62, 0x82)
    /// 6A 81: function not supported.
    public static let notSupported = StatusWord(0x6A, 0x81)
    /// 63 00: failure (ACS readers answer this to GET DATA when no UID can be read).
    public static let failure = StatusWord(0x63, 0x00)

    /// 6C XX: wrong Le; resend with Le = XX.
    public var correctLength: UInt8? { sw1 == 0x6C ? sw2 : nil }

    public var description: String { hex(sw1) + " " + hex(sw2) }
}

/// A response APDU split into its data and status word.
struct ResponseAPDU: Equatable {
    let data: [UInt8]
    let status: StatusWord

    /// Splits `bytes`; anything shorter than the two status bytes is malformed, never data.
    init(_ bytes: [UInt8]) throws {
        guard bytes.count >= 2 else {
            throw ReaderError(.malformedResponse, reason: "response-too-short", ["bytes": String(bytes.count)])
        }
        data = Array(bytes.dropLast(2))
        status = StatusWord(bytes[bytes.count - 2], bytes[bytes.count - 1])
    }
}

/// GET DATA for the UID (PC/SC Part 3 pseudo-APDU `FF CA 00 00 Le`), and how to read its answer.
enum GetUID {
    static func command(expectedLength: UInt8 = 0) -> [UInt8] { [0xFF, 0xCA, 0x00, 0x00, expectedLength] }

    /// Reads the UID through `transmit`, resending once with the length the card asks for (6C XX).
    static func read(using transmit: ([UInt8]) throws -> [UInt8]) throws -> TagUID {
        var response = try ResponseAPDU(transmit(command()))
        if let length = response.status.correctLength {
            response = try ResponseAPDU(transmit(command(expectedLength: length)))
        }
        switch response.status {
        case .success, .endOfDataWarning:
            guard !response.data.isEmpty else { throw ReaderError(.malformedResponse, reason: "uid-empty") }
            return TagUID(response.data)
        default:
            throw ReaderError(.statusWord, reason: "uid-status-error", ["statusWord": "\(response.status)"])
        }
    }
}
