import Foundation
import LabelTestSupport
import Testing

@testable import LabelRenderer

/// Every built-in template, at both resolutions, in every format, read back by an independent decoder: zbarimg
/// must find the Code 128 as the object id and the QR as its payload, byte for byte. PNG is decoded as written;
/// SVG after rsvg-convert rasterises it at the printer's grid; ZPL after the test-side `^GFA` reader rebuilds
/// the printed dots.
struct LabelDecodeTests {
    static let cases = LabelLayoutTests.cases

    static func layout(_ name: String, _ resolution: PrinterResolution) throws -> (LabelLayout, id: String) {
        let face = try FontFace(path: LabelLayoutTests.font)
        let template = try LabelLayoutTests.template(name)
        let values = LabelLayoutTests.values(for: template.object)
        let layout = try LabelLayout(template: template, values: values, resolution: resolution, font: face)
        return (layout, try #require(values["id"]))
    }

    /// Decodes the image at `path` and expects exactly the id's Code 128 and the id's QR payload.
    static func expectSymbols(in path: String, id: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bars = try ExternalDecoder.decode(path, .code128)
        let qr = try ExternalDecoder.decode(path, .qrcode)
        #expect(bars == [Data(id.utf8)], "Code 128 reads back as the id", sourceLocation: sourceLocation)
        #expect(qr == [Data("PL1:\(id)".utf8)], "the QR reads back as its payload", sourceLocation: sourceLocation)
    }

    @Test(arguments: cases)
    func pngDecodes(_ name: String, _ resolution: PrinterResolution) throws {
        let (layout, id) = try Self.layout(name, resolution)
        let directory = try ExternalDecoder.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("\(name).png").path
        try Data(layout.encoded(as: .png, title: id, fontFamily: "WenQuanYi Micro Hei")).write(to: URL(fileURLWithPath: path))
        try Self.expectSymbols(in: path, id: id)
    }

    @Test(arguments: cases)
    func svgDecodesAfterRasterisingAtThePrinterGrid(_ name: String, _ resolution: PrinterResolution) throws {
        let (layout, id) = try Self.layout(name, resolution)
        let directory = try ExternalDecoder.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let svg = directory.appendingPathComponent("\(name).svg").path
        let png = directory.appendingPathComponent("\(name).png").path
        let document = layout.encoded(as: .svg, title: id, fontFamily: "WenQuanYi Micro Hei")
        try Data(document).write(to: URL(fileURLWithPath: svg))
        // rsvg at the head's own grid (8 or 12 dots/mm: 203.2 or 304.8 dpi), so each SVG dot is one pixel.
        try ExternalDecoder.rasterise(svg: svg, dpi: Double(resolution.dotsPerMillimetre) * 25.4, to: png)
        try Self.expectSymbols(in: png, id: id)
        // Chinese text stays text in the SVG, for screen readers, search and the office printer's own fonts.
        let text = String(decoding: document, as: UTF8.self)
        #expect(text.contains("<text") && text.contains(layout.template.hasPrefix("item") ? "自行车" : "案卷"))
    }

    @Test(arguments: cases)
    func zplDecodesAfterReadingItsGraphicsBack(_ name: String, _ resolution: PrinterResolution) throws {
        let (layout, id) = try Self.layout(name, resolution)
        let zpl = String(decoding: layout.encoded(as: .zpl, title: id, fontFamily: ""), as: UTF8.self)
        let labels = try ZPLReader.labels(zpl)
        let label = try #require(labels.first)
        #expect(labels.count == 1)
        #expect(label.width == layout.width && label.height == layout.height)
        #expect(label.dotsOutside == 0, "no graphic reaches past ^PW/^LL")
        #expect(label.bitmap == layout.raster(), "the printer's dots are the PNG's dots")
        #expect(label.rfidWrites.isEmpty)
        let directory = try ExternalDecoder.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("\(name)-zpl.png").path
        try Data(PNGEncoder.encode(label.bitmap, dotsPerMillimetre: resolution.dotsPerMillimetre)).write(to: URL(fileURLWithPath: path))
        try Self.expectSymbols(in: path, id: id)
    }

    /// The SVG's own text, drawn by librsvg with the real font, stays inside the boxes its fields were given:
    /// the ellipsis measured with FreeType holds for another renderer too.
    @Test(arguments: PrinterResolution.allCases)
    func svgTextDrawnByAnotherRendererStaysInsideItsFields(_ resolution: PrinterResolution) throws {
        let face = try FontFace(path: LabelLayoutTests.font)
        let values = LabelLayoutTests.values(for: .item, name: "黑色碳纤维山地自行车（含车锁、车灯及前后挡泥板）")
        let layout = try LabelLayout(
            template: try LabelLayoutTests.template("item-40x30"), values: values, resolution: resolution, font: face)
        let directory = try ExternalDecoder.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let svg = directory.appendingPathComponent("long.svg").path
        let png = directory.appendingPathComponent("long.png").path
        try Data(layout.encoded(as: .svg, title: "t", fontFamily: face.familyName)).write(to: URL(fileURLWithPath: svg))
        try ExternalDecoder.rasterise(svg: svg, dpi: Double(resolution.dotsPerMillimetre) * 25.4, to: png)
        let image = try PNGReader.greyscale(at: png)
        #expect(image.width == layout.width && image.height == layout.height)
        let boxes = layout.elements.map(\.box)
        var outside = 0
        for y in 0..<image.height {
            for x in 0..<image.width where image.isDark(x, y) {
                let dot = DotBox(x: x, y: y, width: 1, height: 1)
                if !boxes.contains(where: { $0.contains(dot) }) { outside += 1 }
            }
        }
        #expect(outside == 0, "\(outside) dark pixels of librsvg's rendering lie outside every field")
    }
}
