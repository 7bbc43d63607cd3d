/// The declaration of one reason: its id and the names of its arguments, so a catalogue can be checked to
/// have wording for every reason, with exactly these placeholders.
public struct ReasonSpec: Sendable, Hashable {
    public let id: String
    public let arguments: Set<String>

    public init(_ id: String, _ arguments: String...) {
        self.init(id, arguments: Set(arguments))
    }

    public init(_ id: String, arguments: Set<String>) {
        self.id = id
        self.arguments = arguments
    }

    /// Whether `reason` has this spec's id and exactly its arguments.
    public func matches(_ reason: Reason) -> Bool {
        guard reason.id == id else { return false }
        let names = Set(reason.arguments.keys)
        // A reason that wraps another (`writes-blocked`) carries its cause's arguments beside `cause`.
        return arguments.contains("cause") ? arguments.isSubset(of: names) : names == arguments
    }
}
