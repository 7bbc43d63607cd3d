/// Which fields of which entries a correction may change, and what each changes in the projections.
///
/// Identities and custody moves are never "corrected": a wrong check-in is undone by a move, a wrong
/// badge by adding the right officer. Free-text and measured fields are.
enum Correctable {
    enum Target: Equatable {
        case officerName(String)
        case officerUnit(String)
        case locationName(String)
        case caseTitle(String)
        /// A field of an item's or dossier's registration; `isNumber` for integer fields, `isName` when the
        /// field is the object's display name.
        case objectDetail(id: String, field: String, isNumber: Bool, isName: Bool)
        /// A field shown in history only (a return's condition, a note).
        case historyOnly
    }

    /// The correctable fields per entry type.
    static let fields: [String: Set<String>] = [
        "officer.added": ["name", "unit"],
        "location.added": ["name"],
        "case.opened": ["title"],
        "case.progressed": ["note"],
        "item.registered": ["name", "quantity", "unit", "weight", "features", "source"],
        "dossier.registered": ["title", "volume", "volumes", "pages"],
        "custody.checked-out": ["note"],
        "custody.returned": ["condition"],
        "custody.moved": ["reason"],
        "custody.disposed": ["note", "recipient"],
    ]

    static let integerFields: Set<String> = ["volume", "volumes", "pages"]

    static func target(of correction: Corrected) -> Target? {
        guard fields[correction.correctedType]?.contains(correction.field) == true else { return nil }
        switch (correction.correctedType, correction.field) {
        case ("officer.added", "name"): return .officerName(correction.subject)
        case ("officer.added", "unit"): return .officerUnit(correction.subject)
        case ("location.added", "name"): return .locationName(correction.subject)
        case ("case.opened", "title"): return .caseTitle(correction.subject)
        case ("item.registered", let field), ("dossier.registered", let field):
            return .objectDetail(
                id: correction.subject, field: field, isNumber: integerFields.contains(field),
                isName: field == "name" || field == "title")
        default: return .historyOnly
        }
    }
}
