/// One problem a bulletin reports: the object (or, for what is no object, the subject: a chip UID, a badge,
/// a location), its case and handling unit, its grade and rule when a deadline is behind it, what to do,
/// and the facts that explain it.
public struct BulletinRow: Sendable, Hashable {
    public var grade: Grade?
    public var object: BulletinObject?
    /// What the row is about when it is not an object.
    public var subject: String?
    public var caseNumber: String?
    /// The case's handling unit; nil groups the row under "unit unknown".
    public var unit: String?
    public var rule: RuleID?
    public var action: BulletinAction
    public var facts: [BulletinFact]

    public init(
        grade: Grade? = nil, object: BulletinObject? = nil, subject: String? = nil, caseNumber: String?, unit: String?,
        rule: RuleID? = nil, action: BulletinAction, facts: [BulletinFact]
    ) {
        self.grade = grade
        self.object = object
        self.subject = subject
        self.caseNumber = caseNumber
        self.unit = unit
        self.rule = rule
        self.action = action
        self.facts = facts
    }
}
