import Foundation
import LabelTestSupport
import Testing

@testable import LabelRenderer

/// Every built-in template at both resolutions, laid out with real values and the real font, then checked for
/// what a decoder does not check: whole-dot modules, quiet zones, nothing outside the label or a field's box,
/// Chinese text present and shortened rather than overflowing.
struct LabelLayoutTests {
    static let font = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

    /// The values the CLI fills (LedgerPresentation's LabelValues), written out: the renderer knows no ledger.
    static func values(for object: LabelObject, name: String = "自行车") -> [String: String] {
        var values: [String: String] = [
            "id": object == .item ? "P-370321-2026-000001" : "D-370321-2026-000001", "name": name, "case": "A3703212026000123",
            "case-title": "自行车被盗案", "handling-unit": "刑侦大队", "registered-date": "2026年12月1日", "chip": "04A1B2C3D4E5F6",
            "quantity": "1", "unit": "辆", "quantity-text": "1辆", "seized-date": "2026年12月1日", "volume": "1", "volumes": "2",
            "volume-text": "第1卷 共2卷", "pages": "57", "pages-text": "57页",
        ]
        let captions = [
            "item-heading": "涉案财物", "dossier-heading": "案卷", "name": "名称：", "quantity": "数量：", "seized": "扣押：",
            "case": "案号：", "case-title": "案件：", "handling-unit": "办案单位：", "volume": "卷次：", "registered": "登记：",
        ]
        for (key, value) in captions { values["caption." + key] = value }
        return values
    }

    static func vocabulary(_ object: LabelObject) -> Set<String> { Set(values(for: object).keys) }

    static func template(_ name: String) throws -> LabelTemplate {
        try #require(try LabelTemplate.builtIn(named: name, vocabulary: vocabulary))
    }

    static let cases: [(String, PrinterResolution)] = LabelTemplate.builtInNames.flatMap { name in
        PrinterResolution.allCases.map { (name, $0) }
    }

    @Test(arguments: cases)
    func geometryHolds(_ name: String, _ resolution: PrinterResolution) throws {
        let face = try FontFace(path: Self.font)
        let template = try Self.template(name)
        let layout = try LabelLayout(template: template, values: Self.values(for: template.object), resolution: resolution, font: face)
        let label = DotBox(x: 0, y: 0, width: layout.width, height: layout.height)
        #expect(layout.width == resolution.dots(template.width) && layout.height == resolution.dots(template.height))
        let raster = layout.raster()
        for element in layout.elements {
            #expect(label.contains(element.box), "field \(element.field) lies inside the label")
            for other in layout.elements where other.field != element.field {
                #expect(!element.box.overlaps(other.box), "fields \(element.field) and \(other.field) do not overlap")
            }
        }
        // Every black dot of the label belongs to some field's box.
        for y in 0..<raster.height {
            for x in 0..<raster.width where raster[x, y] {
                guard layout.elements.contains(where: { $0.box.contains(DotBox(x: x, y: y, width: 1, height: 1)) }) else {
                    Issue.record("dot (\(x), \(y)) lies outside every field")
                    return
                }
            }
        }
        for element in layout.elements {
            switch element.content {
            case .code128(let geometry): Self.checkBarcode(geometry, in: raster, box: element.box)
            case .qr(let matrix, let module, let x, let y): Self.checkQR(matrix, module: module, x: x, y: y, in: raster, box: element.box)
            case .text(let line):
                #expect(element.box.contains(line.extent), "field \(element.field): the text lies in its box")
                #expect(element.raster.blackCount > 0, "field \(element.field) \(line.text): ink")
            }
        }
    }

    /// Bars and spaces are whole modules of whole dots; the quiet zones are at least 10 modules and white.
    static func checkBarcode(_ geometry: BarcodeGeometry, in raster: Bitmap, box: DotBox) {
        #expect(geometry.module >= 1)
        #expect(geometry.quietZone >= 10 * geometry.module)
        let bars = geometry.bars
        // A line across the bars, in the bars' middle.
        let along: [Bool] =
            geometry.rotated
            ? (bars.y - geometry.quietZone..<bars.maxY + geometry.quietZone).map { raster[bars.x + bars.width / 2, $0] }
            : (bars.x - geometry.quietZone..<bars.maxX + geometry.quietZone).map { raster[$0, bars.y + bars.height / 2] }
        #expect(!along.prefix(geometry.quietZone).contains(true), "the leading quiet zone is white")
        #expect(!along.suffix(geometry.quietZone).contains(true), "the trailing quiet zone is white")
        let lengthInDots = geometry.rotated ? bars.height : bars.width
        let inner = Array(along.dropFirst(geometry.quietZone).prefix(lengthInDots))
        let expected = geometry.modules.flatMap { Array(repeating: $0, count: geometry.module) }
        #expect(inner == expected, "the drawn bars are the modules at \(geometry.module) dots each")
        let quiet =
            geometry.rotated
            ? DotBox(x: bars.x, y: bars.y - geometry.quietZone, width: bars.width, height: bars.height + 2 * geometry.quietZone)
            : DotBox(x: bars.x - geometry.quietZone, y: bars.y, width: bars.width + 2 * geometry.quietZone, height: bars.height)
        #expect(box.contains(quiet), "the quiet zones lie in the field's box")
    }

