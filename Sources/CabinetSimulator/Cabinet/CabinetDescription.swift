/// The cabinet as the ledger knows it, from the `hello` response: its code, name and slots.
public struct CabinetDescription: Sendable, Hashable {
    public struct Slot: Sendable, Hashable {
        public var code: String
        public var name: String?
    }

    public var code: String
    public var name: String?
    /// In the ledger's order.
    public var slots: [Slot]

    init?(_ value: JSONValue) {
        guard let code = value["code"]?.stringValue else { return nil }
        self.code = code
        name = value["name"]?.stringValue
        slots = (value["slots"]?.arrayValue ?? []).compactMap { slot in
            slot["code"]?.stringValue.map { Slot(code: $0, name: slot["name"]?.stringValue) }
        }
    }
}
