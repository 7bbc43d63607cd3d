/// Free text a module writes into its entries (a reason, a note), checked as the custody core checks its own:
/// trimmed, 1–`limit` characters, no invisible or control characters, and no resident ID or mobile numbers (the
/// log is permanent).
public enum FreeText {
    /// `text` trimmed, or the refusal: `text-empty`, `text-too-long`, `invisible-character` (invalid input) or
    /// `personal-number` (refused), naming `field` (a field id the catalogue words, e.g. `reason`).
    public static func checked(_ text: String, field: String, limit: Int = 500) throws -> String {
        try FieldRules.text(text, field, limit: limit)
    }
}
