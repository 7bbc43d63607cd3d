public import LedgerPresentation
public import PropertyLedger

/// Items not checked in within the intake limit of their seizure (超期未入库), the alert deployed property
/// systems raise: the intake deadlines that are red.
public struct ItemsNotStoredInTime: BulletinSection {
    public init() {}

    public var id: String { "not-stored-in-time" }
    public var title: Wording { Catalogue.bulletin.notStoredInTime }

    public func rows(in context: BulletinContext, from snapshot: borrowing StoreSnapshot) throws -> [BulletinRow] {
        let words = Catalogue.bulletin
        return try context.deadlines.filter { $0.rule == .intake && $0.grade == .red }.byUrgency().map { deadline in
            var facts = [
                BulletinFact("seizedAt", words.seizedAt, .time(deadline.since)), BulletinFact("due", words.due, .time(deadline.due)),
                context.timing(of: deadline),
            ]
            if let holder = deadline.holder { facts.append(BulletinFact("holder", words.holder, context.person(holder))) }
            return try BulletinRow(deadline, facts: facts, in: context, from: snapshot)
        }
    }
}
