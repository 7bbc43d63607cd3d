/// Units of time, as durations are worded (`3 天`, `3 days`).
public struct TimeWords: CatalogueSection {
    public let days = Wording(zh: "{count} 天", en: "{count} days")
    public let oneDay = Wording(zh: "1 天", en: "1 day")
    public let hours = Wording(zh: "{count} 小时", en: "{count} hours")
    public let oneHour = Wording(zh: "1 小时", en: "1 hour")
    public let minutes = Wording(zh: "{count} 分钟", en: "{count} minutes")
    public let oneMinute = Wording(zh: "1 分钟", en: "1 minute")
}

extension Catalogue {
    public static let time = TimeWords()
}
