internal import CQREncode

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A QR code symbol's modules, from libqrencode: we draw it, libqrencode computes it (Reed–Solomon, masking
/// and version choice are exactly what a hand-written encoder gets subtly wrong).
public struct QRMatrix: Sendable, Equatable {
    /// Modules per side, without the quiet zone.
    public let width: Int
    /// The symbol version (1–40) libqrencode chose.
    public let version: Int
    /// Row-major, `true` is a dark module.
    public let modules: [Bool]

    /// The quiet zone each side, in modules: 4, what ISO/IEC 18004 requires.
    public static let quietZone = 4

    /// The symbol for `payload` at error-correction level M in the smallest version that holds it.
    ///
    /// Only printable ASCII is accepted: labels carry an id, never names, and a byte-mode symbol without an ECI
    /// header is read as ISO-8859-1 or guessed at by decoders, so anything else would not read back byte for byte.
    public init(_ payload: String) throws(QRMatrixError) {
        guard !payload.isEmpty else { throw .empty }
        if let offset = payload.unicodeScalars.firstIndex(where: { !(0x20...0x7E).contains($0.value) }) {
            let position = payload.unicodeScalars.distance(from: payload.unicodeScalars.startIndex, to: offset)
            throw .unsupportedCharacter(offset: position, scalar: payload.unicodeScalars[offset].value)
        }
        // Mode 8 is only the hint for characters outside the alphanumeric set; upper-case ids still get the
        // compact alphanumeric mode. Case-sensitive, so a lower-case id is not silently upper-cased.
        guard let code = QRcode_encodeString(payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            let code = errno
            throw code == ERANGE ? .tooLong(bytes: payload.utf8.count) : .encoderFailed(errno: code)
        }
        defer { QRcode_free(code) }
        let side = Int(code.pointee.width)
        width = side
        version = Int(code.pointee.version)
        // Bit 0 of each byte is the module's colour; the other bits say what the module is for.
        modules = (0..<side * side).map { code.pointee.data[$0] & 1 == 1 }
    }

    /// Whether module (`x`, `y`) is dark.
    public subscript(x: Int, y: Int) -> Bool {
        modules[y * width + x]
    }
}

public enum QRMatrixError: Error, Equatable, Sendable {
    case empty
    /// A character outside printable ASCII, at `offset` (in Unicode scalars).
    case unsupportedCharacter(offset: Int, scalar: UInt32)
    /// More than the largest symbol holds.
    case tooLong(bytes: Int)
    /// libqrencode failed for another reason (memory): its errno.
    case encoderFailed(errno: Int32)
}
