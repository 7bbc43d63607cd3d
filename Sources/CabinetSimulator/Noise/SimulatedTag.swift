/// A tag physically in the simulated cabinet: its UID, and the slot it lies in.
public struct SimulatedTag: Sendable, Hashable {
    /// The UID as the reader reports it (any case: the ledger normalises).
    public var uid: String
    /// The slot's code, one of the cabinet's slots.
    public var slot: String

    public init(uid: String, slot: String) {
        self.uid = uid
        self.slot = slot
    }
}
