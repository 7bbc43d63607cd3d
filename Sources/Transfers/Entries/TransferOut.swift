public import PropertyLedger

/// The entry `transfer.out`, one per object of a transfer the sender creates: the object goes to the peer
/// `to` (its origin) under transfer `transfer`, with its whole record as it stands (registration, seizure,
/// chip, storage location), so the receiver registers it without re-keying anything. Until the transfer is
/// closed by the receiver's receipt the object stays in the sender's custody and may be neither checked out nor
/// moved nor disposed of.
public struct TransferOut: EntryPayload, Codable, Equatable {
    public static let type = "transfer.out"

    public let transfer: String
    public let object: String
    /// The receiving log's origin.
    public let to: String
    public let mode: TransferMode
    /// The object as the sender's projections hold it when the transfer is created.
    public let record: CustodyObject
}

/// The entry `transfer.manifest`, after a transfer's `transfer.out` entries: the transfer as a whole — to whom,
/// for which case, how, and exactly which objects, by id in ascending order, with the index of each object's
/// `transfer.out`. The bundle proves this entry and every `transfer.out` it lists against one signed checkpoint.
public struct TransferManifest: EntryPayload, Codable, Hashable {
    public static let type = "transfer.manifest"

    public let transfer: String
    /// The peer's local name and origin.
    public let peer: String
    public let to: String
    /// This log's origin.
    public let from: String
    public let `case`: String
    public let mode: TransferMode
    public let objects: [String]
    /// The index of each object's `transfer.out`, in the order of ``objects``.
    public let entries: [Int64]
}
