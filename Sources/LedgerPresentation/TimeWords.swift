/// Units of time, as durations are worded (`3 天`, `3 days`).
public struct TimeWords: CatalogueSection {
    public let days = Wording(zh: "{count} 天", en: "{count} days")
    public let oneDay = Wording(zh: "1 天", en: "1 day")
    public let hours = Wording(zh: "{count} 小时", en: "{count} hours")
    public let oneHour = Wording(zh: "1 小时", en: "1 hour")
    public let minutes = Wording(zh: "{count} 分钟", en: "{count} minutes")
    public let oneMinute = Wording(zh: "1 分钟", en: "1 minute")
    public let lessThanOneMinute = Wording(zh: "不到 1 分钟", en: "less than a minute")
}

extension Catalogue {
    public static let time = TimeWords()
}

extension TimeWords {
    /// `seconds` (its magnitude) in its two largest units, rounded down: `3 天 9 小时`, `5 hours 20 minutes`,
    /// `12 minutes`, `1 day` — enough to act on, never a false precision.
    public func duration(seconds: Int, in language: Language) -> String {
        let total = abs(seconds) / 60
        let (day, hour, minute) = (total / 1440, total % 1440 / 60, total % 60)
        let parts: [String]
        if day > 0 {
            parts =
                [days.text(count: day, one: oneDay, in: language)] + (hour > 0 ? [hours.text(count: hour, one: oneHour, in: language)] : [])
        } else if hour > 0 {
            parts =
                [hours.text(count: hour, one: oneHour, in: language)]
                + (minute > 0 ? [minutes.text(count: minute, one: oneMinute, in: language)] : [])
        } else if minute > 0 {
            parts = [minutes.text(count: minute, one: oneMinute, in: language)]
        } else {
            parts = [lessThanOneMinute.text(in: language)]
        }
        return parts.joined(separator: " ")
    }
}
