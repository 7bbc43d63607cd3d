/// How many rows a bulletin (or one unit of it) has, per section, and how many red and orange deadlines,
/// per rule: the figures 桓台's and 渭滨's bulletins give per unit.
public struct BulletinCounts: Sendable, Hashable {
    /// Red and orange deadlines.
    public struct Grades: Sendable, Hashable {
        public var red = 0
        public var orange = 0

        public init(red: Int = 0, orange: Int = 0) {
            self.red = red
            self.orange = orange
        }
    }

    /// Rows per section id (every section, zero included). A deadline can be a row of several sections
    /// (a red intake deadline is also an item not stored in time).
    public var rowsBySection: [String: Int] = [:]
    /// Red and orange deadlines per rule (every rule that sets deadlines, zero included).
    public var deadlinesByRule: [RuleID: Grades] = [:]

    public init(rowsBySection: [String: Int] = [:], deadlinesByRule: [RuleID: Grades] = [:]) {
        self.rowsBySection = rowsBySection
        self.deadlinesByRule = deadlinesByRule
    }

    /// Every row, over all sections.
    public var rows: Int { rowsBySection.values.reduce(0, +) }
    /// Red and orange deadlines over all rules.
    public var deadlines: Grades {
        deadlinesByRule.values.reduce(into: Grades()) {
            $0.red += $1.red
            $0.orange += $1.orange
        }
    }

    /// These counts and `other`'s, added.
    public func adding(_ other: BulletinCounts) -> BulletinCounts {
        BulletinCounts(
            rowsBySection: rowsBySection.merging(other.rowsBySection, uniquingKeysWith: +),
            deadlinesByRule: deadlinesByRule.merging(other.deadlinesByRule) { Grades(red: $0.red + $1.red, orange: $0.orange + $1.orange) })
    }
}
