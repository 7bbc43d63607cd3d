/// A bitmap as a ZPL II graphic field, `^FOx,y^GFA,…^FS`, in Zebra's ASCII compression: a hex digit run is
/// a count letter and the digit (`G`–`Y` 1–19, `g`–`z` 20–400 in twenties), `,` ends a row with zeros, `!`
/// with ones, `:` repeats the row above. Labels are mostly white, so a 40×30 mm label shrinks about tenfold —
/// what a 9600-baud serial printer needs.
public enum ZPLGraphic {
    public static func field(_ bitmap: Bitmap, x: Int, y: Int) -> String {
        let total = bitmap.rowBytes * bitmap.height
        var data = ""
        var previous: ArraySlice<UInt8>?
        for row in 0..<bitmap.height {
            let bytes = bitmap.bytes[row * bitmap.rowBytes..<(row + 1) * bitmap.rowBytes]
            if let previous, previous.elementsEqual(bytes) {
                data += ":"
            } else {
                data += compressed(row: bytes)
            }
            previous = bytes
        }
        return "^FO\(x),\(y)^GFA,\(total),\(total),\(bitmap.rowBytes),\(data)^FS"
    }

    static let digits = Array("0123456789ABCDEF")

    /// One row's hex digits with runs counted, trailing zeros as `,` and trailing ones as `!`.
    static func compressed(row: ArraySlice<UInt8>) -> String {
        var nibbles: [UInt8] = []
        nibbles.reserveCapacity(row.count * 2)
        for byte in row {
            nibbles.append(byte >> 4)
            nibbles.append(byte & 0x0F)
        }
        var end = nibbles.count
        var tail = ""
        if let last = nibbles.last, last == 0 || last == 0xF {
            while end > 0 && nibbles[end - 1] == last { end -= 1 }
            // A single trailing digit is as short written out, and keeps the row's end plain.
            if nibbles.count - end > 1 {
                tail = last == 0 ? "," : "!"
            } else {
                end = nibbles.count
            }
        }
        var text = ""
        var index = 0
        while index < end {
            let nibble = nibbles[index]
            var run = 1
            while index + run < end && nibbles[index + run] == nibble { run += 1 }
            text += count(run) + String(digits[Int(nibble)])
            index += run
        }
        return text + tail
    }

    /// The count prefix for a run of `run` digits; empty for one.
    static func count(_ run: Int) -> String {
        guard run > 1 else { return "" }
        var prefix = String(repeating: "z", count: run / 400)
        let twenties = run % 400 / 20
        if twenties > 0 { prefix.append(Character(Unicode.Scalar(UInt8(ascii: "f") + UInt8(twenties)))) }
        let ones = run % 20
        if ones > 0 { prefix.append(Character(Unicode.Scalar(UInt8(ascii: "F") + UInt8(ones)))) }
        return prefix
    }
}
