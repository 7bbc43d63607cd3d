/// An item's quantity: a positive decimal written in one canonical form, so equal amounts are equal text
/// and no rounding ever changes one.
///
/// The canonical form is ASCII digits with at most one `.` and at most three decimals, no sign, exponent or
/// separators, no leading zeros (`0.5`, not `00.5`), no trailing zeros after the point (`2.5`, not `2.50`;
/// `1`, not `1.0`), greater than 0 and at most 999999999.999. What maps onto it without doubt is normalized:
/// surrounding spaces, full-width digits and points (NFKC), leading and trailing zeros. Anything else (`1,000`,
/// `1e9`, `.5`, `-1`, `abc`) is refused, saying which form is expected.
enum Quantity {
    /// The canonical form of `text`, or a refusal that says what to write.
    static func canonical(_ text: String) throws -> String {
        let typed = try FieldRules.reference(text, "quantity")
        func refuse(_ problem: String) -> LedgerError {
            LedgerError(.invalidInput, .quantityInvalid(typed, problem: problem))
        }
        guard !typed.isEmpty else { throw refuse("empty") }
        if typed.contains(","), let withoutCommas = thousandsGrouped(typed) {
            throw LedgerError(.invalidInput, .quantityGrouped(typed, suggestion: withoutCommas))
        }
        let parts = typed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            throw refuse("not-decimal")
        }
        guard !parts[0].isEmpty, parts.count == 1 || !parts[1].isEmpty else {
            throw refuse("half-number")
        }
        var whole = String(parts[0].drop { $0 == "0" })
        if whole.isEmpty { whole = "0" }
        let fraction = parts.count == 2 ? String(parts[1].reversed().drop { $0 == "0" }.reversed()) : ""
        guard fraction.count <= 3 else { throw refuse("too-precise") }
        guard whole.count <= 9 else { throw refuse("too-large") }
        guard whole != "0" || !fraction.isEmpty else { throw refuse("not-positive") }
        return fraction.isEmpty ? whole : "\(whole).\(fraction)"
    }

    /// `1,000` or `12,345.5` without the commas, when the commas group thousands exactly; else nil.
    private static func thousandsGrouped(_ text: String) -> String? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count >= 2, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }),
            groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return groups.joined() + (parts.count == 2 ? "." + parts[1] : "")
    }
}
