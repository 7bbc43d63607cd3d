public import LedgerPresentation
public import PropertyLedger

/// Check-outs past their due time and not extended: who holds each (by name), since when, how long overdue,
/// and where it was taken from — the register's "overdue: report and file an extension".
public struct OverdueCheckouts: BulletinSection {
    public init() {}

    public var id: String { "overdue-checkouts" }
    public var title: Wording { Catalogue.bulletin.overdueCheckouts }

    public func rows(in context: BulletinContext, from snapshot: borrowing StoreSnapshot) throws -> [BulletinRow] {
        let words = Catalogue.bulletin
        return try context.deadlines.filter { $0.rule == .checkoutDue && $0.grade == .red }.byUrgency().map { deadline in
            let object = try context.custodyObject(deadline.object, in: snapshot)
            var facts: [BulletinFact] = []
            if let holder = deadline.holder ?? object?.holder { facts.append(BulletinFact("holder", words.holder, context.person(holder))) }
            facts += [
                BulletinFact("checkedOutAt", words.checkedOutAt, .time(deadline.since)),
                BulletinFact("due", words.due, .time(deadline.due)),
                context.timing(of: deadline),
            ]
            if let from = deadline.location ?? object?.checkedOutFrom {
                facts.append(BulletinFact("takenFrom", words.takenFrom, try context.place(from, in: snapshot)))
            }
            return try BulletinRow(deadline, facts: facts, in: context, from: snapshot)
        }
    }
}
