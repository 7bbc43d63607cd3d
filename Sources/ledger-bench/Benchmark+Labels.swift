import Foundation
import LabelRenderer
import LedgerPresentation
import PropertyLedger

extension Benchmark {
    /// Timed runs of the whole case on each side, after a warm-up one.
    static let labelRuns = 5
    static let labelFont = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

    var labelNotes: [String] {
        [
            "(v)–(x) label a case of \(Format.count(options.labelObjects)) objects (every tenth a dossier volume) with the built-in "
                + "templates at 203 dpi: each run opens the font, fills each object's values in Chinese, lays the template out "
                + "(FreeType glyphs, Code 128, the QR from libqrencode) and encodes it, as `ledger label --case` does after its "
                + "one read of the store; the baseline encodes the same number of labels from two layouts made beforehand: the "
                + "writer alone",
            "each side runs the case \(Self.labelRuns) times after one warm-up, taking turns; the figure is the median run",
        ]
    }

    /// (v) SVG, (w) ZPL and (x) PNG labels for a case of `labelObjects` objects (500, as the issue states its
    /// target), each held to the 2 s.
    func measureLabels() throws -> [Comparison] {
        let scene = try LabelScene(objects: options.labelObjects)
        let timeFormat = TimeFormat(zone: agency.timeZone, language: .zh)
        let vocabulary = { (kind: LabelObject) in LabelValues.vocabulary(for: kind == .item ? .item : .dossier) }
        let templates = try [LabelObject.item, .dossier].map { kind in
            guard let template = try LabelTemplate.builtIn(named: LabelTemplate.defaultName(for: kind), vocabulary: vocabulary) else {
                throw BenchError("no built-in template for \(kind)")
            }
            return template
        }
        let face = try FontFace(path: Self.labelFont)
        let made = try [scene.objects[0], scene.objects[9]].enumerated().map { offset, object in
            try LabelLayout(
                template: templates[offset],
                values: LabelValues.values(of: object, case: scene.record, registeredAt: nil, timeFormat: timeFormat),
                resolution: .dpi203, font: face)
        }
        var comparisons: [Comparison] = []
        for (letter, format) in zip(["v", "w", "x"], [LabelFormat.svg, .zpl, .png]) {
            Progress.log("(\(letter)) \(format.rawValue.uppercased()) labels for a case of \(Format.count(scene.objects.count)) objects")
            let label = {
                let face = try FontFace(path: Self.labelFont)
                return try scene.objects.reduce(0) { total, object in
                    let template = templates[object.kind == .item ? 0 : 1]
                    let values = LabelValues.values(of: object, case: scene.record, registeredAt: nil, timeFormat: timeFormat)
                    let layout = try LabelLayout(template: template, values: values, resolution: .dpi203, font: face)
                    return total + layout.encoded(as: format, title: object.id, fontFamily: face.familyName).count
                }
            }
            let encode = {
                scene.objects.indices.reduce(0) { total, index in
                    let layout = made[index % 10 == 9 ? 1 : 0]
                    return total + layout.encoded(as: format, title: "t", fontFamily: face.familyName).count
                }
            }
            try scene.check(format: format, templates: templates, face: face, timeFormat: timeFormat)
            _ = try label()
            _ = encode()
            var labelled: [Duration] = []
            var encoded: [Duration] = []
            var bytes = 0
            for run in 0..<Self.labelRuns {
                for isLedger in run % 2 == 0 ? [true, false] : [false, true] {
                    let stopwatch = Stopwatch()
                    bytes &+= isLedger ? try label() : encode()
                    if isLedger { labelled.append(stopwatch.elapsed) } else { encoded.append(stopwatch.elapsed) }
                }
            }
            precondition(bytes > 0)
            let ledger = LatencySample(labelled)
            let baseline = LatencySample(encoded)
            comparisons.append(
                Comparison(
                    key: "labels-\(format.rawValue)",
                    title: "(\(letter)) \(format.rawValue.uppercased()) labels for a case of \(Format.count(scene.objects.count)) objects",
                    ledger: Figure(
                        name: "laid out and encoded, median run", value: ledger.median.milliseconds, unit: "ms",
                        display: Format.milliseconds(ledger.median.milliseconds)),
                    baseline: Figure(
                        name: "encoded from two ready layouts", value: baseline.median.milliseconds, unit: "ms",
                        display: Format.milliseconds(baseline.median.milliseconds)),
                    target: .valueBelow(2_000)))
        }
        return comparisons
    }
}

