import Foundation

/// Validation shared by the identifiers and names that go into permanent log entries. `what` is the field's id
/// in reasons (`badge`, `location-code`, `item-name`: the `field` argument of ``Reason/inputReasons``).
///
/// Everything typed is compared in one form: NFKC (so full-width `０４Ａ１` is `04A1`) and trimmed. Invisible
/// and control characters are refused rather than stripped: they hide what was really typed.
enum FieldRules {
    /// The form identifiers are compared and stored in: NFKC, surrounding white space trimmed.
    static func normalized(_ value: String) -> String {
        trimmed(nfkc(value))
    }

    /// `value` in Unicode normalization form KC. ASCII text is its own NFKC form, and almost every identifier
    /// is ASCII: those skip the Unicode tables, which cost more than the custody rules themselves.
    static func nfkc(_ value: String) -> String {
        value.utf8.allSatisfy { $0 < 0x80 } ? value : value.precomposedStringWithCompatibilityMapping
    }

    /// `value` without surrounding white space (spaces of any width, tabs, line breaks).
    ///
    /// Foundation's `.whitespacesAndNewlines` also trims U+200B (zero width space) on Linux; the Unicode
    /// White_Space property does not, so a zero-width character at either end is still seen and refused.
    static func trimmed(_ value: String) -> String {
        let scalars = value.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// A reference to an identifier (a badge, a location, a case, an object): normalized, with invisible and
    /// control characters refused. Whether it names something is for the rules to check.
    static func reference(_ value: String, _ what: String) throws -> String {
        let value = normalized(value)
        try refuseInvisibleCharacters(value, what)
        return value
    }

    /// Identifiers: 1–64 characters from ASCII letters, digits, '-', '_' and '.', after normalization.
    static func identifier(_ value: String, _ what: String) throws -> String {
        let value = try reference(value, what)
        guard !value.isEmpty, value.count <= 64,
            value.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
            })
        else {
            throw LedgerError(.invalidInput, .identifierInvalid(what, value: value))
        }
        return value
    }

    /// Free text (names, descriptions): trimmed, 1–`limit` characters, no invisible or control characters, no
    /// personal numbers. The text is kept as typed (not NFKC): full-width Chinese punctuation is meant.
    static func text(_ value: String, _ what: String, limit: Int = 200) throws -> String {
        let trimmed = trimmed(value)
        try refuseInvisibleCharacters(trimmed, what)
        guard !trimmed.isEmpty else { throw LedgerError(.invalidInput, .textEmpty(what, limit: limit)) }
        guard trimmed.count <= limit else {
            throw LedgerError(.invalidInput, .textTooLong(what, count: trimmed.count, limit: limit))
        }
        try refusePersonalNumbers(trimmed, what)
        return trimmed
    }

    static func optionalText(_ value: String?, _ what: String, limit: Int = 500) throws -> String? {
        guard let value, !trimmed(value).isEmpty else { return nil }
        return try text(value, what, limit: limit)
    }

    /// A positive whole number typed as text (a corrected volume or page count): NFKC, trimmed, ASCII digits.
    static func positiveInteger(_ value: String, _ what: String) throws -> Int {
        let text = try reference(value, what)
        guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(text), number >= 1
        else { throw LedgerError(.invalidInput, .countInvalid(what, value: text)) }
        return number
    }

    /// Refuses control characters (Cc), invisible format characters (Cf: zero-width spaces and joiners, byte
    /// order marks, direction overrides) and line or paragraph separators, naming the first one found.
    static func refuseInvisibleCharacters(_ value: String, _ what: String) throws {
        let hidden = value.unicodeScalars.first {
            switch $0.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: true
            default: false
            }
        }
        if let hidden {
            let code = String(hidden.value, radix: 16, uppercase: true)
            let character = "U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code)"
            throw LedgerError(.invalidInput, .invisibleCharacter(what, character: character))
        }
    }

    /// The log is permanent and cannot be erased later: refuse what looks like a resident ID number or a
    /// mainland mobile number (see ``PersonalNumber``).
    static func refusePersonalNumbers(_ value: String, _ what: String) throws {
        guard let found = PersonalNumber.first(in: value) else { return }
        throw LedgerError(.refused, .personalNumber(what, found))
    }
}
