extension LabelLayout {
    /// Lays `template` out for `resolution` with `values` filling its placeholders and `font` setting its text.
    ///
    /// Refused, naming the field: a barcode wider than its box at one dot per module, a QR code under two dots
    /// per module (decoders miss smaller), a text box lower than its line, a character the font lacks (it would
    /// print as an empty box on evidence), a code of characters Code 128 or the QR payload rules do not carry.
    public init(template: LabelTemplate, values: [String: String], resolution: PrinterResolution, font: FontFace)
        throws(LabelTemplateError)
    {
        self.template = template.name
        self.resolution = resolution
        width = resolution.dots(template.width)
        height = resolution.dots(template.height)
        var placer = FieldPlacer(template: template.name, resolution: resolution, font: font)
        var elements: [Element] = []
        for (offset, field) in template.fields.enumerated() {
            placer.field = offset + 1
            let box = DotBox(
                x: resolution.dots(field.box.x), y: resolution.dots(field.box.y), width: resolution.dots(field.box.width),
                height: resolution.dots(field.box.height))
            elements.append(try placer.place(field.content, values: values, in: box))
        }
        self.elements = elements
    }
}

/// Places one field after another; knows the template's name and the field's number for its errors.
private struct FieldPlacer {
    let template: String
    let resolution: PrinterResolution
    let font: FontFace
    var field = 0

    func error(_ reason: String, _ arguments: [String: String] = [:]) -> LabelTemplateError {
        LabelTemplateError(
            reason, arguments.merging(["template": template, "field": String(field)]) { first, _ in first })
    }

    func place(_ content: LabelField.Content, values: [String: String], in box: DotBox) throws(LabelTemplateError)
        -> LabelLayout.Element
    {
        switch content {
        case .text(let text, let style):
            let pixelSize = resolution.dots(style.size)
            let line =
                style.vertical
                ? try verticalLine(text.filled(from: values), pixelSize: pixelSize, bold: style.bold, in: box)
                : try line(text.filled(from: values), pixelSize: pixelSize, bold: style.bold, alignment: style.alignment, in: box)
            return element(box, .text(line))
        case .qr(let text):
            let payload = text.filled(from: values)
            let matrix: QRMatrix
            do { matrix = try QRMatrix(payload) } catch { throw self.error("label-code-unsupported", ["text": payload]) }
            let side = matrix.width + 2 * QRMatrix.quietZone
            let module = min(box.width, box.height) / side
            guard module >= 2 else { throw self.error("label-qr-too-small", ["dpi": String(resolution.rawValue)]) }
            let originX = box.x + (box.width - side * module) / 2 + QRMatrix.quietZone * module
            let originY = box.y + (box.height - side * module) / 2 + QRMatrix.quietZone * module
            return element(box, .qr(matrix, module: module, originX: originX, originY: originY))
        case .code128(let text, let rotated, let humanReadable, let textSize):
            return element(
                box, .code128(try barcode(text.filled(from: values), rotated: rotated, caption: humanReadable ? textSize : nil, in: box)))
        }
    }

    /// The element with its raster, drawn in the box's own coordinates.
    private func element(_ box: DotBox, _ content: LabelLayout.Content) -> LabelLayout.Element {
        var raster = Bitmap(width: box.width, height: box.height)
        switch content {
        case .text(let line): draw(line, on: &raster, offsetX: box.x, offsetY: box.y)
        case .qr(let matrix, let module, let originX, let originY):
            for row in 0..<matrix.width {
                for column in 0..<matrix.width where matrix[column, row] {
                    raster.fill(
                        x: originX - box.x + column * module, y: originY - box.y + row * module, width: module, height: module)
                }
            }
        case .code128(let geometry):
            var column = 0
            for (index, bar) in geometry.modules.enumerated() where bar {
                column = index * geometry.module
                if geometry.rotated {
                    raster.fill(
                        x: geometry.bars.x - box.x, y: geometry.bars.y - box.y + column, width: geometry.bars.width,
                        height: geometry.module)
                } else {
                    raster.fill(
                        x: geometry.bars.x - box.x + column, y: geometry.bars.y - box.y, width: geometry.module,
                        height: geometry.bars.height)
                }
            }
            if let caption = geometry.caption { draw(caption, on: &raster, offsetX: box.x, offsetY: box.y) }
        }
        return LabelLayout.Element(field: field, box: box, content: content, raster: raster)
    }

    private func draw(_ line: TextLine, on raster: inout Bitmap, offsetX: Int, offsetY: Int) {
        // Glyph bitmaps may reach past their cell (italic overhangs, emboldening); the raster is the field's box,
        // so nothing ever lands outside it.
        var clip = Bitmap(width: line.extent.width, height: line.extent.height)
        for glyph in line.glyphs {
            for scalar in glyph.character.unicodeScalars {
                let drawn = font.glyph(scalar, pixelSize: line.pixelSize, bold: line.bold)
                clip.draw(
                    drawn.bitmap, x: glyph.x - line.extent.x + drawn.left, y: glyph.baseline - line.extent.y - drawn.top)
            }
        }
        raster.draw(clip, x: line.extent.x - offsetX, y: line.extent.y - offsetY)
    }

    /// Refuses text with a character the font does not have.
    private func checkGlyphs(_ text: String) throws(LabelTemplateError) {
        if let missing = text.unicodeScalars.first(where: { !font.hasGlyph($0) && !$0.properties.isWhitespace }) {
            throw error("label-glyph-missing", ["character": String(missing), "font": font.familyName])
        }
    }

