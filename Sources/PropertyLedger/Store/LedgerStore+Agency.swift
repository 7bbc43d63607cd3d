import Foundation

extension LedgerStore {
    /// The default language the store's agency recorded at creation (``Agency/defaultLanguage``), peeked at
    /// without opening the store: what an interface needs before it has even parsed its command line.
    ///
    /// Cheap and silent: one read-only query, no migration, no checkpoint check, nothing written. Nil when the
    /// file is missing, is not a store, cannot be read, or recorded no default language (a log from before it
    /// was recorded, which means Chinese).
    public static func recordedDefaultLanguage(at paths: StorePaths) -> String? {
        peek(StoreCreation.defaultLanguageKey, at: paths)
    }

    /// The agency's time zone as the store recorded it (an IANA name), peeked at the same way: for wording
    /// the times in an error before, or without, opening the store. Nil as for the language.
    public static func recordedZone(at paths: StorePaths) -> String? {
        peek("agency.zone", at: paths)
    }

    private static func peek(_ key: String, at paths: StorePaths) -> String? {
        guard FileManager.default.fileExists(atPath: paths.database),
            let database = try? Database(path: paths.database, readOnly: true),
            (try? database.queryInt("PRAGMA application_id")) == Schema.applicationID
        else { return nil }
        return try? database.firstRow("SELECT value FROM log_meta WHERE key = ?", key) { $0.text(0) }
    }
}
