public import PropertyLedger

/// The reasons of label printing (the LabelRenderer module and `ledger label`): declared here, beside their
/// wording, because the catalogue does not import the renderer. `field` is a template field's number (1-based,
/// 0 for the template's top level); `dpi` the printer resolution.
extension Reason {
    public static let labelReasons: [ReasonSpec] = [
        .init("label-template-too-large", "template", "most"), .init("label-template-not-json", "template"),
        .init("label-template-format", "template", "format"), .init("label-template-key-unknown", "template", "field", "key"),
        .init("label-template-value-invalid", "template", "field", "key"), .init("label-template-field-kind", "template", "field"),
        .init("label-template-placeholder-unknown", "template", "field", "placeholder"),
        .init("label-template-outside", "template", "field"), .init("label-template-overlap", "template", "field", "other"),
        .init("label-barcode-too-wide", "template", "field", "text", "dpi"), .init("label-qr-too-small", "template", "field", "dpi"),
        .init("label-text-box-too-low", "template", "field", "dpi"), .init("label-barcode-too-low", "template", "field", "dpi"),
        .init("label-code-unsupported", "template", "field", "text"),
        .init("label-glyph-missing", "template", "field", "character", "font"),
        .init("label-template-unknown", "template", "known"), .init("label-template-unreadable", "path", "detail"),
        .init("label-template-wrong-object", "template", "object", "kind"), .init("label-font-unreadable", "path", "detail"),
        .init("label-needs-objects"), .init("label-objects-and-case"), .init("label-case-empty", "case"),
        .init("label-out-needs-directory", "count", "format"), .init("label-png-needs-out"),
        .init("label-rfid-needs-zpl"), .init("label-rfid-no-chip", "object"),
    ]
}

