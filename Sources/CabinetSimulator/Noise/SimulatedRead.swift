/// One tag read in an inventory round, as the protocol's `tags` element carries it.
public struct SimulatedRead: Sendable, Hashable {
    public var uid: String
    /// The slot of the antenna that read it.
    public var slot: String
    /// Signal strength in dBm (a tag in its own slot reads -50…-40, by the next slot's antenna -72…-60); nil
    /// when the reader does not report it.
    public var rssi: Double?
    /// The antenna: the slot's code, `#`, its number (`A1#2`).
    public var antenna: String

    public init(uid: String, slot: String, rssi: Double?, antenna: String) {
        self.uid = uid
        self.slot = slot
        self.rssi = rssi
        self.antenna = antenna
    }

    /// The `tags` element: `{"uid", "slot", "rssi"?, "antenna"}`.
    public var json: JSONValue {
        var members: [String: JSONValue] = ["uid": .string(uid), "slot": .string(slot), "antenna": .string(antenna)]
        if let rssi { members["rssi"] = .number(rssi) }
        return .object(members)
    }
}
