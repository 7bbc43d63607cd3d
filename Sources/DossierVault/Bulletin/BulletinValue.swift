public import Foundation
public import LedgerPresentation

/// A value a bulletin states, in no language: each form words it for people (times in the agency's zone,
/// people by name beside their badge, codes in words) and JSON gives it as data (times in ISO 8601 with the
/// agency's offset, durations in seconds, codes as codes).
public enum BulletinValue: Sendable, Hashable {
    /// People's words or an identifier, shown as they are.
    case text(String)
    /// A code (JSON) and its words (people): a rule, a stocktake finding, a corrected field.
    case term(code: String, wording: Wording)
    case time(Date)
    /// A length of time in seconds: how long overdue, how long left.
    case duration(TimeInterval)
    /// An officer by badge, with the name the store had for them (nil for a badge it does not know).
    case person(badge: String, name: String?)
    /// A location by code, with its name (nil for a code the store does not know).
    case place(code: String, name: String?)
    /// A log entry, by index.
    case entry(Int64)
    /// A corrected value: what it was, what it is now.
    case change(old: String, new: String)

    /// The value in words, for the text and HTML forms.
    public func text(in language: Language, zone: TimeZone) -> String {
        let words = Catalogue.bulletin
        switch self {
        case .text(let text): return text
        case .term(_, let wording): return wording.text(in: language)
        case .time(let date): return TimeFormat(zone: zone, language: language).string(date)
        case .duration(let seconds): return Self.duration(seconds, in: language)
        case .person(let badge, let name):
            return name.map { words.person.text(in: language, ["name": $0, "badge": badge]) } ?? badge
        case .place(let code, let name):
            return name.map { Catalogue.objects.namedLocation.text(in: language, ["code": code, "name": $0]) } ?? code
        case .entry(let index): return words.entryIndex.text(in: language, ["index": String(index)])
        case .change(let old, let new): return words.changeValue.text(in: language, ["old": old, "new": new])
        }
    }

    /// `3天5小时`, `3 d 5 h`; whole minutes, rounded down; days and hours from a day on, hours and minutes
    /// from an hour on.
    static func duration(_ seconds: TimeInterval, in language: Language) -> String {
        let words = Catalogue.bulletin
        let total = max(0, Int(seconds.rounded(.down))) / 60
        let (days, hours, minutes) = (total / 1440, total % 1440 / 60, total % 60)
        if days > 0 { return words.daysAndHours.text(in: language, ["days": String(days), "hours": String(hours)]) }
        if hours > 0 { return words.hoursAndMinutes.text(in: language, ["hours": String(hours), "minutes": String(minutes)]) }
        return words.minutes.text(in: language, ["minutes": String(minutes)])
    }
}
