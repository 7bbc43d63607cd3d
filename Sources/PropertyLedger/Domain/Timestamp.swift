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
