/// One read of one tag in one inventory round, as the cabinet's adapter reports it (protocol v1, an element of
/// `inventory.tags`).
///
/// A round may hold several reads of the same tag: by several antennas of its slot, or by the antenna of the
/// next slot with a weaker signal (串读, a neighbour read). The ``Reconciler`` counts a tag once per round.
public struct TagRead: Sendable, Hashable, Codable {
    /// The tag's UID, already normalized by the caller (upper-case hex).
    public var uid: String
    /// The code of the slot whose antenna read the tag, when the cabinet knows slots.
    public var slot: String?
    /// The received signal strength (dBm: larger is stronger), when the reader reports it.
    public var rssi: Double?
    /// The antenna that read the tag; kept for the record, not used by the reconciler.
    public var antenna: String?

    public init(uid: String, slot: String? = nil, rssi: Double? = nil, antenna: String? = nil) {
        self.uid = uid
        self.slot = slot
        self.rssi = rssi
        self.antenna = antenna
    }
}
