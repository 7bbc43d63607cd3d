public import PropertyLedger

/// The wording of every reason the libraries and the command line give, in Chinese and English, compiled in,
/// and the sections of the interface's own words.
///
/// Bundled `.strings` do not work for a command-line tool on Linux (SwiftPM lowercases `zh-Hans.lproj`, and
/// `Bundle.module` answers in English whatever the locale), so the texts are Swift values. A test checks that
/// every declared reason (``specs``) has both texts and that their placeholders are exactly its arguments.
///
/// A placeholder whose argument has a table in ``terms`` shows the term's wording for the value (a role, a
/// field, an action), which may hold placeholders of its own; one listed in ``lists`` holds several values,
/// comma-separated, each worded by its term table.
public enum Catalogue {
    /// The wording of each reason id: the libraries' areas, then the command line's (``arguments``, ``tool``).
    public static let reasons: [String: Wording] = areas.reduce(into: ["message": .init(zh: "{text}", en: "{text}")]) {
        $0.merge($1) { first, _ in first }
    }

    /// The reasons' wording by area, in the order they are merged.
    static var areas: [[String: Wording]] {
        [custody, input, store, log, crypto, audit, signatures, reader, vault, cabinet, transfers, labelling, arguments, tool]
    }

    /// Every section of the interface's own words (headings, status words, each command's output), for the
    /// completeness test; a section not listed here is not checked.
    public static var sections: [any CatalogueSection] {
        [
            time, help, errors, verify, stocktake, checkpoint, prove, rebuild, backup, readers, createdStore, chipBind, scanLoop, bulletin,
            labels,
        ]
            + custodyWordSections + vaultWordSections
    }

    /// Every reason declared: PropertyLedger's, ChipReader's and DossierVault's, the command-line parser's and the
    /// `ledger` tool's.
    public static var specs: [ReasonSpec] {
        Reason.libraryReasons + Reason.readerReasons + Reason.vaultReasons + Reason.cabinetReasons + Reason.transferReasons
            + Reason.labelReasons
            + Reason.argumentReasons
            + Reason.toolReasons
    }

    /// Arguments that hold a stored time (ISO 8601 UTC), shown in the agency's zone when it is known.
    public static let timeArguments: Set<String> = ["due", "latest", "current", "seizedAt", "recordedAt", "expires"]

    /// Arguments holding several comma-separated values: the term table each value is worded by, and how
    /// they are joined.
    public static let lists: [String: (term: String, separator: Wording)] = [
        "roles": ("role-name", Wording(zh: "或", en: " or ")),
        // The values a choice allows, as they must be typed (no term table words them).
        "allowed": ("allowed", Wording(zh: "、", en: ", ")),
    ]
}

/// `reason` in `language`: its wording with every placeholder filled. An id without wording shows as its
/// debug form (`some-reason(arg: value)`), so a reason the catalogue lacks is still seen, never lost.
public func render(_ reason: Reason, in language: Language, times: TimeFormat? = nil) -> String {
    guard let wording = Catalogue.reasons[reason.id] else { return reason.description }
    var arguments = reason.arguments
    // Stored times (UTC) read as the agency's people read them, when its zone is known.
    if let times {
        for name in Catalogue.timeArguments {
            if let value = arguments[name] { arguments[name] = times.string(stored: value) }
        }
    }
    if let cause = arguments["cause"] {
        // A reason that wraps another (`writes-blocked`, `restore-refused`): the cause's own arguments travel
        // beside its id.
        arguments["cause"] = render(Reason(cause, arguments.filter { $0.key != "cause" }), in: language)
    }
    return fill(wording.text(in: language), with: arguments, in: language)
}

/// `template` with each `{name}` replaced by its argument, worded through the term tables; a placeholder
/// without an argument stays as it is.
func fill(_ template: String, with arguments: [String: String], in language: Language) -> String {
    var result = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
        result += rest[..<open]
        let name = String(rest[rest.index(after: open)..<close])
        if let value = arguments[name] {
            result += worded(value, argument: name, arguments: arguments, in: language)
        } else {
            result += rest[open...close]
        }
        rest = rest[rest.index(after: close)...]
    }
    return result + rest
}

private func worded(_ value: String, argument: String, arguments: [String: String], in language: Language) -> String {
    if let list = Catalogue.lists[argument] {
        return value.split(separator: ",").map { term(String($0), table: list.term, arguments, language) }
            .joined(separator: list.separator.text(in: language))
    }
    return term(value, table: argument, arguments, language)
}

private func term(_ value: String, table: String, _ arguments: [String: String], _ language: Language) -> String {
    guard let wording = Catalogue.terms[table]?[value] else { return value }
    // Term wordings may use the reason's other arguments (`in storage at {location}`), never terms again.
    return fill(wording.text(in: language), with: arguments.filter { Catalogue.terms[$0.key] == nil }, in: language)
}
