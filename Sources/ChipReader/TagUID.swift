/// A tag's UID: the raw bytes the reader returned, shown as upper-case hex.
///
/// Byte order differs between readers for ISO 15693 tags (UIDs start with E0 in one order, end with it in the
/// other); the raw bytes are kept, and ``canonical`` puts an ISO 15693 UID in the E0-first order for display
/// and lookup.
public struct TagUID: Sendable, Hashable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses hex with optional separators (`04:A1:B2…`, `04 a1 b2…`).
    public init?(hex text: String) {
        let digits = text.filter { !" :-".contains($0) }
        guard digits.count >= 2, digits.count % 2 == 0, digits.allSatisfy(\.isHexDigit) else { return nil }
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            guard let byte = UInt8(digits[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.bytes = bytes
    }

    /// Upper-case hex without separators, e.g. `04A1B2C3D4E580`.
    public var hex: String { bytes.map(ChipReader.hex).joined() }

    /// The UID in the order used for lookup: an 8-byte ISO 15693 UID that ends in E0 is reversed to start with E0.
    public var canonical: TagUID {
        bytes.count == 8 && bytes.last == 0xE0 && bytes.first != 0xE0 ? TagUID(bytes.reversed()) : self
    }

    public var description: String { hex }
}
