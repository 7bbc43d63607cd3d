internal import CZlib

/// A 1-bit greyscale PNG of a bitmap, with its physical resolution, so an image viewer or office printer shows
/// the label at its true size. zlib deflates; the chunk CRCs are zlib's too.
public enum PNGEncoder {
    /// The PNG bytes of `bitmap` at `dotsPerMillimetre` (recorded in `pHYs` as dots per metre).
    public static func encode(_ bitmap: Bitmap, dotsPerMillimetre: Int) -> [UInt8] {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        // IHDR: width, height, bit depth 1, colour type 0 (greyscale), deflate, adaptive filtering, no interlace.
        append(chunk: "IHDR", bigEndian(UInt32(bitmap.width)) + bigEndian(UInt32(bitmap.height)) + [1, 0, 0, 0, 0], to: &png)
        let perMetre = bigEndian(UInt32(dotsPerMillimetre * 1000))
        append(chunk: "pHYs", perMetre + perMetre + [1], to: &png)
        // Each row: filter type 0, then the row with bits inverted (in PNG grey, 1 is white; in Bitmap, black).
        var raw: [UInt8] = []
        raw.reserveCapacity((bitmap.rowBytes + 1) * bitmap.height)
        for row in 0..<bitmap.height {
            raw.append(0)
            let start = row * bitmap.rowBytes
            for byte in bitmap.bytes[start..<start + bitmap.rowBytes] { raw.append(~byte) }
        }
        append(chunk: "IDAT", deflated(raw), to: &png)
        append(chunk: "IEND", [], to: &png)
        return png
    }

    private static func deflated(_ data: [UInt8]) -> [UInt8] {
        var length = compressBound(uLong(data.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = output.withUnsafeMutableBufferPointer { destination in
            data.withUnsafeBufferPointer { source in
                compress2(destination.baseAddress, &length, source.baseAddress, uLong(data.count), Z_BEST_COMPRESSION)
            }
        }
        // compress2 fails only for want of memory or a buffer under compressBound, neither of which can happen here.
        precondition(status == Z_OK, "zlib's compress2 failed with \(status)")
        return Array(output.prefix(Int(length)))
    }

    private static func append(chunk type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let typed = Array(type.utf8) + data
        let checksum = typed.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        png += bigEndian(UInt32(data.count)) + typed + bigEndian(UInt32(checksum))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
