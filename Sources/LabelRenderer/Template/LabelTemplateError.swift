/// Why a template was refused, naming the template, the field (1-based, in file order) and the key where that
/// helps; `reason` is the stable id the CLI's catalogue words.
public struct LabelTemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public let arguments: [String: String]

    init(_ reason: String, _ arguments: [String: String]) {
        self.reason = reason
        self.arguments = arguments
    }

    public var description: String {
        reason + "(" + arguments.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
    }

    /// Every reason a template or its layout can give, with its argument names.
    public static let reasons: [(id: String, arguments: Set<String>)] = [
        ("label-template-too-large", ["template", "most"]),
        ("label-template-not-json", ["template"]),
        ("label-template-format", ["template", "format"]),
        ("label-template-key-unknown", ["template", "field", "key"]),
        ("label-template-value-invalid", ["template", "field", "key"]),
        ("label-template-field-kind", ["template", "field"]),
        ("label-template-placeholder-unknown", ["template", "field", "placeholder"]),
        ("label-template-outside", ["template", "field"]),
        ("label-template-overlap", ["template", "field", "other"]),
        ("label-barcode-too-wide", ["template", "field", "text", "dpi"]),
        ("label-qr-too-small", ["template", "field", "dpi"]),
        ("label-text-box-too-low", ["template", "field", "dpi"]),
        ("label-barcode-too-low", ["template", "field", "dpi"]),
        ("label-code-unsupported", ["template", "field", "text"]),
        ("label-glyph-missing", ["template", "field", "character", "font"]),
    ]
}
