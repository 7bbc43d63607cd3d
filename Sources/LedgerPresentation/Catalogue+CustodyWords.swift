extension Catalogue {
    /// The sections wording custody things and the commands that show them (`show`, `where`, `history`,
    /// `list`, `case show`, `officer list`, `location list`, `scan`, what a write records).
    static var custodyWordSections: [any CatalogueSection] {
        [
            custodyTerms, eventNames, eventSummaries, objects, show, history, list, caseShow, officerList, locationList,
            recordedEntry, scan, officerKeys,
        ]
    }
}
