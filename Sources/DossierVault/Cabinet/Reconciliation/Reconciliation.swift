/// What a sequence of inventory rounds says, as far as the ``Reconciler`` is willing to believe it.
public enum Reconciliation: Sendable, Hashable {
    /// Every tag is accounted for: the changes in the settlement are believed, everything else is as the ledger
    /// believes it.
    case settled(Settlement)
    /// Not yet sure: ask the adapter for another complete round. `undecided` lists the tags in question, sorted
    /// (empty when only an incomplete last round stands in the way).
    case needsAnotherRound(undecided: [String])
    /// ``ReconcileParameters/maxRounds`` complete rounds and still not sure about `undecided` (sorted): nothing is
    /// believed, and the session is for a person to look at.
    case unverifiable(undecided: [String])
}
