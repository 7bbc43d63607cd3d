/// How much agreement the ``Reconciler`` asks of inventory rounds before it believes a change.
///
/// The defaults suit cabinets of 1 to 500 tags whose reader misses up to 30% of the tags in a round and reads
/// neighbouring slots' tags now and then:
/// - `agreeingRounds` 2: the rule (policy `cabinet.agreeing-rounds`). One round, however clear, is never
///   enough: a single stray read, or a single round that missed a tag, must not change custody.
/// - `confidence` 1e-6: a change is believed only when noise would produce it less than once in a million sessions
///   — a removal at a 30% miss rate then takes about a dozen rounds (0.3¹² ≈ 5 × 10⁻⁷), at 10% about six. Because
///   the bound holds per change, a session of `n` tags risks at most about `n` × 1e-6 of one false change; and a
///   false removal becomes a custody entry only for an object the officer was allowed to take, else a finding.
/// - `maxRounds` 30: in seeded sessions of 100–300 tags at a 30% miss rate, with half the tags also read by the
///   next slot's antenna, the last tag was decided after a median 14 and at most 27 rounds, and none of 100 sessions
///   ended unverifiable; with 20, 3 of 40 did although nothing was wrong (a tag read more often by its neighbour's
///   antenna than by its own takes long to tell). What 30 rounds leave undecided — an emptied cabinet with nothing
///   to check the reader against, a tag read often and then long missed — more rounds rarely decide, and the
///   session is for a person to look at.
public struct ReconcileParameters: Sendable, Hashable {
    /// How many consecutive complete rounds must agree on a change before it can count.
    public let agreeingRounds: Int
    /// How many complete rounds the adapter is asked for at most; still undecided after that many, the session is
    /// ``Reconciliation/unverifiable(undecided:)``.
    public let maxRounds: Int
    /// The largest chance, per change, that what the rounds show is noise: a change whose chance of being noise
    /// is not below this does not count yet.
    public let confidence: Double

    /// - Parameters:
    ///   - agreeingRounds: At least 2. Raise it where tags outside the cabinet are read in consecutive rounds.
    ///   - maxRounds: At least `agreeingRounds`.
    ///   - confidence: Between 0 and 1, exclusive.
    public init(agreeingRounds: Int = 2, maxRounds: Int = 30, confidence: Double = 1e-6) {
        precondition(agreeingRounds >= 2, "a change needs at least two agreeing rounds")
        precondition(maxRounds >= agreeingRounds, "maxRounds below agreeingRounds would never settle")
        precondition(confidence > 0 && confidence < 1, "confidence is a probability strictly between 0 and 1")
        self.agreeingRounds = agreeingRounds
        self.maxRounds = maxRounds
        self.confidence = confidence
    }
}
