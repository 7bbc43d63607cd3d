public import LedgerPresentation
public import PropertyLedger

/// The corrections recorded during the day: what was corrected, from what to what, why and by whom. A
/// correction never erases, but it changes what the records say; the daily patrol (桓台, 渭滨) reviews each.
public struct CorrectionsOfTheDay: BulletinSection {
    public init() {}

    public var id: String { "corrections" }
    public var title: Wording { Catalogue.bulletin.corrections }

    public func rows(in context: BulletinContext, from snapshot: borrowing StoreSnapshot) throws -> [BulletinRow] {
        let words = Catalogue.bulletin
        var rows: [BulletinRow] = []
        for (index, entry) in context.notableEntries {
            guard case .corrected(let correction) = entry.event else { continue }
            let object = try correction.object.flatMap { try snapshot.custody.object($0) }
            // The case the corrected thing belongs to: the object's, or the case itself; an officer's own unit
            // when an officer's name or unit was corrected; none for a location.
            let subjectCase = try snapshot.custody.caseRecord(correction.subject)?.number
            let caseNumber = object?.caseNumber ?? subjectCase
            let unit =
                try caseNumber.flatMap { try context.unit(ofCase: $0, in: snapshot) }
                ?? (correction.correctedType == "officer.added" ? context.unit(ofOfficer: correction.subject) : nil)
            var facts = [
                BulletinFact("corrects", words.corrects, .entry(correction.corrects)),
                BulletinFact("field", words.field, .term(code: correction.field, wording: Self.fieldWording(correction))),
                BulletinFact("change", words.change, .change(old: correction.old, new: correction.new)),
                BulletinFact("reason", words.reason, .text(correction.reason)),
            ]
            if let date = entry.date { facts.append(BulletinFact("at", words.at, .time(date))) }
            if let actor = entry.actor { facts.append(BulletinFact("by", words.by, context.person(actor))) }
            facts.append(BulletinFact("entry", words.entry, .entry(index)))
            rows.append(
                BulletinRow(
                    object: correction.object.map { id in object.map(BulletinObject.init) ?? BulletinObject(id: id) },
                    subject: correction.object == nil ? correction.subject : nil, caseNumber: caseNumber, unit: unit,
                    action: BulletinAction(code: "review-correction", wording: words.reviewCorrection), facts: facts))
        }
        return rows
    }

    /// The corrected field as the reasons' `field` terms word it, told apart by the entry it belongs to (an
    /// item's name is not an officer's), as `ledger history` words it; a field without a term keeps its name.
    static func fieldWording(_ correction: Corrected) -> Wording {
        let term =
            switch (correction.correctedType, correction.field) {
            case ("item.registered", "name"): "item-name"
            case ("location.added", "name"): "location-name"
            case ("case.opened", "title"): "case-title"
            case ("case.progressed", "note"): "progress-note"
            default: correction.field
            }
        return Catalogue.terms["field"]?[term] ?? Wording(zh: correction.field, en: correction.field)
    }
}
