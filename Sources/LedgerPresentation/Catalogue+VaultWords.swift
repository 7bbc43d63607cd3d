extension Catalogue {
    /// The sections wording the DossierVault commands (`due`, `policy`, `dossier sweep`, `item unrelated`,
    /// `bulletin --out`, the cabinets' commands) and the deadlines `show` and `scan` print.
    static var vaultWordSections: [any CatalogueSection] {
        [deadlines, due, policy, sweep, itemUnrelated, bulletinFile, cabinets, cabinetRun, transferWords]
    }
}
