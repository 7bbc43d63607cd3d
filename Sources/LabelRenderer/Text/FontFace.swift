internal import CFreeType
import Foundation

/// A scalable font opened with FreeType, rasterising glyphs to 1-bit bitmaps at a printer's dot size.
///
/// The label's text is measured and drawn with one face, so the SVG (which names the same family) and the
/// rasters agree. Glyphs are rendered with FreeType's monochrome rasteriser: a thermal head prints a dot or
/// nothing, and anti-aliased grey thresholded later loses the thin strokes of small Chinese characters.
///
/// Thread-safe: FreeType's face is not, so every use holds the lock; glyphs are cached by scalar, size and weight.
public final class FontFace: @unchecked Sendable {
    /// The face's family name, as fonts name themselves ("WenQuanYi Micro Hei").
    public let familyName: String
    public let path: String

    private let lock = NSLock()
    private var library: FT_Library?
    private var face: FT_Face?
    private var glyphs: [GlyphKey: Glyph] = [:]
    private var currentSize = 0

    private struct GlyphKey: Hashable {
        let scalar: UInt32
        let pixelSize: Int
        let bold: Bool
    }

    /// Opens face `index` of the font file at `path` (a `.ttc` holds several).
    public init(path: String, index: Int = 0) throws(FontError) {
        self.path = path
        var library: FT_Library?
        var error = FT_Init_FreeType(&library)
        guard error == 0, let library else { throw .cannotOpen(path: path, code: Int(error)) }
        var face: FT_Face?
        error = FT_New_Face(library, path, FT_Long(index), &face)
        guard error == 0, let face else {
            FT_Done_FreeType(library)
            throw .cannotOpen(path: path, code: Int(error))
        }
        guard face.pointee.face_flags & FT_Long(FT_FACE_FLAG_SCALABLE) != 0 else {
            FT_Done_Face(face)
            FT_Done_FreeType(library)
            throw .notScalable(path: path)
        }
        self.library = library
        self.face = face
        familyName = face.pointee.family_name.map { String(cString: $0) } ?? (path as NSString).lastPathComponent
    }

    deinit {
        if let face { FT_Done_Face(face) }
        if let library { FT_Done_FreeType(library) }
    }

    /// Whether the face has a glyph for `scalar` (rather than printing its "missing" box).
    public func hasGlyph(_ scalar: Unicode.Scalar) -> Bool {
        lock.withLock { FT_Get_Char_Index(face, FT_ULong(scalar.value)) != 0 }
    }

    /// The line's vertical metrics at an em of `pixelSize` dots.
    public func metrics(pixelSize: Int) -> FontMetrics {
        lock.withLock {
            setSize(pixelSize)
            let sizeMetrics = face!.pointee.size.pointee.metrics
            // 26.6 fixed point; rounded outward so a line's box holds its ascenders and descenders.
            let ascender = Int((sizeMetrics.ascender + 63) >> 6)
            let descender = Int((-sizeMetrics.descender + 63) >> 6)
            return FontMetrics(ascender: ascender, descender: descender, lineHeight: ascender + descender)
        }
    }

    /// The advance width of `text` in dots: the sum of its glyphs' advances (Chinese needs no kerning).
    public func width(of text: String, pixelSize: Int, bold: Bool) -> Int {
        text.unicodeScalars.reduce(0) { $0 + glyph($1, pixelSize: pixelSize, bold: bold).advance }
    }

    /// `scalar`'s glyph, rendered in 1 bit at an em of `pixelSize` dots, emboldened when `bold` (the faces we
    /// ship have no bold weight; FreeType's synthesis thickens the outline by a 24th of the em).
    public func glyph(_ scalar: Unicode.Scalar, pixelSize: Int, bold: Bool) -> Glyph {
        lock.withLock {
            let key = GlyphKey(scalar: scalar.value, pixelSize: pixelSize, bold: bold)
            if let cached = glyphs[key] { return cached }
            let rendered = render(key)
            glyphs[key] = rendered
            return rendered
        }
    }

    // MARK: - Under the lock

    private func setSize(_ pixelSize: Int) {
        guard currentSize != pixelSize else { return }
        FT_Set_Pixel_Sizes(face, 0, FT_UInt(max(pixelSize, 1)))
        currentSize = pixelSize
    }

    private func render(_ key: GlyphKey) -> Glyph {
        setSize(key.pixelSize)
        let index = FT_Get_Char_Index(face, FT_ULong(key.scalar))
        // Hinting for the monochrome target snaps stems to whole dots: crisp strokes at 2–3 mm characters.
        // FT_LOAD_TARGET_MONO is a function-like macro Swift does not import: FT_LOAD_TARGET_(mode) is mode << 16.
        let loadFlags = Int32(FT_RENDER_MODE_MONO.rawValue & 15) << 16
        guard FT_Load_Glyph(face, index, loadFlags) == 0, let slot = face!.pointee.glyph else {
            return Glyph(bitmap: Bitmap(width: 0, height: 0), left: 0, top: 0, advance: 0)
        }
        if key.bold, slot.pointee.format == FT_GLYPH_FORMAT_OUTLINE {
            let strength = FT_Pos(max(key.pixelSize * 64 / 24, 32))
            FT_Outline_Embolden(&slot.pointee.outline, strength)
            // The advance grows by the same strength, as FT_GlyphSlot_Embolden does.
            slot.pointee.advance.x += strength
        }
        guard FT_Render_Glyph(slot, FT_RENDER_MODE_MONO) == 0 else {
            return Glyph(bitmap: Bitmap(width: 0, height: 0), left: 0, top: 0, advance: Int((slot.pointee.advance.x + 32) >> 6))
        }
        let source = slot.pointee.bitmap
        var bitmap = Bitmap(width: Int(source.width), height: Int(source.rows))
        if let buffer = source.buffer {
            let pitch = Int(source.pitch)
            for row in 0..<Int(source.rows) {
                // A negative pitch means the rows run bottom-up.
                let start = pitch >= 0 ? row * pitch : (Int(source.rows) - 1 - row) * -pitch
                for column in 0..<Int(source.width) where buffer[start + column >> 3] & (0x80 >> UInt8(column & 7)) != 0 {
                    bitmap[column, row] = true
                }
            }
        }
        return Glyph(
            bitmap: bitmap, left: Int(slot.pointee.bitmap_left), top: Int(slot.pointee.bitmap_top),
            advance: Int((slot.pointee.advance.x + 32) >> 6))
    }
}

/// A line's vertical metrics in dots; `descender` is positive, below the baseline.
public struct FontMetrics: Sendable, Equatable {
    public let ascender: Int
    public let descender: Int
    public let lineHeight: Int
}

/// One rendered glyph: its bitmap with the bitmap's top left corner `left` dots right of the pen and `top`
/// dots above the baseline, and how far the pen moves on.
public struct Glyph: Sendable {
    public let bitmap: Bitmap
    public let left: Int
    public let top: Int
    public let advance: Int
}

public enum FontError: Error, Equatable, Sendable {
    /// FreeType could not open the file (missing, unreadable, not a font): its error code.
    case cannotOpen(path: String, code: Int)
    /// A bitmap-only font: it cannot be set at a printer's sizes.
    case notScalable(path: String)
}
