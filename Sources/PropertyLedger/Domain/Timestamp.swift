public import Foundation

/// Timestamps in entries: ISO 8601 in UTC with seconds, so they compare correctly as text.
///
/// People type and read times in the agency's zone (``Agency/timeZone``, China Standard Time unless the agency
/// chose another); entries and JSON keep UTC. Every time argument is checked as a ``TypedTime`` and read in the
/// store's zone; every time shown to a person is worded in that zone by the presentation layer.
public enum Timestamp {
    public static func string(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
    }

    /// Parses a time typed by a person, strictly (``TypedTime``), reading a local time or a bare date in `zone`.
    ///
    /// There is no default zone: what a local time means depends on the agency (``Agency/timeZone``).
    ///
    /// - Throws: ``LedgerError`` with code ``LedgerError/Code/invalidInput`` and a `time-…` reason naming the
    ///   problem (``Reason/inputReasons``); its wording shows the accepted forms.
    public static func parse(_ text: String, zone: TimeZone) throws -> Date {
        try TypedTime(text).date(in: zone)
    }

    /// A time as entries store it (``string(_:)``), or nil when the text is not one.
    public static func storedDate(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }

    // MARK: Calendar days in a zone

    /// The last second (23:59:59) of the day `days` calendar days after the day `date` falls on in `zone`.
    ///
    /// Days are counted on the wall calendar, not in 86,400-second steps: across a change to or from daylight
    /// saving time the result is still 23:59:59 on the right day.
    public static func endOfDay(_ days: Int = 0, after date: Date, in zone: TimeZone) -> Date {
        CivilCalendar.instant(atLocal: (CivilCalendar.day(of: date, in: zone) + days) * 86_400 + 86_399, in: zone)
    }

    /// The first second (00:00:00) of the day `year`-`month`-`day` in `zone`; nil when there is no such day.
    public static func startOfDay(year: Int, month: Int, day: Int, in zone: TimeZone) -> Date? {
        guard (1...12).contains(month), (1...CivilCalendar.daysIn(month: month, year: year)).contains(day) else { return nil }
        return CivilCalendar.instant(atLocal: CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) * 86_400, in: zone)
    }
}
