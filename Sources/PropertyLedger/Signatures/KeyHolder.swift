/// Whose an enrolled key is: an officer's, by badge, or a device's (a cabinet's adapter, the scheduler).
///
/// Written in the key projection and in key-possession proofs as `officer:000123` or `cabinet:CAB-01`.
public enum KeyHolder: Sendable, Hashable, CustomStringConvertible {
    case officer(String)
    case device(Device)

    public var description: String {
        switch self {
        case .officer(let badge): "officer:\(badge)"
        case .device(let device): "\(device.kind.rawValue):\(device.id)"
        }
    }

    /// The holder `text` names (``description``); nil for anything else.
    public init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let kind = String(text[..<colon])
        let id = String(text[text.index(after: colon)...])
        guard !id.isEmpty else { return nil }
        if kind == "officer" {
            self = .officer(id)
        } else if let device = Device.Kind(rawValue: kind) {
            self = .device(Device(device, id: id))
        } else {
            return nil
        }
    }

    /// Who must sign an entry with this actor and device: the device when one caused it, else the officer.
    static func signer(actor: String?, device: Device?) -> KeyHolder? {
        if let device { return .device(device) }
        return actor.map(KeyHolder.officer)
    }
}
