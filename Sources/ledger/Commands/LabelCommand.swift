import CommandLineSupport
import Foundation
import LabelRenderer
import LedgerPresentation
import PropertyLedger

/// `ledger label OBJECT… | --case CASE`: printable labels (一物一码) for items and dossiers from the templates in
/// `Labels/` (docs/labels.md): SVG for office printers, ZPL for thermal printers, 1-bit PNG.
struct LabelCommand: LedgerCommand {
    static let spec = CommandSpec(
        "label", arguments: "[OBJECT…]",
        summary: Wording(zh: "打印涉案财物和案卷的标签（条码、二维码、中文）", en: "print labels for items and dossiers (barcode, QR code, Chinese text)"),
        options: [
            Option(
                name: "case", value: "CASE",
                help: Wording(zh: "该案件的全部财物和案卷，每件一张", en: "every item and dossier of the case, a label each")),
            Option(
                name: "template", value: "NAME|FILE",
                help: Wording(
                    zh: "内置模板（item-40x30、item-50x30、dossier-spine、dossier-cover）或模板文件；默认财物用 item-40x30，案卷用 dossier-cover",
                    en: "a built-in template (item-40x30, item-50x30, dossier-spine, dossier-cover) or a template file; default "
                        + "item-40x30 for items, dossier-cover for dossiers")),
            .choice(
                "format", LabelFormat.self,
                help: Wording(
                    zh: "svg（办公打印机、浏览器，默认）、zpl（斑马等热敏打印机）或 png（1 位黑白图像）",
                    en: "svg (office printers, browsers; the default), zpl (Zebra-compatible thermal printers) or png (1-bit image)")),
            .choice("dpi", LabelResolution.self, help: Wording(zh: "打印头分辨率（默认 203）", en: "the printhead's resolution (default 203)")),
            Option(
                name: "out", value: "FILE|DIR",
                help: Wording(
                    zh: "写入 FILE；FILE 为已有目录时每张标签一个文件（编号.扩展名）。默认：ZPL 和单张 SVG 输出到标准输出",
                    en: "write to FILE; when FILE is an existing directory, a file per label (ID.EXT). Default: ZPL and a single "
                        + "SVG to standard output")),
            Option(
                name: "font", value: "FILE",
                help: Wording(
                    zh: "中文字体文件（默认：环境变量 LEDGER_LABEL_FONT，或文泉驿微米黑）",
                    en: "the CJK font file (default: LEDGER_LABEL_FONT, or WenQuanYi Micro Hei)")),
            .flag(
                "rfid",
                help: Wording(
                    zh: "ZPL 中加入把芯片 UID 写入标签芯片的指令（RFID 打印机）", en: "add the ZPL that encodes the chip UID into the tag (RFID printers)")),
        ],
        notes: [
            Wording(
                zh: "标签显示编号、名称、数量和单位、案件编号、扣押日期（本单位时区），以及二维码（内容为“PL1:”加编号，不含个人信息）和编号的 "
                    + "Code 128 条码；案卷标签显示第几卷共几卷和页数。名称过长时以“…”截短，绝不越出标签。标签用中文，除非 --lang 或环境变量另选语言。",
                en: "A label shows the id, name, quantity and unit, case number, seizure day (the agency's zone), the QR code "
                    + "(PL1:ID, no personal data) and the id's Code 128; a dossier's shows volume n of N and pages. Names too long "
                    + "are shortened with an ellipsis, never overflow. Labels are in Chinese unless --lang or the environment chooses.")
        ])

    let references: [String]
    let caseNumber: String?
    let template: String?
    let format: LabelFormat
    let resolution: PrinterResolution
    let out: String?
    let font: String?
    let rfid: Bool

    init(parsing arguments: inout ArgumentReader) throws {
        caseNumber = arguments.take("case")
        template = arguments.take("template")
        format = try arguments.choice("format", LabelFormat.self) ?? .svg
        resolution = (try arguments.choice("dpi", LabelResolution.self) ?? .dpi203).resolution
        out = arguments.take("out")
        font = arguments.take("font")
        rfid = arguments.flag("rfid")
        var references: [String] = []
        while !arguments.positionals.isEmpty { references.append(try arguments.object()) }
        self.references = references
        if references.isEmpty && caseNumber == nil { throw arguments.error(Reason("label-needs-objects")) }
        if !references.isEmpty && caseNumber != nil { throw arguments.error(Reason("label-objects-and-case")) }
        if rfid && format != .zpl { throw arguments.error(Reason("label-rfid-needs-zpl")) }
    }

    /// One object to label and the values its template fills.
    struct Subject: Sendable {
        let object: CustodyObject
        let values: [String: String]
    }

