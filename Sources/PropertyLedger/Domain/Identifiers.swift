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

    /// The log is permanent and cannot be erased later: refuse what looks like a national ID number
    /// (18 characters, 17 digits and a digit or X) or a mainland mobile number (11 digits starting 1[3-9]).
    static func refusePersonalNumbers(_ value: String, _ what: String) throws {
        let scalars = Array(value.unicodeScalars)
        var start = 0
        while start < scalars.count {
            guard ("0"..."9").contains(scalars[start]) else {
                start += 1
                continue
            }
            var end = start
            while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
            let digits = end - start
            let followedByX = end < scalars.count && (scalars[end] == "X" || scalars[end] == "x")
            let isIDNumber = (digits == 18) || (digits == 17 && followedByX)
            let isMobile = digits == 11 && scalars[start] == "1" && ("3"..."9").contains(scalars[start + 1])
            if isIDNumber || isMobile {
                throw LedgerError(
                    .refused,
                    "\(what) seems to contain a \(isIDNumber ? "national ID" : "phone") number; personal numbers are never written to the permanent log"
                )
            }
            start = end
        }
    }
}
