public import LedgerPresentation

extension RuleID {
    /// The rule's short name in the bulletin's counts and rows.
    public var bulletinName: Wording {
        let words = Catalogue.bulletin
        return switch self {
        case .centralStorage: words.centralStorageRule
        case .intake: words.intakeRule
        case .checkoutDue: words.checkoutDueRule
        case .releaseUnrelated: words.releaseUnrelatedRule
        case .grades: words.gradesRule
        case .cabinet: words.cabinetRule
        }
    }

    /// The rules that set deadlines (every rule but the grades' thresholds and the cabinets' parameters), in the
    /// order the counts list them.
    public static var deadlineRules: [RuleID] { allCases.filter { $0 != .grades && $0 != .cabinet } }
}
