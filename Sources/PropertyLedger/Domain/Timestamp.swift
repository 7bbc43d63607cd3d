public import Foundation

/// Timestamps in entries: ISO 8601 in UTC with seconds, so they compare correctly as text.
///
/// People type and read times in the agency's zone (China Standard Time); entries and JSON keep UTC. Every
/// time argument goes through ``parse(_:zone:)`` and every time shown to a person through ``display(_:zone:)``.
public enum Timestamp {
    public static func string(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
    }

    /// What a time typed without an offset means: China Standard Time, UTC+8, no daylight saving. (An
    /// agency's own zone, ``Agency/timeZone``, is used for showing times; parsing in it is still to come.)
    public static let agencyZone = TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt

    /// Parses a time typed by a person, strictly: nothing is rounded, rolled over or ignored.
    ///
    /// Accepted, after Unicode NFKC normalisation (full-width digits from a Chinese IME) and trimming:
    /// - ISO 8601 with an offset: `2026-12-20T12:00:00+08:00`, `…Z`, `…+0800`, `…+08`, with optional
    ///   fractional seconds (`12:00:00.250`); `T` or a single space between date and time;
    /// - a local date and time without an offset, meaning `zone`: `2026-12-20T12:00`, `2026-12-20 12:00:00`;
    /// - a bare date, meaning the end of that day in `zone` (23:59:59), so that "due on the 20th" includes it.
    ///
    /// Refused: anything else, and impossible values (30 February, hour 24, minute or second 60, offsets
    /// beyond ±14:00, years outside 1990–2100). Context rules (a due time too far ahead, a seizure in the
    /// future) are the custody rules' business.
    ///
    /// - Throws: ``LedgerError`` with code ``LedgerError/Code/invalidInput`` and a `time-…` reason naming the
    ///   problem (``Reason/inputReasons``); its wording shows the accepted forms.
    public static func parse(_ text: String, zone: TimeZone = agencyZone) throws -> Date {
        let normalized = text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        var scanner = TimeScanner(Array(normalized.unicodeScalars))
        func refuse(_ problem: String, _ details: [String: String] = [:]) -> LedgerError {
            LedgerError(.invalidInput, .timeInvalid(text, problem, details))
        }
        guard !normalized.isEmpty else { throw refuse("empty") }
        guard let year = scanner.digits(4), scanner.skip("-"), let month = scanner.digits(2), scanner.skip("-"),
            let day = scanner.digits(2)
        else { throw refuse("no-date") }
        guard (1990...2100).contains(year) else { throw refuse("year-out-of-range", ["year": String(year)]) }
        guard (1...12).contains(month) else { throw refuse("no-such-month", ["month": String(month)]) }
        guard (1...daysIn(month: month, year: year)).contains(day) else {
            throw refuse("no-such-day", ["day": String(day), "month": "\(year)-\(twoDigits(month))"])
        }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        if scanner.isAtEnd {
            let local = days * 86_400 + 86_399
            return Date(timeIntervalSince1970: TimeInterval(local - offset(of: zone, atLocal: local)))
        }
        guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") else {
            throw refuse("no-separator")
        }
        guard let hour = scanner.digits(2), scanner.skip(":"), let minute = scanner.digits(2) else {
            throw refuse("no-clock")
        }
        var second = 0
        var fraction = 0.0
        if scanner.skip(":") {
            guard let value = scanner.digits(2) else { throw refuse("no-seconds") }
            second = value
            if scanner.skip(".") || scanner.skip(",") {
                guard let (value, count) = scanner.run(max: 9) else { throw refuse("no-fraction") }
                fraction = Double(value) / pow(10, Double(count))
            }
        }
        guard hour <= 23 else { throw refuse("no-such-hour", ["hour": String(hour)]) }
        guard minute <= 59 else { throw refuse("no-such-minute", ["minute": String(minute)]) }
        guard second <= 59 else { throw refuse("no-such-second", ["second": String(second)]) }
        let local = days * 86_400 + hour * 3600 + minute * 60 + second
        let offsetSeconds: Int
        if scanner.isAtEnd {
            offsetSeconds = offset(of: zone, atLocal: local)
        } else if scanner.skip("Z") || scanner.skip("z") {
            offsetSeconds = 0
        } else {
            let sign: Int
            if scanner.skip("+") {
                sign = 1
            } else if scanner.skip("-") {
                sign = -1
            } else {
                throw refuse("junk-after-time", ["rest": scanner.rest])
            }
            guard let hours = scanner.digits(2) else { throw refuse("no-offset") }
            var minutes = 0
            if scanner.skip(":") {
                guard let value = scanner.digits(2) else { throw refuse("no-offset-minutes") }
                minutes = value
            } else if let value = scanner.digits(2) {
                minutes = value
            }
            guard minutes <= 59, hours * 60 + minutes <= 14 * 60 else { throw refuse("offset-out-of-range") }
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        }
        guard scanner.isAtEnd else { throw refuse("junk-at-end", ["rest": scanner.rest]) }
        return Date(timeIntervalSince1970: TimeInterval(local - offsetSeconds) + fraction)
    }

    /// A time as entries store it (``string(_:)``), or nil when the text is not one.
    public static func storedDate(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }

    /// Parses a time argument; nil when ``parse(_:zone:)`` refuses it.
    public static func date(_ text: String) -> Date? { try? parse(text) }

    /// The calendar year in the agency's zone, for ids.
    static func year(of date: Date, in zone: TimeZone) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.component(.year, from: date)
    }

    // MARK: Calendar arithmetic, proleptic Gregorian (no Calendar: it rolls impossible dates over)

    private static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 (after Howard Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The offset of `zone` at the local time `local` (seconds since the epoch, read as wall-clock time).
    private static func offset(of zone: TimeZone, atLocal local: Int) -> Int {
        let guess = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - guess)))
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// Reads a time's characters one by one, ASCII digits only (NFKC has already turned full-width ones into them).
private struct TimeScanner {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var isAtEnd: Bool { position == scalars.count }

    var rest: String { String(String.UnicodeScalarView(scalars[position...])) }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard position < scalars.count, scalars[position] == character else { return false }
        position += 1
        return true
    }

    /// Exactly `count` ASCII digits, or nil (and nothing consumed).
    mutating func digits(_ count: Int) -> Int? {
        guard position + count <= scalars.count else { return nil }
        var value = 0
        for scalar in scalars[position..<position + count] {
            guard ("0"..."9").contains(scalar) else { return nil }
            value = value * 10 + Int(scalar.value - 48)
        }
        position += count
        return value
    }

    /// One to `max` ASCII digits: their value and how many there were.
    mutating func run(max: Int) -> (value: Int, count: Int)? {
        var value = 0
        var count = 0
        while position < scalars.count, count < max, ("0"..."9").contains(scalars[position]) {
            value = value * 10 + Int(scalars[position].value - 48)
            count += 1
            position += 1
        }
        return count == 0 ? nil : (value, count)
    }
}
