/// A label laid out on a printer's grid: every field's box, module and glyph at whole dots. The three writers
/// (SVG, ZPL, PNG) draw this one layout, so what the screen shows is what the printer prints.
public struct LabelLayout: Sendable {
    public let template: String
    public let resolution: PrinterResolution
    /// The label's size in dots.
    public let width: Int
    public let height: Int
    public let elements: [Element]

    /// One field, placed.
    public struct Element: Sendable {
        /// The field's number in the template (1-based).
        public let field: Int
        /// The field's box in dots; everything the element draws lies inside it.
        public let box: DotBox
        public let content: Content
        /// The element drawn on its own, `box`-sized: what ZPL sends as one graphic field.
        public let raster: Bitmap
    }

    public enum Content: Sendable {
        case text(TextLine)
        /// The symbol's top left module (inside its quiet zone) at `origin`, `module` dots a side.
        case qr(QRMatrix, module: Int, originX: Int, originY: Int)
        case code128(BarcodeGeometry)
    }

    /// The whole label as one bitmap (PNG, and the checks).
    public func raster() -> Bitmap {
        var bitmap = Bitmap(width: width, height: height)
        for element in elements { bitmap.draw(element.raster, x: element.box.x, y: element.box.y) }
        return bitmap
    }
}

/// A line of text as set: the characters shown (shortened with an ellipsis when the box is too narrow) and
/// where each glyph's origin lies (its pen position on the baseline), in label dots.
public struct TextLine: Sendable {
    public let text: String
    /// Whether `text` is the value shortened to fit.
    public let isShortened: Bool
    /// The em height in dots.
    public let pixelSize: Int
    public let bold: Bool
    public let vertical: Bool
    public let glyphs: [PlacedGlyph]
    /// The box the set text occupies: its advance width (horizontal) or its cells (vertical) and line height.
    public let extent: DotBox

    public struct PlacedGlyph: Sendable {
        public let character: Character
        /// The pen position: left end of the advance, on the baseline.
        public let x: Int
        public let baseline: Int
        public let advance: Int
    }
}

/// Where a Code 128 lies: its modules, the module width, the bars' rectangle (quiet zones outside it, within
/// the field's box) and the human-readable line below, if any.
public struct BarcodeGeometry: Sendable {
    public let text: String
    public let modules: [Bool]
    public let module: Int
    /// A quarter turn clockwise: the bars run across the box and the code reads from top to bottom.
    public let rotated: Bool
    /// The bars, without quiet zones.
    public let bars: DotBox
    /// The quiet zone each side, in dots (10 modules at least).
    public let quietZone: Int
    public let caption: TextLine?
}
