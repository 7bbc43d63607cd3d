/// One inventory round: every tag the cabinet's reader saw in one pass over its antennas (protocol v1
/// `inventory`).
///
/// Only a round the adapter marks `complete` counts as evidence: an interrupted pass (the reader timed out, an
/// antenna was skipped) says nothing about the tags it did not report.
public struct InventoryRound: Sendable, Hashable, Codable {
    /// The adapter's number for the round. A complete round whose number was already counted is a
    /// retransmission and counts once.
    public var round: Int
    /// Whether the reader finished the pass over all its antennas.
    public var complete: Bool
    /// The reads, in any order, repeats included.
    public var tags: [TagRead]

    public init(round: Int, complete: Bool, tags: [TagRead]) {
        self.round = round
        self.complete = complete
        self.tags = tags
    }
}
