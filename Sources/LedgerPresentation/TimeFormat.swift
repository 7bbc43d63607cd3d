public import Foundation
import PropertyLedger

/// Times as people read them: in the agency's zone, worded for the chosen language — zh `2026年12月1日 12:00`,
/// en `2026-12-01 12:00 (UTC+8)`; seconds only when they are not zero (a bare-date due time is 23:59:59).
///
/// Stored times stay UTC (entries, JSON); this only words them. Months and days are written without leading
/// zeros in Chinese, as Chinese official style does.
public struct TimeFormat: Sendable {
    public let zone: TimeZone
    public let language: Language

    public init(zone: TimeZone, language: Language) {
        self.zone = zone
        self.language = language
    }

    public func string(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let (year, month, day) = (c.year ?? 0, c.month ?? 0, c.day ?? 0)
        let clock =
            Self.twoDigits(c.hour ?? 0) + ":" + Self.twoDigits(c.minute ?? 0) + (c.second == 0 ? "" : ":" + Self.twoDigits(c.second ?? 0))
        switch language {
        case .zh: return "\(year)年\(month)月\(day)日 \(clock)"
        case .en:
            return "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day)) \(clock) (\(Self.offsetLabel(zone.secondsFromGMT(for: date))))"
        }
    }

    /// The day of `date` in the agency's zone, without the time: zh `2026年12月1日`, en `2026-12-01` (labels).
    public func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        let (year, month, day) = (c.year ?? 0, c.month ?? 0, c.day ?? 0)
        switch language {
        case .zh: return "\(year)年\(month)月\(day)日"
        case .en: return "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day))"
        }
    }

    /// ``day(_:)`` of a stored time; text that is not one is shown as it is.
    public func day(stored: String) -> String {
        Timestamp.storedDate(stored).map(day) ?? stored
    }

    /// A time as entries store it (ISO 8601 UTC); text that is not one is shown as it is, so a damaged value
    /// is never hidden.
    public func string(stored: String) -> String {
        Timestamp.storedDate(stored).map(string) ?? stored
    }

    /// `date` for machines (JSON): ISO 8601 in the agency's zone with its offset, `2026-12-01T12:00:00+08:00`
    /// (whatever the language). The instant is the same as the stored UTC time; only the reading differs.
    public static func iso8601(_ date: Date, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = zone.secondsFromGMT(for: date)
        let minutes = abs(offset) / 60
        return String(c.year ?? 0) + "-" + twoDigits(c.month ?? 0) + "-" + twoDigits(c.day ?? 0) + "T" + twoDigits(c.hour ?? 0) + ":"
            + twoDigits(c.minute ?? 0) + ":" + twoDigits(c.second ?? 0) + (offset < 0 ? "-" : "+") + twoDigits(minutes / 60) + ":"
            + twoDigits(minutes % 60)
    }

    /// ``iso8601(_:zone:)`` in this format's zone.
    public func iso8601(_ date: Date) -> String { Self.iso8601(date, zone: zone) }

    /// A stored time (ISO 8601 UTC) for JSON, in the agency's zone with its offset; text that is not a stored
    /// time is passed on as it is.
    public func iso8601(stored: String) -> String {
        Timestamp.storedDate(stored).map(iso8601) ?? stored
    }

    /// `UTC+8`, `UTC-3:30`, `UTC`.
    static func offsetLabel(_ seconds: Int) -> String {
        guard seconds != 0 else { return "UTC" }
        let minutes = abs(seconds) / 60
        return "UTC" + (seconds < 0 ? "-" : "+") + String(minutes / 60) + (minutes % 60 == 0 ? "" : ":" + twoDigits(minutes % 60))
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
