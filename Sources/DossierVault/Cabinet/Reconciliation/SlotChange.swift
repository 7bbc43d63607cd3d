/// A tag no longer in the slot the ledger believes it in.
public struct SlotChange: Sendable, Hashable, Codable {
    /// The slot the ledger believes the tag is in.
    public var from: String
    /// The slot the rounds place it in; nil when they agree it has left `from` but not well enough on where it
    /// went.
    public var to: String?

    public init(from: String, to: String?) {
        self.from = from
        self.to = to
    }
}