/// The case (v)–(x) label: `objects` objects of one case, made in memory by a fixed rule, names short and long.
struct LabelScene {
    let objects: [CustodyObject]
    let record: CaseRecord

    private static let names = [
        "黑色山地车", "银色手机（屏幕碎裂）", "棕色皮质钱包", "蓝色双肩背包", "金色手表", "白色笔记本电脑",
        "黑色碳纤维山地自行车（含车锁、车灯及前后挡泥板）",
    ]
    static let caseNumber = "A3703212026000123"

    init(objects count: Int) throws {
        let fields = (0..<count).map { index -> [String: Any] in
            let isDossier = index % 10 == 9
            let number = String(index + 1)
            let id = (isDossier ? "D" : "P") + "-370321-2026-" + String(repeating: "0", count: 6 - number.count) + number
            var object: [String: Any] = [
                "id": id, "kind": isDossier ? "dossier" : "item", "caseNumber": Self.caseNumber,
                "name": isDossier ? "" : Self.names[index % Self.names.count], "status": "in-storage", "registeredAt": index + 8,
                "updatedAt": index + 8,
            ]
            if isDossier {
                object["dossier"] = [
                    "id": id, "case": Self.caseNumber, "volume": index / 10 + 1, "volumes": count / 10, "pages": 40 + index % 60,
                ]
            } else {
                object["item"] = [
                    "id": id, "case": Self.caseNumber, "name": Self.names[index % Self.names.count], "quantity": String(index % 3 + 1),
                    "unit": "件", "seizedAt": "2026-11-01T01:30:00Z", "seizedBy": ["000002", "000003"],
                ]
            }
            return object
        }
        objects = try JSONDecoder().decode([CustodyObject].self, from: JSONSerialization.data(withJSONObject: fields))
        let record: [String: Any] = [
            "number": Self.caseNumber, "title": "张某某等人系列盗窃电动自行车案", "kind": "criminal", "isPropertyCrime": true,
            "status": "unsolved", "openedAt": "2026-11-01T01:00:00Z", "lastProgressAt": "2026-11-01T01:00:00Z", "unit": "刑侦大队",
        ]
        self.record = try JSONDecoder().decode(CaseRecord.self, from: JSONSerialization.data(withJSONObject: record))
    }

    /// A fast wrong answer must not pass: a label of each kind holds the object's own Code 128 and QR (read back
    /// from its layout) and, in SVG, its name or volume in Chinese.
    func check(format: LabelFormat, templates: [LabelTemplate], face: FontFace, timeFormat: TimeFormat) throws {
        for object in [objects[0], objects[9], objects[6]] {
            let template = templates[object.kind == .item ? 0 : 1]
            let values = LabelValues.values(of: object, case: record, registeredAt: nil, timeFormat: timeFormat)
            let layout = try LabelLayout(template: template, values: values, resolution: .dpi203, font: face)
            var codes: [String] = []
            for element in layout.elements {
                switch element.content {
                case .code128(let geometry): codes.append(geometry.text)
                case .qr(let matrix, _, _, _): codes.append("qr v\(matrix.version)")
                case .text: break
                }
            }
            guard codes.contains(object.id), codes.contains(where: { $0.hasPrefix("qr v") }) else {
                throw BenchError("the label of \(object.id) lacks its codes: \(codes)")
            }
            let bytes = layout.encoded(as: format, title: object.id, fontFamily: face.familyName)
            if format == .svg {
                let text = String(decoding: bytes, as: UTF8.self)
                let shown = object.kind == .item ? String(object.name.prefix(3)) : "第\(object.dossier?.volume ?? 0)卷"
                guard text.contains(shown) else { throw BenchError("the SVG of \(object.id) does not show \(shown)") }
            }
        }
    }
}
