extension Bulletin {
    /// The sections every bulletin has, in the order it shows them. A new section (cabinet findings,
    /// transfer discrepancies) is one type conforming to ``BulletinSection`` and one line here.
    public static let standardSections: [any BulletinSection] = [
        RedAndOrangeDeadlines(),
        ItemsNotStoredInTime(),
        DossiersDueForCentralStorage(),
        OverdueCheckouts(),
        StocktakeDiscrepancies(),
        CorrectionsOfTheDay(),
        CabinetFindings(),
    ]
}
