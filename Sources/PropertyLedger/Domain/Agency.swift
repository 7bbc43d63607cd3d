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

    /// China Standard Time, for agencies that chose none.
    public static let defaultZone = "Asia/Shanghai"

    /// The agency's zone; UTC+8 itself if the system lacks the time-zone database.
    public var timeZone: TimeZone {
        TimeZone(identifier: zone ?? Self.defaultZone) ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt
    }

    public init(code: String, name: String, kind: Kind, zone: String? = nil) throws {
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
        self.code = code
        self.name = trimmed
        self.kind = kind
        self.zone = zone
    }
}
