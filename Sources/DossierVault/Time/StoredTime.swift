import Foundation
import PropertyLedger

/// Times as entries and projections store them (`2026-11-23T13:45:35Z`), read without Foundation's ISO 8601
/// parser on the fast path: the deadline report reads thousands of them.
enum StoredTime {
    /// The instant `text` names; nil when it is not a stored time.
    static func date(_ text: String) -> Date? {
        if case let date?? = text.utf8.withContiguousStorageIfAvailable(fixedForm) { return date }
        return Timestamp.storedDate(text)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` exactly, or nil.
    private static func fixedForm(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A, bytes[16] == 0x3A,
            bytes[19] == 0x5A
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 0x30
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
            let minute = number(14..<16), let second = number(17..<19), (1...12).contains(month),
            (1...CalendarMonths.daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let days = era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second))
    }
}
