/// The changes a settled reconciliation believes. A tag believed inside and named nowhere here is still inside,
/// in the slot the ledger believes (or in no slot it could tell).
public struct Settlement: Sendable, Hashable, Codable {
    /// Believed inside, and not there (sorted).
    public var absent: [String]
    /// Not believed inside, and there: uid → the slot the rounds place it in, or nil when they do not agree
    /// well enough on a slot (or report none).
    public var present: [String: String?]
    /// Believed inside in a known slot, and there, but no longer in that slot.
    public var moved: [String: SlotChange]
    /// Believed inside with no known slot, and there, in a slot the rounds agree on: uid → that slot. Not a
    /// change of custody, only of what the ledger knows.
    public var located: [String: String]
    /// Not believed inside, read in some round, but too rarely to be there (a tag passing the cabinet, a
    /// neighbouring cabinet's tag); sorted, and ignored.
    public var spurious: [String]
    /// How many complete rounds the settlement rests on.
    public var rounds: Int
    /// The reader's estimated chance of missing a tag that is there in one round (Laplace's rule of succession
    /// over the tags known to be there; see ``Reconciler``).
    public var missRate: Double

    public init(
        absent: [String] = [], present: [String: String?] = [:], moved: [String: SlotChange] = [:], located: [String: String] = [:],
        spurious: [String] = [], rounds: Int, missRate: Double
    ) {
        self.absent = absent
        self.present = present
        self.moved = moved
        self.located = located
        self.spurious = spurious
        self.rounds = rounds
        self.missRate = missRate
    }
}
