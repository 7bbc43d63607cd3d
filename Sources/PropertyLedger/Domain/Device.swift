/// A device that caused an entry — a smart cabinet, the ledger's own scheduler — named in the entry beside the
/// officer it identified (`actor`), never in the officer's place.
///
/// Written as the optional `device` field of an entry: `{"id":"CAB-01","kind":"cabinet"}`.
public struct Device: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A smart cabinet (智能柜), by its location code.
        case cabinet
        /// The ledger's own scheduled jobs (the daily sweep), by the job's name.
        case scheduler
    }

    public var kind: Kind
    /// The cabinet's location code, or the job's name.
    public var id: String

    public init(_ kind: Kind, id: String) {
        self.kind = kind
        self.id = id
    }
}
