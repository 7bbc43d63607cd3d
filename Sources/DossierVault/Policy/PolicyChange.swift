public import Foundation

/// One change of a parameter, as the log records it (a ``PolicySet`` entry): what, to what, who, when, why.
public struct PolicyChange: Sendable, Hashable {
    /// The entry's index in the log.
    public let index: Int64
    public let parameter: PolicyParameter
    public let value: PolicyValue
    /// The supervisor's badge.
    public let actor: String
    /// When it was recorded: it applies from then on.
    public let at: Date
    public let reason: String

    public init(index: Int64, parameter: PolicyParameter, value: PolicyValue, actor: String, at: Date, reason: String) {
        self.index = index
        self.parameter = parameter
        self.value = value
        self.actor = actor
        self.at = at
        self.reason = reason
    }
}
