/// A 1-bit raster in printer dots: `true` is a black (printed) dot.
///
/// Rows are packed eight dots to a byte, most significant bit first, each row padded to whole bytes: the layout
/// of PNG's 1-bit grey rows (after inverting) and of ZPL's `^GFA` data, so both writers read `rows` directly.
public struct Bitmap: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Bytes per row: `ceil(width / 8)`.
    public let rowBytes: Int
    /// `height` rows of `rowBytes` bytes; 1 bits are black.
    public private(set) var bytes: [UInt8]

    /// A white bitmap of `width` × `height` dots (both at least 0).
    public init(width: Int, height: Int) {
        precondition(width >= 0 && height >= 0, "a bitmap's size is not negative")
        self.width = width
        self.height = height
        rowBytes = (width + 7) / 8
        bytes = [UInt8](repeating: 0, count: rowBytes * height)
    }

    /// Whether dot (`x`, `y`) is black; dots outside the bitmap are white.
    public subscript(x: Int, y: Int) -> Bool {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return false }
            return bytes[y * rowBytes + x >> 3] & (0x80 >> UInt8(x & 7)) != 0
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            let index = y * rowBytes + x >> 3
            let mask: UInt8 = 0x80 >> UInt8(x & 7)
            if newValue { bytes[index] |= mask } else { bytes[index] &= ~mask }
        }
    }

    /// Blackens the rectangle at (`x`, `y`) of `width` × `height` dots, clipped to the bitmap.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int) {
        let left = max(x, 0)
        let right = min(x + width, self.width)
        let top = max(y, 0)
        let bottom = min(y + height, self.height)
        guard left < right, top < bottom else { return }
        for row in top..<bottom {
            for column in left..<right { self[column, row] = true }
        }
    }

    /// Blackens every dot that is black in `other`, placed with its top left corner at (`x`, `y`); clipped.
    public mutating func draw(_ other: Bitmap, x: Int, y: Int) {
        for row in 0..<other.height where y + row >= 0 && y + row < height {
            for column in 0..<other.width where other[column, row] {
                self[x + column, y + row] = true
            }
        }
    }

    /// The bitmap turned a quarter turn clockwise: what was the top edge is now the right edge.
    public func rotatedClockwise() -> Bitmap {
        var turned = Bitmap(width: height, height: width)
        for row in 0..<height {
            for column in 0..<width where self[column, row] {
                turned[height - 1 - row, column] = true
            }
        }
        return turned
    }

    /// The number of black dots.
    public var blackCount: Int {
        bytes.reduce(0) { $0 + $1.nonzeroBitCount }
    }
}