extension Catalogue {
    /// The wording of ``PropertyLedger/Reason/labelReasons``.
    static let labelling: [String: Wording] = [
        "label-template-too-large": .init(
            zh: "标签模板 {template} 过大：模板文件最多 {most} 字节", en: "the label template {template} is too large: at most {most} bytes"),
        "label-template-not-json": .init(
            zh: "标签模板 {template} 不是 JSON 对象", en: "the label template {template} is not a JSON object"),
        "label-template-format": .init(
            zh: "标签模板 {template} 的格式为“{format}”：本程序读取 pl-label-template/1",
            en: "the label template {template} is of format \"{format}\": this program reads pl-label-template/1"),
        "label-template-key-unknown": .init(
            zh: "标签模板 {template} 第 {field} 项有未知的键“{key}”（第 0 项指模板本身；见 docs/labels.md）",
            en: "the label template {template}, field {field}: unknown key \"{key}\" (field 0 is the template itself; see docs/labels.md)"),
        "label-template-value-invalid": .init(
            zh: "标签模板 {template} 第 {field} 项的“{key}”缺失或取值不对（见 docs/labels.md）",
            en: "the label template {template}, field {field}: \"{key}\" is missing or wrong (see docs/labels.md)"),
        "label-template-field-kind": .init(
            zh: "标签模板 {template} 第 {field} 项须恰有 text、qr、code128 之一",
            en: "the label template {template}, field {field}: exactly one of text, qr and code128 is needed"),
        "label-template-placeholder-unknown": .init(
            zh: "标签模板 {template} 第 {field} 项用了未知的占位符 “{placeholder}”（见 docs/labels.md 的占位符表）",
            en: "the label template {template}, field {field}: unknown placeholder “{placeholder}” (see the table in docs/labels.md)"),
        "label-template-outside": .init(
            zh: "标签模板 {template} 第 {field} 项的框超出标签", en: "the label template {template}, field {field}: the box lies outside the label"),
        "label-template-overlap": .init(
            zh: "标签模板 {template} 第 {field} 项的框与第 {other} 项重叠",
            en: "the label template {template}, field {field}: the box overlaps field {other}"),
        "label-barcode-too-wide": .init(
            zh: "{dpi} dpi 下，{text} 的条码连同两侧静区在标签模板 {template} 第 {field} 项的框内放不下（每模块一个点也不够）：请用更宽的框或更宽的模板",
            en: "at {dpi} dpi the barcode of {text} with its quiet zones does not fit field {field} of {template}, even at one dot a "
                + "module: use a wider box or template"),
        "label-qr-too-small": .init(
            zh: "{dpi} dpi 下，标签模板 {template} 第 {field} 项的框太小，二维码每模块不足 2 个点，扫码枪读不出",
            en: "at {dpi} dpi the box of field {field} of {template} gives the QR code under 2 dots a module, too small to scan"),
        "label-text-box-too-low": .init(
            zh: "{dpi} dpi 下，标签模板 {template} 第 {field} 项的框放不下一行该字号的文字",
            en: "at {dpi} dpi the box of field {field} of {template} is too small for a line of its text size"),
        "label-barcode-too-low": .init(
            zh: "{dpi} dpi 下，标签模板 {template} 第 {field} 项的条码高度不足 5 毫米",
            en: "at {dpi} dpi the bars of field {field} of {template} are lower than 5 mm"),
        "label-code-unsupported": .init(
            zh: "“{text}”不能印成条码或二维码（标签模板 {template} 第 {field} 项）：只能是可打印的 ASCII 字符",
            en: "\"{text}\" cannot go into a barcode or QR code (field {field} of {template}): printable ASCII only"),
        "label-glyph-missing": .init(
            zh: "字体 {font} 没有“{character}”这个字（标签模板 {template} 第 {field} 项）：请用 --font 指定含该字的字体",
            en: "the font {font} lacks \"{character}\" (field {field} of {template}): name a font that has it with --font"),
        "label-template-unknown": .init(
            zh: "没有名为 {template} 的标签模板：内置模板有 {known}，或给出模板文件的路径",
            en: "there is no label template {template}: the built-in ones are {known}, or give a template file's path"),
        "label-template-unreadable": .init(
            zh: "读不了标签模板文件 {path}：{detail}", en: "cannot read the label template file {path}: {detail}"),
        "label-template-wrong-object": .init(
            zh: "标签模板 {template} 用于{kind}，而 {object} 不是", en: "the label template {template} is for a {kind}, and {object} is not one"),
        "label-font-unreadable": .init(
            zh: "读不了字体文件 {path}（{detail}）：请安装 fonts-wqy-microhei，或用 --font 或 LEDGER_LABEL_FONT 指定字体",
            en: "cannot read the font file {path} ({detail}): install fonts-wqy-microhei, or name a font with --font or LEDGER_LABEL_FONT"),
        "label-needs-objects": .init(
            zh: "请给出要打印标签的财物或案卷编号，或用 --case 打印一个案件的全部标签",
            en: "name the objects to label, or use --case for every object of a case"),
        "label-objects-and-case": .init(
            zh: "不能同时给出编号和 --case", en: "name objects or give --case, not both"),
        "label-case-empty": .init(zh: "案件 {case} 没有登记财物或案卷", en: "case {case} has no items or dossiers"),
        "label-out-needs-directory": .init(
            zh: "{count} 张 {format} 标签每张一个文件：--out 须为已有目录", en: "{count} {format} labels are a file each: --out must be a directory"),
        "label-png-needs-out": .init(
            zh: "PNG 是二进制图像：请用 --out 指定文件或目录", en: "a PNG is a binary image: name a file or directory with --out"),
        "label-rfid-needs-zpl": .init(
            zh: "--rfid 只用于 ZPL（RFID 打印机）：请加 --format zpl", en: "--rfid is for ZPL (RFID printers): add --format zpl"),
        "label-rfid-no-chip": .init(
            zh: "{object} 尚未绑定芯片，无法写入 RFID（先 ledger chip bind）",
            en: "{object} has no chip bound, so there is nothing to encode (ledger chip bind first)"),
    ]
}
