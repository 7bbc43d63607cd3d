/// Why the simulated cabinet could not do what it was asked (the channel's own errors are
/// ``CabinetChannelError``).
public enum SimulatedCabinetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The ledger's response line is not a JSON object.
    case responseNotJSON(String)
    /// The response's `id` is not the request's.
    case responseIDMismatch(sent: JSONValue, received: JSONValue?)
    /// A tag cannot be taken or put while the door is closed.
    case doorClosed
    case tagNotInside(String)
    case tagAlreadyInside(String)
    case unknownSlot(String)

    public var description: String {
        switch self {
        case .responseNotJSON(let line): "the response is not a JSON object: \(line)"
        case .responseIDMismatch(let sent, let received):
            "the response's id \(received.map { $0.jsonText } ?? "(none)") is not the request's \(sent.jsonText)"
        case .doorClosed: "the door is closed"
        case .tagNotInside(let uid): "tag \(uid) is not in the cabinet"
        case .tagAlreadyInside(let uid): "tag \(uid) is already in the cabinet"
        case .unknownSlot(let slot): "the cabinet has no slot \(slot)"
        }
    }
}
