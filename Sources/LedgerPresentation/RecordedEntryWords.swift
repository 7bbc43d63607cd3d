/// What a command that writes one entry says: the entry's index and kind in words, and the object or person it
/// is about; with `--dry-run`, what it would record.
public struct RecordedEntryWords: CatalogueSection {
    public let recorded = Wording(zh: "已记录第 {index} 条：{event} {subject}", en: "Recorded entry #{index}: {event} {subject}")
    public let wouldRecord = Wording(
        zh: "试运行（未写入）：将记录为第 {index} 条：{event} {subject}", en: "Would record entry #{index}: {event} {subject}")
    public let registered = Wording(zh: "已登记 {id}（第 {index} 条记录）", en: "Registered {id} (entry #{index})")
    public let wouldRegister = Wording(zh: "试运行（未写入）：将登记 {id}（第 {index} 条记录）", en: "Would register {id} (entry #{index})")
    /// After a check-out: its due time as the clerk means it, so a wrong zone shows at once.
    public let due = Wording(zh: "，应于 {due} 前归还", en: ", due {due}")
}

extension Catalogue {
    public static let recordedEntry = RecordedEntryWords()
}
