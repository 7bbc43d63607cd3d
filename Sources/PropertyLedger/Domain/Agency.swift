public import Foundation

/// The agency that runs a ledger: its code prefixes every id it issues, so ids stay unique after a transfer.
public struct Agency: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// 公安
        case police
        /// 检察院
        case procuratorate
        /// 法院
        case court
    }

    public var code: String
    public var name: String
    public var kind: Kind
    /// The agency's time zone, an IANA name: times are shown, and calendar rules (days, months, deadlines)
    /// computed, in it. Absent from logs created before it was recorded, which mean ``defaultZone``.
    public var zone: String?
    /// The language people read the ledger in when they choose none themselves (no `--lang`, no locale): a
    /// language code, `zh` or `en`. Absent from logs created before it was recorded, which mean `zh`. The
    /// library only keeps it; the interface that words things decides what it understands.
    public var defaultLanguage: String?

    /// China Standard Time, for agencies that chose none.
    public static let defaultZone = "Asia/Shanghai"

    /// China Standard Time; UTC+8 itself if the system lacks the time-zone database.
    public static var defaultTimeZone: TimeZone {
        TimeZone(identifier: defaultZone) ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt
    }

    /// The agency's zone; UTC+8 itself if the system lacks the time-zone database.
    public var timeZone: TimeZone {
        zone.flatMap { TimeZone(identifier: $0) } ?? Self.defaultTimeZone
    }

    /// The Gregorian calendar in the agency's zone: for rules that count days or months (a deadline, the
    /// one-month rule), so that a day is the agency's day, not UTC's.
    public var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// - Throws: ``LedgerError`` (`invalidInput`) for a code or name that cannot be used, an unknown time
    ///   zone (`agency-zone-unknown`), or a default language that is not a language code
    ///   (`agency-language-invalid`: two or three lower-case ASCII letters).
    public init(code: String, name: String, kind: Kind, zone: String? = nil, defaultLanguage: String? = nil) throws {
        // The code becomes part of ids and of the log's origin: keep it to letters, digits and '-'.
        guard !code.isEmpty, code.count <= 32,
            code.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" })
        else {
            throw LedgerError(.invalidInput, .agencyCodeInvalid(code))
        }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 200, !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw LedgerError(.invalidInput, .agencyNameInvalid)
        }
        if let zone, TimeZone(identifier: zone) == nil { throw LedgerError(.invalidInput, .agencyZoneUnknown(zone)) }
        if let defaultLanguage,
            !(2...3).contains(defaultLanguage.unicodeScalars.count)
                || !defaultLanguage.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) })
        {
            throw LedgerError(.invalidInput, .agencyLanguageInvalid(defaultLanguage))
        }
        self.code = code
        self.name = trimmed
        self.kind = kind
        self.zone = zone
        self.defaultLanguage = defaultLanguage
    }
}
