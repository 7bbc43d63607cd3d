public import Foundation

/// A time as a person typed it, checked but not yet read in a zone.
///
/// A command line is parsed before any store is opened, but a local time (`2026-12-20 12:00`, a bare date)
/// means the agency's zone, which only the store knows. So the text is checked when it is typed (a bad time
/// is refused before anything touches a store) and becomes an instant when the command runs, with
/// ``date(in:)`` and the store's ``Agency/timeZone``. A time with an offset (`…+08:00`, `…Z`) means the same
/// instant in every zone.
///
/// Accepted, after Unicode NFKC normalisation (full-width digits from a Chinese IME) and trimming:
/// - ISO 8601 with an offset: `2026-12-20T12:00:00+08:00`, `…Z`, `…+0800`, `…+08`, with optional
///   fractional seconds (`12:00:00.250`); `T` or a single space between date and time;
/// - a local date and time without an offset: `2026-12-20T12:00`, `2026-12-20 12:00:00`;
/// - a bare date, meaning the end of that day (23:59:59), so that "due on the 20th" includes it.
///
/// Refused: anything else, and impossible values (30 February, hour 24, minute or second 60, offsets beyond
/// ±14:00, years outside 1990–2100). Context rules (a due time too far ahead, a seizure in the future) are
/// the custody rules' business.
public struct TypedTime: Sendable, Hashable {
    /// What was typed, as typed.
    public let text: String
    /// The wall-clock time typed: seconds since 1970-01-01 00:00 on that wall clock.
    private let local: Int
    private let fraction: Double
    /// The offset typed, in seconds east of UTC; nil for a local time or a bare date.
    public let offset: Int?
    /// Whether only a date was typed (it means the end of that day).
    public let isDate: Bool

    /// Checks `text`.
    ///
    /// - Throws: ``LedgerError`` with code ``LedgerError/Code/invalidInput`` and a `time-…` reason naming the
    ///   problem (``Reason/inputReasons``); its wording shows the accepted forms.
    public init(_ text: String) throws {
        self.text = text
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
        guard (1...CivilCalendar.daysIn(month: month, year: year)).contains(day) else {
            throw refuse("no-such-day", ["day": String(day), "month": "\(year)-\(CivilCalendar.twoDigits(month))"])
        }
        let days = CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
        if scanner.isAtEnd {
            local = days * 86_400 + 86_399
            fraction = 0
            offset = nil
            isDate = true
            return
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
        let offset: Int?
        if scanner.isAtEnd {
            offset = nil
        } else if scanner.skip("Z") || scanner.skip("z") {
            offset = 0
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
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard scanner.isAtEnd else { throw refuse("junk-at-end", ["rest": scanner.rest]) }
        self.local = days * 86_400 + hour * 3600 + minute * 60 + second
        self.fraction = fraction
        self.offset = offset
        isDate = false
    }

    /// The instant meant, a local time or a bare date read in `zone` (the store's ``Agency/timeZone``); a
    /// time typed with an offset is the same instant whatever `zone` is.
    ///
    /// A local time that a change to daylight saving time skips (02:30 on the morning clocks go from 02:00 to
    /// 03:00) is read with the offset before the change; one that occurs twice, with the earlier offset.
    public func date(in zone: TimeZone) -> Date {
        let seconds = local - (offset ?? CivilCalendar.offset(of: zone, atLocal: local))
        return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
    }
}

/// The proleptic Gregorian calendar by hand: `Calendar` rolls impossible dates over (30 February becomes
/// 2 March), and a parser must refuse them instead.
enum CivilCalendar {
    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 (after Howard Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The offset of `zone` at the wall-clock time `local` (seconds since 1970-01-01 00:00 on that clock).
    ///
    /// A wall-clock time that occurs twice (when clocks go back) gets the earlier instant's offset; one that
    /// never occurs (skipped when clocks go forward) gets the offset from before the change, so it reads as
    /// that much later (02:30 on a night that skips from 02:00 to 03:00 is 03:30).
    static func offset(of zone: TimeZone, atLocal local: Int) -> Int {
        let offset = { (instant: Int) in zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))) }
        // Zones change their offset a few times a year at most: the offsets a day either side are the candidates.
        let before = offset(local - 86_400)
        let valid = [before, offset(local), offset(local + 86_400)].filter { offset(local - $0) == $0 }
        return valid.max() ?? before
    }

    /// The instant the wall clock of `zone` shows `local`.
    static func instant(atLocal local: Int, in zone: TimeZone) -> Date {
        Date(timeIntervalSince1970: TimeInterval(local - offset(of: zone, atLocal: local)))
    }

    /// The day `date` falls on in `zone`, as days from 1970-01-01.
    static func day(of date: Date, in zone: TimeZone) -> Int {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
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
