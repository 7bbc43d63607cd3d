public import Foundation

extension LabelTemplate {
    /// Reads a template file's bytes, refusing anything that is not exactly a template: unknown keys (a typo
    /// would otherwise silently drop a field), values out of range, unknown placeholders, a box outside the
    /// label or overlapping another. `name` names the template in errors; `vocabulary` gives the placeholder
    /// names a label of each kind fills.
    public init(parsing data: Data, name: String, vocabulary: (LabelObject) -> Set<String>) throws(LabelTemplateError) {
        guard data.count <= Self.maximumSize else {
            throw LabelTemplateError("label-template-too-large", ["template": name, "most": String(Self.maximumSize)])
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LabelTemplateError("label-template-not-json", ["template": name])
        }
        let reader = FieldReader(template: name, field: 0, object: root)
        try reader.refuseKeys(except: ["format", "name", "object", "size", "fields", "comment"])
        let format = try reader.string("format")
        guard format == Self.format else { throw LabelTemplateError("label-template-format", ["template": name, "format": format]) }
        self.name = try reader.optionalString("name") ?? name
        guard let object = LabelObject(rawValue: try reader.string("object")) else { throw reader.invalid("object") }
        self.object = object
        let size = try reader.numbers("size", count: 2, range: 5...Self.maximumSide)
        width = size[0]
        height = size[1]
        guard let list = root["fields"] as? [Any], !list.isEmpty, list.count <= Self.maximumFields else {
            throw reader.invalid("fields")
        }
        let known = vocabulary(object)
        var fields: [LabelField] = []
        for (offset, entry) in list.enumerated() {
            guard let dictionary = entry as? [String: Any] else {
                throw LabelTemplateError("label-template-field-kind", ["template": name, "field": String(offset + 1)])
            }
            let field = try FieldReader(template: name, field: offset + 1, object: dictionary).field(known: known)
            guard field.box.x >= 0, field.box.y >= 0, field.box.maxX <= width, field.box.maxY <= height else {
                throw LabelTemplateError("label-template-outside", ["template": name, "field": String(offset + 1)])
            }
            if let other = fields.firstIndex(where: { $0.box.overlaps(field.box) }) {
                throw LabelTemplateError(
                    "label-template-overlap", ["template": name, "field": String(offset + 1), "other": String(other + 1)])
            }
            fields.append(field)
        }
        self.fields = fields
    }
}

/// Reads one JSON object of a template, each error naming the template, the field and the key.
private struct FieldReader {
    let template: String
    /// 1-based; 0 for the template's top level.
    let field: Int
    let object: [String: Any]

    func invalid(_ key: String) -> LabelTemplateError {
        LabelTemplateError("label-template-value-invalid", ["template": template, "field": String(field), "key": key])
    }

