import Foundation
import LabelRenderer
import LedgerPresentation
import PropertyLedger

/// An agency's own label template (`ledger label --template FILE`): read, then laid out and written, since the
/// layout is where a template's numbers turn into dots, glyphs and modules.
enum LabelTargets {
    static let template = FuzzTarget(
        "label-template",
        "LabelTemplate(parsing:name:vocabulary:): what it accepts has fields inside the label, apart, of known placeholders"
    ) { data throws(FuzzFinding) in
        guard let template = try Refusal.value({ try read(data) }) else { return }
        let known = vocabulary(template.object)
        for (offset, field) in template.fields.enumerated() {
            let box = field.box
            try FuzzFinding.require(
                box.x >= 0 && box.y >= 0 && box.width > 0 && box.height > 0 && box.maxX <= template.width && box.maxY <= template.height,
                "field \(offset + 1) lies outside the label: \(box)")
            try FuzzFinding.require(
                !template.fields[..<offset].contains { $0.box.overlaps(box) }, "field \(offset + 1) overlaps an earlier one")
            try FuzzFinding.require(placeholders(of: field).allSatisfy(known.contains), "field \(offset + 1) has an unknown placeholder")
        }
    }

    static let layout = FuzzTarget(
        "label-layout", "LabelLayout of an accepted template at 203 and 300 dpi, then SVG, ZPL, PNG: rasters the size of their boxes"
    ) { data throws(FuzzFinding) in
        guard let font, let template = try? read(data) else { return }
        for resolution in PrinterResolution.allCases {
            guard
                let layout = try Refusal.value({ try LabelLayout(template: template, values: values, resolution: resolution, font: font) })
            else { continue }
            for element in layout.elements {
                try FuzzFinding.require(
                    element.raster.width == element.box.width && element.raster.height == element.box.height,
                    "field \(element.field) has a \(element.raster.width)×\(element.raster.height) raster in a box of \(element.box)")
            }
            for format in LabelFormat.allCases {
                try FuzzFinding.require(
                    !layout.encoded(as: format, title: "fuzz", fontFamily: font.familyName).isEmpty, "wrote an empty \(format.rawValue)")
            }
        }
    }

    private static func read(_ data: Data) throws(LabelTemplateError) -> LabelTemplate {
        try LabelTemplate(parsing: data, name: "fuzz", vocabulary: vocabulary)
    }

    /// The placeholders `ledger label` fills (LabelValues), as the command gives them to the parser.
    private static func vocabulary(_ object: LabelObject) -> Set<String> {
        LabelValues.vocabulary(for: object == .item ? .item : .dossier)
    }

    private static func placeholders(of field: LabelField) -> [String] {
        switch field.content {
        case .text(let text, _), .qr(let text), .code128(let text, _, _, _): text.placeholders
        }
    }

    /// The font `ledger label` uses unless told otherwise (LEDGER_LABEL_FONT, as for the command); without one the
    /// layout target checks nothing.
    private static let font: FontFace? = try? FontFace(
        path: ProcessInfo.processInfo.environment["LEDGER_LABEL_FONT"] ?? "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")

    /// A value for every placeholder of both kinds, as an object of the demo would fill them: codes Code 128 carries,
    /// Chinese names and the captions' Chinese words.
    private static let values: [String: String] = {
        var values = [
            "id": "P-370305-2026-000001", "name": "自行车（捷安特 ATX 770，黑色）", "case": "A3703052026000001",
            "case-title": "张某盗窃案", "handling-unit": "刑侦大队", "registered-date": "2026-12-01", "chip": "04A1B2C3D4E580",
            "quantity": "1", "unit": "辆", "quantity-text": "1辆", "seized-date": "2026-11-30", "volume": "1", "volumes": "3",
            "volume-text": "第1卷 共3卷", "pages": "120", "pages-text": "120页",
        ]
        for (name, wording) in Catalogue.labels.captions { values["caption." + name] = wording.text(in: .zh) }
        return values
    }()
}
