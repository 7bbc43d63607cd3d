/// A parameter as `ledger policy show` lists it: the value in force, the default, and the change that set it.
public struct PolicyParameterState: Sendable, Hashable {
    public let parameter: PolicyParameter
    /// The value in force at the instant asked about.
    public let value: PolicyValue
    /// The default for the agency's kind.
    public let defaultValue: PolicyValue
    /// The change that set the value in force; nil while the default holds.
    public let setBy: PolicyChange?
    /// Every change of the parameter recorded so far, in log order (also those after the instant asked about).
    public let changes: [PolicyChange]

    public init(parameter: PolicyParameter, value: PolicyValue, defaultValue: PolicyValue, setBy: PolicyChange?, changes: [PolicyChange]) {
        self.parameter = parameter
        self.value = value
        self.defaultValue = defaultValue
        self.setBy = setBy
        self.changes = changes
    }
}
