import CZlib
import Foundation

/// A PNG read back to grey levels, for checking where another renderer (librsvg) put ink. Reads the 8-bit
/// images rsvg-convert writes (grey, grey+alpha, RGB, RGBA; every filter type), nothing more.
public struct GreyImage: Sendable {
    public let width: Int
    public let height: Int
    /// 0 black … 255 white, row by row.
    public let levels: [UInt8]

    /// Darker than mid-grey: ink a thermal head would print.
    public func isDark(_ x: Int, _ y: Int) -> Bool { levels[y * width + x] < 128 }
}

public enum PNGReader {
    public static func greyscale(at path: String) throws -> GreyImage {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        guard bytes.count > 8, bytes.prefix(8) == [137, 80, 78, 71, 13, 10, 26, 10] else { throw failure("not a PNG") }
        var offset = 8
        var width = 0
        var height = 0
        var channels = 0
        var compressed: [UInt8] = []
        while offset + 12 <= bytes.count {
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let body = Array(bytes[offset + 8..<min(bytes.count, offset + 8 + length)])
            offset += 12 + length
            switch type {
            case "IHDR":
                width = body[0..<4].reduce(0) { $0 << 8 | Int($1) }
                height = body[4..<8].reduce(0) { $0 << 8 | Int($1) }
                guard body[8] == 8, body[12] == 0 else { throw failure("bit depth \(body[8]) or interlacing unsupported") }
                switch body[9] {
                case 0: channels = 1
                case 2: channels = 3
                case 4: channels = 2
                case 6: channels = 4
                default: throw failure("colour type \(body[9]) unsupported")
                }
            case "IDAT": compressed += body
            default: break
            }
        }
        let stride = width * channels
        var raw = [UInt8](repeating: 0, count: (stride + 1) * height)
        var rawLength = uLongf(raw.count)
        let status = compressed.withUnsafeBufferPointer { source in
            raw.withUnsafeMutableBufferPointer { uncompress($0.baseAddress, &rawLength, source.baseAddress, uLong(source.count)) }
        }
        guard status == Z_OK, Int(rawLength) == raw.count else { throw failure("image data does not inflate") }
        var pixels = [UInt8](repeating: 0, count: stride * height)
        for row in 0..<height {
            let filter = raw[row * (stride + 1)]
            for column in 0..<stride {
                let value = Int(raw[row * (stride + 1) + 1 + column])
                let left = column >= channels ? Int(pixels[row * stride + column - channels]) : 0
                let up = row > 0 ? Int(pixels[(row - 1) * stride + column]) : 0
                let upLeft = row > 0 && column >= channels ? Int(pixels[(row - 1) * stride + column - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                case 4:
                    let estimate = left + up - upLeft
                    let (a, b, c) = (abs(estimate - left), abs(estimate - up), abs(estimate - upLeft))
                    predictor = a <= b && a <= c ? left : b <= c ? up : upLeft
                default: throw failure("filter \(filter) unknown")
                }
                pixels[row * stride + column] = UInt8(truncatingIfNeeded: value + predictor)
            }
        }
        // Composite over white (rsvg was asked for a white background, so alpha is 255 anyway).
        let levels = (0..<width * height).map { index -> UInt8 in
            let pixel = pixels[index * channels..<(index + 1) * channels].map(Int.init)
            let grey = channels >= 3 ? (pixel[0] * 299 + pixel[1] * 587 + pixel[2] * 114) / 1000 : pixel[0]
            let alpha = channels == 2 || channels == 4 ? pixel[channels - 1] : 255
            return UInt8((grey * alpha + 255 * (255 - alpha)) / 255)
        }
        return GreyImage(width: width, height: height, levels: levels)
    }

    static func failure(_ message: String) -> ExternalDecoder.Failure { ExternalDecoder.Failure("PNG: \(message)") }
}
