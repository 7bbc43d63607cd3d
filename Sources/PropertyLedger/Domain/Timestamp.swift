public import Foundation

/// Timestamps in entries: ISO 8601 in UTC with seconds, so they compare correctly as text.
public enum Timestamp {
    public static func string(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
    }

    /// Parses ISO 8601 with a zone (`2026-12-01T12:00:00+08:00`, `…Z`) or a bare date (midnight, China time).
    public static func date(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date.ISO8601FormatStyle(timeZone: chinaStandardTime).year().month().day().parse(text) { return date }
        return nil
    }

    /// The calendar year in China Standard Time (UTC+8, no daylight saving), for ids.
    static func year(of date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = chinaStandardTime
        return calendar.component(.year, from: date)
    }

    static let chinaStandardTime = TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt
}

/// Chip UIDs: upper-case hex, as read with `FF CA 00 00 00`.
enum ChipUID {
    /// Accepts hex with optional spaces, colons or dashes; 4 to 10 bytes.
    static func normalize(_ text: String) throws -> String {
        let hex = text.filter { !" :-".contains($0) }.uppercased()
        guard hex.count % 2 == 0, (8...20).contains(hex.count), hex.allSatisfy(\.isHexDigit) else {
            throw LedgerError(.invalidInput, "chip UID \"\(text)\" must be 4–10 bytes of hex (e.g. 04A1B2C3D4E580)")
        }
        return hex
    }
}
