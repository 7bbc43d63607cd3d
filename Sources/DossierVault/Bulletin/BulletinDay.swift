public import Foundation
public import LedgerPresentation
import PropertyLedger

/// A calendar day in the agency's zone, the day a bulletin reports on: `2026-12-01`.
public struct BulletinDay: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The day `year`-`month`-`day`; nil when there is no such day.
    public init?(year: Int, month: Int, day: Int) {
        guard Timestamp.startOfDay(year: year, month: month, day: day, in: .gmt) != nil else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `date` falls on in `zone`.
    public init(containing date: Date, in zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = calendar.dateComponents([.year, .month, .day], from: date)
        year = components.year ?? 0
        month = components.month ?? 0
        day = components.day ?? 0
    }

    /// The day a time typed by a person falls on (`--date`): a bare date (`2026-12-01`) is that day, any
    /// other form the strict time parser accepts is the day it falls on in `zone`.
    ///
    /// - Throws: ``LedgerError`` (`invalidInput`) with the parser's `time-…` reason.
    public init(parsing text: String, in zone: TimeZone) throws {
        self.init(containing: try Timestamp.parse(text, zone: zone), in: zone)
    }

    /// From its first second up to, not including, the next day's first second, in `zone` (23 or 25 hours
    /// long across a change to or from daylight saving time).
    public func interval(in zone: TimeZone) -> DateInterval {
        let start = Timestamp.startOfDay(year: year, month: month, day: day, in: zone) ?? .distantPast
        let end = Timestamp.endOfDay(after: start, in: zone).addingTimeInterval(1)
        return DateInterval(start: start, end: end)
    }

    /// `2026-12-01`.
    public var description: String {
        String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }

    public static func < (lhs: BulletinDay, rhs: BulletinDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension BulletinDay {
    /// The day as people read it: `2026年12月1日`, `2026-12-01`.
    public func text(in language: Language) -> String {
        let two = { (value: Int) in language == .en && value < 10 ? "0\(value)" : String(value) }
        return Catalogue.bulletin.dayValue.text(in: language, ["year": String(year), "month": two(month), "day": two(day)])
    }
}
