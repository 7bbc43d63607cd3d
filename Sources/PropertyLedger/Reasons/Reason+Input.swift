/// Reasons for refusing a typed value: identifiers, free text, quantities, chip UIDs, times, the agency.
///
/// `field` is the field's id (`badge`, `location-code`, `case-number`, `item-name`, `note`, …), worded by the
/// catalogue; `text`, `value`, `quantity` and `uid` are what was typed, after normalization.
extension Reason {
    static func fieldEmpty(_ field: String) -> Reason { Reason("field-empty", ["field": field]) }
    static func identifierInvalid(_ field: String, value: String) -> Reason {
        Reason("identifier-invalid", ["field": field, "value": value])
    }
    static func textEmpty(_ field: String, limit: Int) -> Reason { Reason("text-empty", ["field": field, "limit": String(limit)]) }
    static func textTooLong(_ field: String, count: Int, limit: Int) -> Reason {
        Reason("text-too-long", ["field": field, "count": String(count), "limit": String(limit)])
    }
    static func countInvalid(_ field: String, value: String) -> Reason { Reason("count-invalid", ["field": field, "value": value]) }
    static func invisibleCharacter(_ field: String, character: String) -> Reason {
        Reason("invisible-character", ["field": field, "character": character])
    }
    /// `number` is `resident-id` or `mobile`; the number itself is never repeated.
    static func personalNumber(_ field: String, _ kind: PersonalNumber) -> Reason {
        Reason("personal-number", ["field": field, "number": kind == .mobile ? "mobile" : "resident-id"])
    }
    /// `problem` is one of `empty`, `not-decimal`, `half-number`, `too-precise`, `too-large`, `not-positive`.
    static func quantityInvalid(_ quantity: String, problem: String) -> Reason { Reason("quantity-\(problem)", ["quantity": quantity]) }
    static func quantityGrouped(_ quantity: String, suggestion: String) -> Reason {
        Reason("quantity-grouped", ["quantity": quantity, "suggestion": suggestion])
    }
    static func photoDigestInvalid(_ digest: String) -> Reason { Reason("photo-digest-invalid", ["digest": digest]) }
    static func chipUIDInvalid(_ uid: String) -> Reason { Reason("chip-uid-invalid", ["uid": uid]) }
    /// A time that ``Timestamp/parse(_:zone:)`` refuses: `time-<problem>`, with `text` as typed.
    static func timeInvalid(_ text: String, _ problem: String, _ details: [String: String]) -> Reason {
        Reason("time-\(problem)", details.merging(["text": text]) { a, _ in a })
    }
    static func agencyCodeInvalid(_ code: String) -> Reason { Reason("agency-code-invalid", ["code": code]) }
    static let agencyNameInvalid = Reason("agency-name-invalid")
    static func agencyZoneUnknown(_ zone: String) -> Reason { Reason("agency-zone-unknown", ["zone": zone]) }
    static func agencyLanguageInvalid(_ language: String) -> Reason { Reason("agency-language-invalid", ["language": language]) }

    /// The reasons for refusing typed values.
    public static let inputReasons: [ReasonSpec] =
        [
            .init("field-empty", "field"), .init("identifier-invalid", "field", "value"), .init("text-empty", "field", "limit"),
            .init("text-too-long", "field", "count", "limit"), .init("count-invalid", "field", "value"),
            .init("invisible-character", "field", "character"), .init("personal-number", "field", "number"),
            .init("quantity-grouped", "quantity", "suggestion"), .init("chip-uid-invalid", "uid"),
            .init("photo-digest-invalid", "digest"), .init("agency-code-invalid", "code"), .init("agency-name-invalid"),
            .init("agency-zone-unknown", "zone"), .init("agency-language-invalid", "language"),
        ]
        + ["empty", "not-decimal", "half-number", "too-precise", "too-large", "not-positive"].map { .init("quantity-\($0)", "quantity") }
        + [
            .init("time-empty", "text"), .init("time-no-date", "text"), .init("time-year-out-of-range", "text", "year"),
            .init("time-no-such-month", "text", "month"), .init("time-no-such-day", "text", "day", "month"),
            .init("time-no-separator", "text"), .init("time-no-clock", "text"), .init("time-no-seconds", "text"),
            .init("time-no-fraction", "text"), .init("time-no-such-hour", "text", "hour"),
            .init("time-no-such-minute", "text", "minute"), .init("time-no-such-second", "text", "second"),
            .init("time-junk-after-time", "text", "rest"), .init("time-no-offset", "text"),
            .init("time-no-offset-minutes", "text"), .init("time-offset-out-of-range", "text"),
            .init("time-junk-at-end", "text", "rest"),
        ]
}
