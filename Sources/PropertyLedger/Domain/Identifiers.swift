import Foundation

/// Validation shared by the identifiers and names that go into permanent log entries.
enum FieldRules {
    /// Identifiers: 1–64 characters from ASCII letters, digits, '-', '_' and '.'.
    static func identifier(_ value: String, _ what: String) throws -> String {
        guard !value.isEmpty, value.count <= 64,
            value.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
            })
        else {
            throw LedgerError(.invalidInput, "\(what) \"\(value)\" must be 1–64 ASCII letters, digits, '-', '_' or '.'")
        }
        return value
    }

    /// Free text (names, descriptions): trimmed, 1–`limit` characters, no control characters.
    static func text(_ value: String, _ what: String, limit: Int = 200) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= limit,
            !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw LedgerError(.invalidInput, "\(what) must be 1–\(limit) characters without control characters") }
        try refusePersonalNumbers(trimmed, what)
        return trimmed
    }

    static func optionalText(_ value: String?, _ what: String, limit: Int = 500) throws -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try text(value, what, limit: limit)
    }

    /// The log is permanent and cannot be erased later: refuse what looks like a resident ID number or a
    /// mainland mobile number (see ``PersonalNumber``).
    static func refusePersonalNumbers(_ value: String, _ what: String) throws {
        guard let found = PersonalNumber.first(in: value) else { return }
        let kind =
            switch found {
            case .residentID: "national ID"
            case .mobile: "phone"
            }
        throw LedgerError(
            .refused,
            "\(what) seems to contain a \(kind) number; personal numbers are never written to the permanent log: leave it out")
    }
}
