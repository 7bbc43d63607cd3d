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

    public var rendered: String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { displayWidth($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                let cell = row[column]
                // No padding after the last column: no trailing spaces.
                return column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - displayWidth(cell))
            }
            .joined(separator: "  ")
            .replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
        .joined(separator: "\n")
    }
}

/// The number of terminal columns `text` takes: East Asian wide and fullwidth characters take two,
/// combining marks none (after Unicode's East Asian Width property, by ranges).
public func displayWidth(_ text: String) -> Int {
    text.reduce(0) { width, character in
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
    switch scalar.properties.generalCategory {
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
