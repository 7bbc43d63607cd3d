/// What the cabinet's identification module read: an officer's badge number, or a police IC card's UID.
public enum CabinetCredential: Sendable, Hashable {
    case badge(String)
    case card(String)

    /// The protocol's credential object: `{"badge": B}` or `{"card": UID}`.
    public var json: JSONValue {
        switch self {
        case .badge(let badge): ["badge": .string(badge)]
        case .card(let uid): ["card": .string(uid)]
        }
    }
}
