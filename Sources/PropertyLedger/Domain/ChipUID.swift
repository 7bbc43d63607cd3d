/// Chip UIDs: upper-case hex, as read with `FF CA 00 00 00`.
enum ChipUID {
    /// Accepts hex with optional spaces, colons or dashes, full-width forms included (NFKC); 4 to 10 bytes.
    static func normalize(_ text: String) throws -> String {
        let cleaned = try FieldRules.reference(text, "chip-uid")
        let hex = cleaned.filter { !" :-".contains($0) }.uppercased()
        guard hex.count % 2 == 0, (8...20).contains(hex.count), hex.allSatisfy({ $0.isASCII && $0.isHexDigit }) else {
            throw LedgerError(.invalidInput, .chipUIDInvalid(cleaned))
        }
        return hex
    }
}
