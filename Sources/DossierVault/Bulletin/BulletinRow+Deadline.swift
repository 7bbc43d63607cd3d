public import PropertyLedger

extension BulletinRow {
    /// A row for `deadline`: its grade, object, case, unit, rule and action, and `facts`.
    public init(_ deadline: Deadline, facts: [BulletinFact], in context: BulletinContext, from snapshot: borrowing StoreSnapshot) throws {
        self.init(
            grade: deadline.grade, object: try context.object(deadline.object, in: snapshot), caseNumber: deadline.caseNumber,
            unit: deadline.unit, rule: deadline.rule, action: BulletinAction(deadline.action), facts: facts)
    }
}

extension [Deadline] {
    /// Most urgent first: by grade, then the earliest due, then by object id (a stable order for equal times).
    func byUrgency() -> [Deadline] {
        sorted { ($0.grade, $0.due, $0.object, $0.rule.rawValue) < ($1.grade, $1.due, $1.object, $1.rule.rawValue) }
    }
}