    struct Written: Encodable {
        let object: String
        let template: String
        let path: String
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.openStore()
        // The printed label is the agency's document: Chinese unless someone chose a language.
        let language = context.isLanguageChosen ? context.language : .zh
        let timeFormat = TimeFormat(zone: store.identity.agency.timeZone, language: language)
        let subjects = try await Self.subjects(references, case: caseNumber, in: store, timeFormat: timeFormat)
        let destination = try LabelDestination(out, count: subjects.count, format: format)
        if let path = destination.path { try BulletinCommand.refuseStoreFiles(path, paths: store.paths) }
        let fontPath = font ?? ProcessInfo.processInfo.environment["LEDGER_LABEL_FONT"] ?? Self.defaultFont
        let (format, resolution, template, rfid) = (format, resolution, template, rfid)
        // FreeType reads the font file and rasterises: blocking work, kept off the cooperative pool.
        let labels = try await onOwnThread {
            try Self.render(subjects, template: template, format: format, resolution: resolution, fontPath: fontPath, rfid: rfid)
        }
        let written = try destination.write(labels.map { ($0.object, $0.bytes) }, format: format)
        guard !written.isEmpty else { return }
        let results = zip(labels, written).map { Written(object: $0.object, template: $0.template, path: $1) }
        try context.output.emit(results, text: results.map { "\($0.object)  \($0.path)" }.joined(separator: "\n"))
    }

    static let defaultFont = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

    /// The objects named (ids or `chip:UID`), or every one of the case, with their label values, read from one
    /// snapshot.
    static func subjects(_ references: [String], case number: String?, in store: LedgerStore, timeFormat: TimeFormat) async throws
        -> [Subject]
    {
        let objects: [CustodyObject]
        if let number {
            guard try await store.caseRecord(number) != nil else { throw LedgerError(.notFound, .noSuchCase(number)) }
            objects = try await store.objects(matching: ObjectFilter(caseNumber: number, limit: 100_000))
            guard !objects.isEmpty else { throw LedgerError(.notFound, Reason("label-case-empty", ["case": number])) }
        } else {
            var found: [CustodyObject] = []
            for reference in references { found.append(try await store.object(reference)) }
            objects = found
        }
        var subjects: [Subject] = []
        for object in objects {
            let record = try await store.caseRecord(object.caseNumber)
            let index = object.registeredAt
            let registered = try await store.read { try $0.loggedEntry(at: index)?.at }
            subjects.append(
                Subject(
                    object: object, values: LabelValues.values(of: object, case: record, registeredAt: registered, timeFormat: timeFormat)))
        }
        return subjects
    }

    struct Rendered: Sendable {
        let object: String
        let template: String
        let bytes: [UInt8]
    }

    /// Each subject's label in `format`, its template the one named or its kind's default.
    static func render(
        _ subjects: [Subject], template name: String?, format: LabelFormat, resolution: PrinterResolution, fontPath: String, rfid: Bool
    ) throws -> [Rendered] {
        let face: FontFace
        do { face = try FontFace(path: fontPath) } catch {
            throw LedgerError(.invalidInput, Reason("label-font-unreadable", ["path": fontPath, "detail": String(describing: error)]))
        }
        var templates: [String: LabelTemplate] = [:]
        return try subjects.map { subject in
            let kind = LabelObject(rawValue: subject.object.kind.rawValue) ?? .item
            let chosen = name ?? LabelTemplate.defaultName(for: kind)
            let template = try templates[chosen] ?? LabelTemplateSource.load(chosen)
            templates[chosen] = template
            guard template.object == kind else {
                throw LedgerError(
                    .invalidInput,
                    Reason(
                        "label-template-wrong-object",
                        ["template": template.name, "object": subject.object.id, "kind": template.object.rawValue]))
            }
            var code: String?
            if rfid {
                guard let chip = subject.object.chip else {
                    throw LedgerError(.invalidInput, Reason("label-rfid-no-chip", ["object": subject.object.id]))
                }
                code = chip
            }
            let layout: LabelLayout
            do {
                layout = try LabelLayout(template: template, values: subject.values, resolution: resolution, font: face)
            } catch let error as LabelTemplateError {
                throw LedgerError(.invalidInput, Reason(error.reason, error.arguments))
            }
            let bytes = layout.encoded(as: format, title: subject.object.id, fontFamily: face.familyName, rfid: code)
            return Rendered(object: subject.object.id, template: template.name, bytes: bytes)
        }
    }
}

/// `--dpi`'s values.
enum LabelResolution: String, CaseIterable {
    case dpi203 = "203"
    case dpi300 = "300"

    var resolution: PrinterResolution {
        switch self {
        case .dpi203: .dpi203
        case .dpi300: .dpi300
        }
    }
}
