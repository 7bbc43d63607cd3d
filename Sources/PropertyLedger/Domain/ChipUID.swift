/// Chip UIDs: upper-case hex, as read with `FF CA 00 00 00` from HF tags, or a UHF tag's EPC as a cabinet's
/// reader reports it.
public enum ChipUID {
    /// Accepts hex with optional spaces, colons or dashes, full-width forms included (NFKC); 4 to 32 bytes (an
    /// HF tag's UID is 4, 7 or 10 bytes; a UHF tag's EPC 12 to 32).
    ///
    /// - Throws: ``LedgerError`` (`invalidInput`): `chip-uid-invalid`.
    public static func normalize(_ text: String) throws -> String {
        let cleaned = try FieldRules.reference(text, "chip-uid")
        let hex = cleaned.filter { !" :-".contains($0) }.uppercased()
        guard hex.count % 2 == 0, (8...64).contains(hex.count), hex.allSatisfy({ $0.isASCII && $0.isHexDigit }) else {
            throw LedgerError(.invalidInput, .chipUIDInvalid(cleaned))
        }
        return hex
    }
}
