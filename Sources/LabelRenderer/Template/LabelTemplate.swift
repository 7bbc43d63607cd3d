import Foundation

/// A label's design, read from a template file in `Labels/` (docs/labels.md): its size and its fields, each in a
/// box in millimetres. Nothing here knows printer dots; ``LabelLayout`` places the fields on a resolution's grid.
public struct LabelTemplate: Sendable, Equatable {
    /// The template's name, as `--template` takes it: `item-40x30`.
    public var name: String
    /// What the template labels: items or dossier volumes.
    public var object: LabelObject
    /// The label's width and height in millimetres.
    public var width: Double
    public var height: Double
    public var fields: [LabelField]

    /// The format line every template starts with; a later version of the format gets a new line.
    public static let format = "pl-label-template/1"
    /// The largest template file read: a template is a page of JSON, anything larger is not one.
    public static let maximumSize = 64 * 1024
    /// The most fields a template has.
    public static let maximumFields = 64
    /// The largest label side, in millimetres (A4's long side, with room).
    public static let maximumSide = 300.0
}

/// What a template is for.
public enum LabelObject: String, Sendable, CaseIterable {
    case item, dossier
}

/// One thing printed on a label, in its box.
public struct LabelField: Sendable, Equatable {
    /// The box in millimetres from the label's top left corner; the field never draws outside it.
    public var box: Box
    public var content: Content

    public enum Content: Sendable, Equatable {
        /// A line of text; `vertical` sets it top to bottom, glyph by glyph (a dossier spine).
        case text(LabelText, style: TextStyle)
        /// A QR code of the text, with its quiet zone, as large as whole dots allow in the box.
        case qr(LabelText)
        /// A Code 128 of the text with its quiet zones, the widest whole-dot module that fits; `rotated` turns it
        /// a quarter turn (bars across a tall box); `humanReadable` prints the text under the bars at `textSize`.
        case code128(LabelText, rotated: Bool, humanReadable: Bool, textSize: Double)
    }

    public struct TextStyle: Sendable, Equatable {
        /// The em height in millimetres.
        public var size: Double
        public var bold: Bool
        public var alignment: Alignment
        public var vertical: Bool
    }

    public enum Alignment: String, Sendable {
        case start, center, end
    }
}

/// A rectangle in millimetres.
public struct Box: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    /// Whether the two boxes share any area (touching edges do not).
    public func overlaps(_ other: Box) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }
}

/// Text with `{placeholders}` filled from a label's values: `{caption.quantity}{quantity} {unit}`.
public struct LabelText: Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        case literal(String)
        case value(String)
    }

    public var parts: [Part]

    /// The names of the values the text uses.
    public var placeholders: [String] {
        parts.compactMap { if case .value(let name) = $0 { name } else { nil } }
    }

    /// The text with each placeholder replaced by its value (an absent value is empty).
    public func filled(from values: [String: String]) -> String {
        parts.map {
            switch $0 {
            case .literal(let text): text
            case .value(let name): values[name] ?? ""
            }
        }.joined()
    }
}
