/// How much agreement the ``Reconciler`` asks of inventory rounds before it believes a change.
///
/// The defaults are chosen for cabinets of 1 to 500 tags read with a miss rate of up to 30% (see ``init(agreeingRounds:maxRounds:confidence:)``).
public struct ReconcileParameters: Sendable, Hashable {
    /// How many consecutive complete rounds must agree on a change before it can count (policy
    /// `cabinet.agreeing-rounds`, at least 2): a single round, however clear, never changes custody.
    public let agreeingRounds: Int
    /// How many complete rounds the adapter is asked for at most; still undecided after that many, the session is
    /// ``Reconciliation/unverifiable(undecided:)``.
    public let maxRounds: Int
    /// The largest chance, per change, that what the rounds show is noise of a reader that has not changed: a change
    /// whose chance of being noise is not below this does not count yet.
    public let confidence: Double

    /// - Parameters:
    ///   - agreeingRounds: At least 2. Two guard against a single spurious read of a tag passing the cabinet and
    ///     against a single round that missed a tag; raise it where tags outside the cabinet are read persistently.
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
