public import PropertyLedger

/// What the receiver found of one object of a transfer.
public enum ObjectResult: String, Codable, Sendable, CaseIterable {
    case confirmed
    case damaged
    case missing
}

/// The entry `transfer.received`, at the receiver, once a bundle checked out: the transfer, the sender's
/// checkpoint every proof was checked against (`seen`), and for every object of the manifest what was found —
/// with the object's record as the sender's log holds it, so nothing is re-keyed. Its proof against the
/// receiver's checkpoint is the receipt the sender closes the transfer with.
public struct TransferReceived: EntryPayload, Codable, Equatable {
    public static let type = "transfer.received"

    public struct Answer: Codable, Sendable, Equatable {
        public let object: String
        public let result: ObjectResult
        public let note: String?
        public let record: CustodyObject
    }

    public let transfer: String
    public let peer: String
    /// The sender's origin.
    public let from: String
    public let `case`: String
    public let mode: TransferMode
    /// The sender's checkpoint the bundle was checked against: its size and base64 root.
    public let seenSize: Int64
    public let seenRoot: String
    /// The index of the manifest in the sender's log.
    public let manifest: Int64
    public let answers: [Answer]
    /// Chips read at the receiving desk that no object of the transfer carries (`transfer receive --scan`).
    public let extra: [String]?
}

/// The entry `transfer.closed`, at the sender, on the receiver's receipt: the transfer is over, and what the
/// receiver found of each object is on record. Objects confirmed or damaged have left this agency's custody
/// for good; missing ones are findings for a supervisor.
public struct TransferClosed: EntryPayload, Codable, Equatable {
    public static let type = "transfer.closed"

    public struct Answer: Codable, Sendable, Equatable {
        public let object: String
        public let result: ObjectResult
        public let note: String?
    }

    public let transfer: String
    public let peer: String
    /// The receiver's `transfer.received` entry and the size of the receiver's checkpoint it was proven under.
    public let receipt: Int64
    public let receiptSize: Int64
    /// The size of this log the receiver checked the bundle against, which its witness holds since: where the
    /// next bundle to it starts its consistency proof.
    public let seenSize: Int64
    public let answers: [Answer]
    /// Our checkpoint as the receiver's witness cosigned it (c2sp.org/tlog-cosignature), kept when the peer's
    /// witness key is recorded: evidence, verifiable on its own, that the receiver saw our log at that size.
    public let cosigned: String?
}
