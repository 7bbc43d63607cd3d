import Foundation
public import LedgerPresentation
public import PropertyLedger

/// The dossiers the one-month rule (洪泽) wants in central storage by the end of the day, overdue ones
/// included, with where each is now and who holds it: the list the case management centre collects from.
public struct DossiersDueForCentralStorage: BulletinSection {
    public init() {}

    public var id: String { "due-for-central-storage" }
    public var title: Wording { Catalogue.bulletin.dueForCentralStorage }

    public func rows(in context: BulletinContext, from snapshot: borrowing StoreSnapshot) throws -> [BulletinRow] {
        let words = Catalogue.bulletin
        return try context.deadlines.filter { $0.rule == .centralStorage && $0.due < context.interval.end }.byUrgency().map { deadline in
            var facts = [
                BulletinFact("lastProgress", words.lastProgress, .time(deadline.since)),
                BulletinFact("due", words.due, .time(deadline.due)),
                context.timing(of: deadline),
            ]
            if let location = deadline.location {
                facts.append(BulletinFact("location", words.location, try context.place(location, in: snapshot)))
            }
            if let holder = deadline.holder { facts.append(BulletinFact("holder", words.holder, context.person(holder))) }
            return try BulletinRow(deadline, facts: facts, in: context, from: snapshot)
        }
    }
}
