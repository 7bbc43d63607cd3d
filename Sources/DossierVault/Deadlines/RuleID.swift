/// The rules DossierVault applies, by their permanent ids (written into policy entries and into the moves a
/// rule requires).
public enum RuleID: String, Sendable, Hashable, Codable, CaseIterable {
    /// A dossier of an unsolved criminal case, or of an unsolved administrative property-crime case, is in
    /// central storage once a calendar month has passed without substantive progress (洪泽).
    case centralStorage = "central-storage"
    /// An item is checked in within 24 hours of its seizure (超期未入库).
    case intake
    /// A check-out is returned by its due time, or extended (延期).
    case checkoutDue = "checkout-due"
    /// Property unrelated to the case is returned to its owner within 3 days.
    case releaseUnrelated = "release-unrelated"
    /// The colour grades of every deadline (青羊): not a deadline of its own, only its thresholds.
    case grades
    /// Smart cabinets (智能柜): how long an approval to take from a cabinet lasts, the two-person rule (滨州),
    /// how many agreeing inventory rounds a change needs, when an unfinished door session is given up. Not a
    /// deadline of its own either.
    case cabinet
}
