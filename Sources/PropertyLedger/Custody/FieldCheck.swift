/// How the value of one field of an entry is checked. The same check runs when the entry is written and
/// when a correction changes the field later, so a correction can never record what the registration would
/// have refused.
struct FieldCheck {
    enum Kind {
        /// Free text of 1–`limit` characters (``FieldRules/text(_:_:limit:)``).
        case text(limit: Int)
        /// Free text that may be left out.
        case optionalText(limit: Int)
        /// A ``Quantity`` in its canonical form.
        case quantity
        /// A whole number of at least 1 (volumes, pages).
        case count
    }

    /// The field's id in reasons (the `field` argument), worded by the catalogue.
    let label: String
    let kind: Kind

    /// The checks per entry type and field: every field a user types free text or a number into.
    static let byType: [String: [String: FieldCheck]] = [
        "officer.added": ["name": .init("name", .text(limit: 50)), "unit": .init("unit", .optionalText(limit: 100))],
        "location.added": ["name": .init("location-name", .text(limit: 100))],
        "case.opened": ["title": .init("case-title", .text(limit: 200)), "unit": .init("unit", .optionalText(limit: 100))],
        "case.progressed": ["note": .init("progress-note", .text(limit: 500))],
        "item.registered": [
            "name": .init("item-name", .text(limit: 200)), "quantity": .init("quantity", .quantity),
            "unit": .init("unit", .text(limit: 20)), "weight": .init("weight", .optionalText(limit: 50)),
            "features": .init("features", .optionalText(limit: 500)), "source": .init("source", .optionalText(limit: 500)),
        ],
        "dossier.registered": [
            "title": .init("title", .optionalText(limit: 500)), "volume": .init("volume", .count),
            "volumes": .init("volumes", .count), "pages": .init("pages", .count),
        ],
        "custody.checked-out": ["note": .init("note", .optionalText(limit: 500))],
        "custody.checkout-extended": ["reason": .init("reason", .text(limit: 500))],
        "custody.returned": ["condition": .init("condition", .text(limit: 200))],
        "custody.moved": ["reason": .init("reason", .optionalText(limit: 500))],
        "custody.disposed": ["note": .init("note", .optionalText(limit: 500)), "recipient": .init("recipient", .optionalText(limit: 100))],
    ]

    private init(_ label: String, _ kind: Kind) {
        self.label = label
        self.kind = kind
    }

    /// The check of `field` in entries of `type`; every field listed in ``byType`` has one.
    static func of(_ field: String, in type: String) -> FieldCheck {
        guard let check = byType[type]?[field] else { preconditionFailure("no field check for \(type) \(field)") }
        return check
    }

    /// The checked value as it is written, or nil for optional text left out.
    func value(_ typed: String?) throws -> String? {
        switch kind {
        case .text(let limit): return try FieldRules.text(typed ?? "", label, limit: limit)
        case .optionalText(let limit): return try FieldRules.optionalText(typed, label, limit: limit)
        case .quantity: return try Quantity.canonical(typed ?? "")
        case .count: return String(try FieldRules.positiveInteger(typed ?? "", label))
        }
    }

    /// The checked value of a field that is always present.
    func value(_ typed: String) throws -> String {
        guard let value = try value(Optional(typed)) else {
            throw LedgerError(.invalidInput, .fieldEmpty(label))
        }
        return value
    }
}
