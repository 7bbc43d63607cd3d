/// An error response's `error`: a reason id, a message in the cabinet's language, and the reason's arguments.
public struct CabinetFailure: Sendable, Hashable {
    /// The reason id, e.g. `cabinet-line-not-json`.
    public var reason: String
    public var message: String?
    public var arguments: [String: JSONValue]

    init?(_ value: JSONValue) {
        guard let reason = value["reason"]?.stringValue else { return nil }
        self.reason = reason
        message = value["message"]?.stringValue
        arguments = value["args"]?.objectValue ?? [:]
    }
}