    func refuseKeys(except allowed: Set<String>) throws(LabelTemplateError) {
        if let key = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw LabelTemplateError("label-template-key-unknown", ["template": template, "field": String(field), "key": key])
        }
    }

    func string(_ key: String) throws(LabelTemplateError) -> String {
        guard let value = object[key] as? String, !value.isEmpty, value.count <= 200 else { throw invalid(key) }
        return value
    }

    func optionalString(_ key: String) throws(LabelTemplateError) -> String? {
        object[key] == nil ? nil : try string(key)
    }

    /// JSON booleans only: `NSNumber` bridges 0 and 1 to `Bool` too, and `"bold": 1` is not what was meant.
    func bool(_ key: String) throws(LabelTemplateError) -> Bool {
        guard let value = object[key] else { return false }
        guard let number = value as? NSNumber, number.isJSONBoolean else { throw invalid(key) }
        return number.boolValue
    }

    func number(_ key: String, range: ClosedRange<Double>) throws(LabelTemplateError) -> Double? {
        guard let value = object[key] else { return nil }
        guard let number = value as? NSNumber, !number.isJSONBoolean, range.contains(number.doubleValue) else {
            throw invalid(key)
        }
        return number.doubleValue
    }

    func numbers(_ key: String, count: Int, range: ClosedRange<Double>) throws(LabelTemplateError) -> [Double] {
        guard let list = object[key] as? [Any], list.count == count else { throw invalid(key) }
        return try list.map { (value: Any) throws(LabelTemplateError) -> Double in
            guard let number = value as? NSNumber, !number.isJSONBoolean, range.contains(number.doubleValue) else {
                throw invalid(key)
            }
            return number.doubleValue
        }
    }

    func text(_ key: String, known: Set<String>) throws(LabelTemplateError) -> LabelText {
        let source = try string(key)
        guard let text = LabelText(parsing: source) else { throw invalid(key) }
        if let unknown = text.placeholders.first(where: { !known.contains($0) }) {
            throw LabelTemplateError(
                "label-template-placeholder-unknown", ["template": template, "field": String(field), "placeholder": unknown])
        }
        return text
    }

    func field(known: Set<String>) throws(LabelTemplateError) -> LabelField {
        let kinds = ["text", "qr", "code128"].filter { object[$0] != nil }
        guard kinds.count == 1 else {
            throw LabelTemplateError("label-template-field-kind", ["template": template, "field": String(field)])
        }
        let values = try numbers("box", count: 4, range: 0...LabelTemplate.maximumSide)
        let box = Box(x: values[0], y: values[1], width: values[2], height: values[3])
        guard box.width > 0, box.height > 0 else { throw invalid("box") }
        switch kinds[0] {
        case "text":
            try refuseKeys(except: ["text", "box", "size", "bold", "align", "vertical", "comment"])
            let alignment = try optionalString("align").map { (value: String) throws(LabelTemplateError) -> LabelField.Alignment in
                guard let alignment = LabelField.Alignment(rawValue: value) else { throw invalid("align") }
                return alignment
            }
            let style = LabelField.TextStyle(
                size: try number("size", range: 1...50) ?? 2.5, bold: try bool("bold"), alignment: alignment ?? .start,
                vertical: try bool("vertical"))
            return LabelField(box: box, content: .text(try text("text", known: known), style: style))
        case "qr":
            try refuseKeys(except: ["qr", "box", "comment"])
            return LabelField(box: box, content: .qr(try text("qr", known: known)))
        default:
            try refuseKeys(except: ["code128", "box", "rotate", "human-readable", "size", "comment"])
            let rotation = try number("rotate", range: 0...90)
            guard rotation == nil || rotation == 0 || rotation == 90 else { throw invalid("rotate") }
            // A turned code's digits would need turned text beside it; the spine shows the id in its QR instead.
            let humanReadable = try bool("human-readable")
            guard rotation != 90 || !humanReadable else { throw invalid("human-readable") }
            return LabelField(
                box: box,
                content: .code128(
                    try text("code128", known: known), rotated: rotation == 90, humanReadable: humanReadable,
                    textSize: try number("size", range: 1...50) ?? 2))
        }
    }
}

extension LabelText {
    /// `{name}` is a placeholder, `{{` and `}}` are literal braces; nil for an unclosed or empty placeholder.
    init?(parsing source: String) {
        var parts: [Part] = []
        var literal = ""
        var index = source.startIndex
        while index < source.endIndex {
            let character = source[index]
            let next = source.index(after: index)
            if character == "{" || character == "}", next < source.endIndex, source[next] == character {
                literal.append(character)
                index = source.index(after: next)
                continue
            }
            if character == "}" { return nil }
            if character == "{" {
                guard let close = source[next...].firstIndex(of: "}") else { return nil }
                let name = String(source[next..<close])
                guard !name.isEmpty, !name.contains("{") else { return nil }
                if !literal.isEmpty { parts.append(.literal(literal)) }
                literal = ""
                parts.append(.value(name))
                index = source.index(after: close)
                continue
            }
            literal.append(character)
            index = next
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }
}

extension NSNumber {
    /// Whether JSONSerialization read this as `true` or `false` rather than a number: booleans are the only
    /// numbers it makes of type `c` (char), on Linux and on Darwin alike.
    fileprivate var isJSONBoolean: Bool { String(cString: objCType) == "c" }
}
