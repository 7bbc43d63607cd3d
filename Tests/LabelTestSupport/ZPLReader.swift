import Foundation
public import LabelRenderer

/// A reader for the ZPL II the label writer emits, independent of it: Zebra's documented `^GFA` ASCII
/// compression decoded from the manual's rules, the graphics placed at their `^FO` origins on a `^PW` × `^LL`
/// canvas. What a printer would print, as a bitmap a decoder can read.
public struct ZPLLabel: Sendable {
    public var width = 0
    public var height = 0
    public var bitmap = Bitmap(width: 0, height: 0)
    /// Each graphic field's rectangle, in dots.
    public var graphics: [(x: Int, y: Int, width: Int, height: Int)] = []
    /// The data of each `^RFW` (RFID write) field.
    public var rfidWrites: [String] = []
    /// Every command in order, as `^` and its two letters.
    public var commands: [String] = []
    /// Black dots a graphic placed outside the label.
    public var dotsOutside = 0
}

public enum ZPLReaderError: Error, Equatable {
    case malformed(String)
}

public enum ZPLReader {
    /// Every `^XA…^XZ` label in `text`, in order.
    public static func labels(_ text: String) throws -> [ZPLLabel] {
        var labels: [ZPLLabel] = []
        var current: ZPLLabel?
        var origin = (x: 0, y: 0)
        var home = (x: 0, y: 0)
        var pendingRFID = false
        var placed: [(x: Int, y: Int, bitmap: Bitmap)] = []
        for command in try commands(text) {
            let name = String(command.prefix(3))
            let parameters = String(command.dropFirst(3))
            if name == "^XA" {
                guard current == nil else { throw ZPLReaderError.malformed("^XA inside a label") }
                current = ZPLLabel()
                placed = []
                origin = (0, 0)
                home = (0, 0)
                current?.commands.append(name)
                continue
            }
            guard var label = current else {
                throw ZPLReaderError.malformed("\(name) outside ^XA…^XZ")
            }
            label.commands.append(name)
            let numbers = parameters.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
            switch name {
            case "^PW": label.width = try number(numbers, 0, name)
            case "^LL": label.height = try number(numbers, 0, name)
            case "^LH": home = (try number(numbers, 0, name), try number(numbers, 1, name))
            case "^FO": origin = (try number(numbers, 0, name) + home.x, try number(numbers, 1, name) + home.y)
            case "^GF":
                let bitmap = try graphic(parameters)
                placed.append((origin.x, origin.y, bitmap))
                label.graphics.append((origin.x, origin.y, bitmap.width, bitmap.height))
            case "^RF": pendingRFID = parameters.hasPrefix("W")
            case "^FD":
                if pendingRFID { label.rfidWrites.append(parameters) }
                pendingRFID = false
            case "^XZ":
                var bitmap = Bitmap(width: label.width, height: label.height)
                for graphic in placed {
                    bitmap.draw(graphic.bitmap, x: graphic.x, y: graphic.y)
                    for row in 0..<graphic.bitmap.height {
                        for column in 0..<graphic.bitmap.width where graphic.bitmap[column, row] {
                            let x = graphic.x + column
                            let y = graphic.y + row
                            if x < 0 || y < 0 || x >= label.width || y >= label.height { label.dotsOutside += 1 }
                        }
                    }
                }
                label.bitmap = bitmap
                labels.append(label)
                current = nil
                continue
            default: break
            }
            current = label
        }
        guard current == nil else { throw ZPLReaderError.malformed("a label without ^XZ") }
        return labels
    }

    /// The commands, each `^` + two letters + its parameters up to the next `^` or `~` (newlines between
    /// commands dropped, as printers do).
    static func commands(_ text: String) throws -> [String] {
        var commands: [String] = []
        var current = ""
        for character in text {
            if character == "^" || character == "~" {
                if !current.isEmpty { commands.append(current) }
                current = String(character)
            } else if character == "\n" || character == "\r" {
                continue
            } else {
                guard !current.isEmpty else { throw ZPLReaderError.malformed("text before the first command") }
                current.append(character)
            }
        }
        if !current.isEmpty { commands.append(current) }
        return commands
    }

    static func number(_ numbers: [Int?], _ index: Int, _ command: String) throws -> Int {
        guard index < numbers.count, let value = numbers[index] else {
            throw ZPLReaderError.malformed("\(command) parameter \(index + 1)")
        }
        return value
    }

    /// `A,total,field,rowBytes,data` (the `^GF` parameters), ASCII hex with or without compression.
    static func graphic(_ parameters: String) throws -> Bitmap {
        let parts = parameters.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "A", let total = Int(parts[1]), let field = Int(parts[2]),
            let rowBytes = Int(parts[3]), rowBytes > 0, total == field, total % rowBytes == 0
        else { throw ZPLReaderError.malformed("^GF header \(parameters.prefix(40))") }
        let rows = total / rowBytes
        let digitsPerRow = rowBytes * 2
        var nibbles: [[UInt8]] = []
        var row: [UInt8] = []
        var count = 0
        func endRow(fill: UInt8) throws {
            guard row.count <= digitsPerRow else { throw ZPLReaderError.malformed("a row longer than \(rowBytes) bytes") }
            row += [UInt8](repeating: fill, count: digitsPerRow - row.count)
            nibbles.append(row)
            row = []
        }
        for character in parts[4] {
            guard let ascii = character.asciiValue else { throw ZPLReaderError.malformed("non-ASCII in ^GF data") }
            switch ascii {
            case UInt8(ascii: "G")...UInt8(ascii: "Y"): count += Int(ascii - UInt8(ascii: "F"))
            case UInt8(ascii: "g")...UInt8(ascii: "z"): count += 20 * Int(ascii - UInt8(ascii: "f"))
            case UInt8(ascii: ","):
                try endRow(fill: 0)
            case UInt8(ascii: "!"):
                try endRow(fill: 0xF)
            case UInt8(ascii: ":"):
                guard row.isEmpty, let last = nibbles.last else { throw ZPLReaderError.malformed("':' with no row above") }
                nibbles.append(last)
            default:
                guard let value = character.hexDigitValue else { throw ZPLReaderError.malformed("'\(character)' in ^GF data") }
                row += [UInt8](repeating: UInt8(value), count: max(count, 1))
                count = 0
                if row.count == digitsPerRow {
                    try endRow(fill: 0)
                } else if row.count > digitsPerRow {
                    throw ZPLReaderError.malformed("a row longer than \(rowBytes) bytes")
                }
            }
        }
        guard row.isEmpty, count == 0 else { throw ZPLReaderError.malformed("^GF data ends inside a row") }
        guard nibbles.count == rows else { throw ZPLReaderError.malformed("^GF has \(nibbles.count) rows, not \(rows)") }
        var bitmap = Bitmap(width: rowBytes * 8, height: rows)
        for (y, digits) in nibbles.enumerated() {
            for (index, nibble) in digits.enumerated() {
                for bit in 0..<4 where nibble & (0x8 >> UInt8(bit)) != 0 { bitmap[index * 4 + bit, y] = true }
            }
        }
        return bitmap
    }
}
