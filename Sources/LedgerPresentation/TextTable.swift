import Foundation

/// A plain-text table whose columns line up in a terminal, counting CJK characters as two columns wide.
public struct TextTable: Sendable {
    public let headers: [String]
    public private(set) var rows: [[String]] = []

    public init(_ headers: String...) {
        self.headers = headers
    }

    public init(headers: [String]) {
        self.headers = headers
    }

    public mutating func append(_ cells: String...) {
        rows.append(cells)
    }

    public mutating func append(cells: [String]) {
        rows.append(cells)
    }

    public var rendered: String { renderedLines.joined(separator: "\n") }

    /// The header line, then one line per row.
    public var renderedLines: [String] {
        let all = [headers] + rows
        // Each cell's width once: measuring is the costly part of a long table.
        let cellWidths = all.map { $0.map(displayWidth) }
        let widths = headers.indices.map { column in cellWidths.map { column < $0.count ? $0[column] : 0 }.max() ?? 0 }
        return all.enumerated().map { number, row in
            var line = ""
            for (column, cell) in row.enumerated() {
                if column > 0 { line += "  " }
                line += cell
                // No padding after the last column: no trailing spaces.
                if column < row.count - 1 { line += String(repeating: " ", count: widths[column] - cellWidths[number][column]) }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}

/// The number of terminal columns `text` takes: East Asian wide and fullwidth characters take two,
/// combining marks none (after Unicode's East Asian Width property, by ranges).
public func displayWidth(_ text: String) -> Int {
    // Printable ASCII, most of a table, is one column a byte (a carriage return may pair with a line feed).
    if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return text.utf8.count }
    // Printable ASCII and wide CJK without marks or joiners, most of a Chinese table, counted a scalar at a time:
    // each such scalar is a character of its own, and grapheme breaking is the costly part.
    var simple = 0
    for scalar in text.unicodeScalars {
        if scalar.value >= 0x20 && scalar.value < 0x7F {
            simple += 1
        } else if isWide(scalar) && !(0x1F300...0x1F9FF).contains(scalar.value) {
            simple += 2
        } else {
            simple = -1
            break
        }
    }
    if simple >= 0 { return simple }
    return text.reduce(0) { width, character in
        width + (character.unicodeScalars.contains(where: isWide) ? 2 : (character.unicodeScalars.first.map(isZeroWidth) == true ? 0 : 1))
    }
}

private func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
        0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
        true
    default:
        false
    }
}

private func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    // Below U+0300 (where combining marks start) only the soft hyphen is a mark or a format character.
    guard scalar.value >= 0x300 || scalar.value == 0xAD else { return false }
    return switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: true
    default: false
    }
}

/// `text` padded with spaces to `width` terminal columns (as ``displayWidth(_:)`` counts them); text already
/// that wide or wider gets one space, so that columns never run together.
public func padded(_ text: String, to width: Int) -> String {
    let have = displayWidth(text)
    return have >= width ? text + " " : text + String(repeating: " ", count: width - have)
}
