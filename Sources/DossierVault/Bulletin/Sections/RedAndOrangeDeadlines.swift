public import LedgerPresentation
public import PropertyLedger

/// Every deadline that is red (passed) or orange (a day or less left), whatever its rule: the "red card"
/// list of 青羊's colour grades, the first thing a supervisor reads.
public struct RedAndOrangeDeadlines: BulletinSection {
    public init() {}

    public var id: String { "red-orange-deadlines" }
    public var title: Wording { Catalogue.bulletin.redAndOrangeDeadlines }

    public func rows(in context: BulletinContext, from snapshot: borrowing StoreSnapshot) throws -> [BulletinRow] {
        let words = Catalogue.bulletin
        return try context.deadlines.filter { $0.grade == .red || $0.grade == .orange }.byUrgency().map { deadline in
            var facts = [
                BulletinFact("rule", words.ruleLabel, .term(code: deadline.rule.rawValue, wording: deadline.rule.bulletinName)),
                BulletinFact("due", words.due, .time(deadline.due)), context.timing(of: deadline),
            ]
            if let location = deadline.location {
                facts.append(BulletinFact("location", words.location, try context.place(location, in: snapshot)))
            }
            if let holder = deadline.holder { facts.append(BulletinFact("holder", words.holder, context.person(holder))) }
            return try BulletinRow(deadline, facts: facts, in: context, from: snapshot)
        }
    }
}