    /// Modules of whole dots, and four white modules around the symbol.
    static func checkQR(_ matrix: QRMatrix, module: Int, x: Int, y: Int, in raster: Bitmap, box: DotBox) {
        #expect(module >= 2)
        let margin = QRMatrix.quietZone * module
        let side = matrix.width * module
        #expect(box.contains(DotBox(x: x - margin, y: y - margin, width: side + 2 * margin, height: side + 2 * margin)))
        for row in -QRMatrix.quietZone..<(matrix.width + QRMatrix.quietZone) {
            for column in -QRMatrix.quietZone..<(matrix.width + QRMatrix.quietZone) {
                let dark = (0..<matrix.width).contains(row) && (0..<matrix.width).contains(column) && matrix[column, row]
                for dy in 0..<module {
                    for dx in 0..<module where raster[x + column * module + dx, y + row * module + dy] != dark {
                        Issue.record("QR module (\(column), \(row)) dot (\(dx), \(dy)) is not \(dark ? "dark" : "light")")
                        return
                    }
                }
            }
        }
    }

    @Test func aLongNameIsShortenedWithAnEllipsisInsideItsBox() throws {
        let face = try FontFace(path: Self.font)
        let name = "黑色碳纤维山地自行车（含车锁、车灯及前后挡泥板）"
        for resolution in PrinterResolution.allCases {
            let layout = try LabelLayout(
                template: try Self.template("item-40x30"), values: Self.values(for: .item, name: name), resolution: resolution, font: face)
            let element = try #require(
                layout.elements.first { if case .text(let line) = $0.content { line.text.hasPrefix("黑色") } else { false } })
            guard case .text(let line) = element.content else { return }
            #expect(line.isShortened)
            #expect(line.text.hasSuffix("…") && line.text.count < name.count)
            #expect(line.extent.maxX <= element.box.maxX)
            #expect(name.hasPrefix(String(line.text.dropLast())))
        }
    }

    @Test func aLongTitleOnTheSpineEndsInAVerticalEllipsis() throws {
        let face = try FontFace(path: Self.font)
        var values = Self.values(for: .dossier)
        values["case-title"] = "张某某等人跨省系列盗窃电动自行车及销赃案"
        let layout = try LabelLayout(template: try Self.template("dossier-spine"), values: values, resolution: .dpi203, font: face)
        let line = try #require(
            layout.elements.compactMap { if case .text(let line) = $0.content, line.vertical { line } else { nil } }.first)
        #expect(line.isShortened && line.vertical)
        #expect(line.text.last == "\u{FE19}" || line.text.last == "…")
        // One glyph per em cell, top to bottom, each below the last.
        let baselines = line.glyphs.map(\.baseline)
        #expect(baselines == baselines.sorted() && Set(baselines).count == baselines.count)
        #expect(zip(baselines, baselines.dropFirst()).allSatisfy { $1 - $0 == line.pixelSize })
    }

    /// The error laying out item-40x30 at 203 dpi with `change` applied to the values; nil if it laid out.
    static func refusal(_ change: (inout [String: String]) -> Void) throws -> LabelTemplateError? {
        let face = try FontFace(path: Self.font)
        let template = try Self.template("item-40x30")
        var values = Self.values(for: .item)
        change(&values)
        do {
            _ = try LabelLayout(template: template, values: values, resolution: .dpi203, font: face)
            return nil
        } catch {
            return error
        }
    }

    @Test func aCharacterTheFontLacksIsRefusedNotPrintedAsABox() throws {
        let error = try #require(try Self.refusal { $0["name"] = "\u{F8FF}箱" })
        #expect(error.reason == "label-glyph-missing")
        #expect(error.arguments["field"] == "2")
    }

    @Test func aCodeOutsidePrintableASCIIIsRefused() throws {
        let error = try #require(try Self.refusal { $0["id"] = "P-涉案-1" })
        #expect(error.reason == "label-code-unsupported")
    }

    @Test func anIdTooLongForTheTagIsRefusedNotSqueezed() throws {
        let error = try #require(try Self.refusal { $0["id"] = "P-370321-2026-000001-ABCDEFGHIJKLMNOPQRSTUVWXYZ" })
        #expect(error.reason == "label-barcode-too-wide")
        #expect(error.arguments["dpi"] == "203")
    }
}
