/// Which deadlines a report asks for; every condition given must hold (`ledger due --unit --grade --rule`).
public struct DeadlineFilter: Sendable, Hashable {
    /// Only deadlines of cases of this handling unit.
    public var unit: String?
    /// Only deadlines of these grades.
    public var grades: Set<Grade>?
    /// Only deadlines under these rules.
    public var rules: Set<RuleID>?

    public init(unit: String? = nil, grades: Set<Grade>? = nil, rules: Set<RuleID>? = nil) {
        self.unit = unit
        self.grades = grades
        self.rules = rules
    }

    /// Whether deadlines under `rule` are asked for.
    func includes(_ rule: RuleID) -> Bool { rules?.contains(rule) ?? true }
}