    /// One horizontal line in `box`, shortened with "…" to the box's width, centred vertically.
    func line(_ value: String, pixelSize: Int, bold: Bool, alignment: LabelField.Alignment, in box: DotBox)
        throws(LabelTemplateError) -> TextLine
    {
        try checkGlyphs(value)
        let metrics = font.metrics(pixelSize: pixelSize)
        guard metrics.lineHeight <= box.height else { throw error("label-text-box-too-low", ["dpi": String(resolution.rawValue)]) }
        var shown = value
        var shortened = false
        if font.width(of: value, pixelSize: pixelSize, bold: bold) > box.width {
            shortened = true
            var characters = Array(value)
            repeat {
                characters.removeLast()
                shown = String(characters).trimmingTrailingSpaces() + Self.ellipsis
            } while !characters.isEmpty && font.width(of: shown, pixelSize: pixelSize, bold: bold) > box.width
            if font.width(of: shown, pixelSize: pixelSize, bold: bold) > box.width { shown = "" }
        }
        let width = font.width(of: shown, pixelSize: pixelSize, bold: bold)
        let left =
            switch alignment {
            case .start: box.x
            case .center: box.x + (box.width - width) / 2
            case .end: box.maxX - width
            }
        let top = box.y + (box.height - metrics.lineHeight) / 2
        let baseline = top + metrics.ascender
        var glyphs: [TextLine.PlacedGlyph] = []
        var pen = left
        for character in shown {
            let advance = font.width(of: String(character), pixelSize: pixelSize, bold: bold)
            glyphs.append(.init(character: character, x: pen, baseline: baseline, advance: advance))
            pen += advance
        }
        return TextLine(
            text: shown, isShortened: shortened, pixelSize: pixelSize, bold: bold, vertical: false, glyphs: glyphs,
            extent: DotBox(x: left, y: top, width: width, height: metrics.lineHeight))
    }

    /// Text set top to bottom, one em-square cell per character, each glyph centred in its cell (upright, as
    /// Chinese is written on a spine); shortened with a vertical ellipsis when the box is too short.
    func verticalLine(_ value: String, pixelSize: Int, bold: Bool, in box: DotBox) throws(LabelTemplateError) -> TextLine {
        try checkGlyphs(value)
        guard pixelSize <= box.width, pixelSize <= box.height else {
            throw error("label-text-box-too-low", ["dpi": String(resolution.rawValue)])
        }
        let metrics = font.metrics(pixelSize: pixelSize)
        let cells = box.height / pixelSize
        var characters = Array(value.filter { !$0.isWhitespace })
        var shortened = false
        if characters.count > cells {
            shortened = true
            characters = Array(characters.prefix(cells - 1)) + [font.hasGlyph("\u{FE19}") ? "\u{FE19}" : "…"]
        }
        let top = box.y + (box.height - characters.count * pixelSize) / 2
        // The baseline sits where the em square's ascent ends, so the cells stack at one em each.
        let ascent = pixelSize * metrics.ascender / max(metrics.ascender + metrics.descender, 1)
        var glyphs: [TextLine.PlacedGlyph] = []
        for (row, character) in characters.enumerated() {
            let advance = font.width(of: String(character), pixelSize: pixelSize, bold: bold)
            glyphs.append(
                .init(
                    character: character, x: box.x + (box.width - advance) / 2, baseline: top + row * pixelSize + ascent,
                    advance: advance))
        }
        return TextLine(
            text: String(characters), isShortened: shortened, pixelSize: pixelSize, bold: bold, vertical: true, glyphs: glyphs,
            extent: DotBox(x: box.x, y: top, width: box.width, height: characters.count * pixelSize))
    }

    static let ellipsis = "…"

    /// A Code 128 of `text` across the box (or down it, `rotated`), with the widest whole-dot module at which the
    /// symbol and both quiet zones fit, centred; the human-readable line below the bars when `caption` is set.
    func barcode(_ text: String, rotated: Bool, caption: Double?, in box: DotBox) throws(LabelTemplateError) -> BarcodeGeometry {
        let symbols: [Int]
        do { symbols = try Code128.symbols(for: text) } catch { throw self.error("label-code-unsupported", ["text": text]) }
        let modules = Code128.modules(of: symbols)
        let total = modules.count + 2 * Code128.quietZone
        let length = rotated ? box.height : box.width
        let thickness = rotated ? box.width : box.height
        let module = length / total
        guard module >= 1 else { throw error("label-barcode-too-wide", ["text": text, "dpi": String(resolution.rawValue)]) }
        let quietZone = Code128.quietZone * module
        let start = (length - total * module) / 2 + quietZone
        var captionLine: TextLine?
        var barThickness = thickness
        if let caption, !rotated {
            let pixelSize = resolution.dots(caption)
            let lineHeight = font.metrics(pixelSize: pixelSize).lineHeight
            barThickness = thickness - lineHeight
            captionLine = try line(
                text, pixelSize: pixelSize, bold: false, alignment: .center,
                in: DotBox(x: box.x, y: box.maxY - lineHeight, width: box.width, height: lineHeight))
        }
        // Bars lower than 5 mm are hard to aim a hand scanner at.
        guard barThickness >= resolution.dots(5) else { throw error("label-barcode-too-low", ["dpi": String(resolution.rawValue)]) }
        let bars =
            rotated
            ? DotBox(x: box.x, y: box.y + start, width: barThickness, height: modules.count * module)
            : DotBox(x: box.x + start, y: box.y, width: modules.count * module, height: barThickness)
        return BarcodeGeometry(
            text: text, modules: modules, module: module, rotated: rotated, bars: bars, quietZone: quietZone, caption: captionLine)
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
