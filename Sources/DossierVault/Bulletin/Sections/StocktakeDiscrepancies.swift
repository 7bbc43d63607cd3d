public import LedgerPresentation
public import PropertyLedger

/// What the day's stocktakes found out of place (IAPE standard 21): objects recorded at the location but not
/// seen (missing), objects seen there but recorded elsewhere (misplaced), and chips bound to nothing
/// (unknown), one row each, with the round's location, time and clerk.
public struct StocktakeDiscrepancies: BulletinSection {
    public init() {}

    public var id: String { "stocktake-discrepancies" }
    public var title: Wording { Catalogue.bulletin.stocktakeDiscrepancies }

    public func rows(in context: BulletinContext, from snapshot: borrowing StoreSnapshot) throws -> [BulletinRow] {
        let words = Catalogue.bulletin
        let findings = Catalogue.stocktake
        var rows: [BulletinRow] = []
        for (index, entry) in context.notableEntries {
            guard case .stocktakeRecorded(let stocktake) = entry.event else { continue }
            var common = [BulletinFact("stocktakeLocation", words.stocktakeLocation, try context.place(stocktake.location, in: snapshot))]
            if let date = entry.date { common.append(BulletinFact("at", words.at, .time(date))) }
            if let actor = entry.actor { common.append(BulletinFact("by", words.by, context.person(actor))) }
            common.append(BulletinFact("entry", words.entry, .entry(index)))

            func objectRow(_ id: String, finding: String, _ wording: Wording, action: BulletinAction) throws -> BulletinRow {
                let found = try snapshot.custody.object(id)
                var facts = [BulletinFact("finding", words.finding, .term(code: finding, wording: wording))] + common
                if finding == "misplaced", let recorded = found?.location ?? found?.checkedOutFrom {
                    facts.append(BulletinFact("recordedLocation", words.recordedLocation, try context.place(recorded, in: snapshot)))
                }
                let caseNumber = found?.caseNumber
                return BulletinRow(
                    object: found.map(BulletinObject.init) ?? BulletinObject(id: id), caseNumber: caseNumber,
                    unit: try caseNumber.flatMap { try context.unit(ofCase: $0, in: snapshot) }, action: action, facts: facts)
            }
            for id in stocktake.missing {
                rows.append(
                    try objectRow(
                        id, finding: "missing", findings.missing,
                        action: BulletinAction(code: "locate-missing", wording: words.locateMissing)))
            }
            for id in stocktake.misplaced {
                rows.append(
                    try objectRow(
                        id, finding: "misplaced", findings.misplaced,
                        action: BulletinAction(code: "put-back-misplaced", wording: words.putBackMisplaced)))
            }
            for uid in stocktake.unknown {
                let facts = [
                    BulletinFact("finding", words.finding, .term(code: "unknown", wording: findings.unknown)),
                    BulletinFact("chip", words.chip, .text(uid)),
                ]
                rows.append(
                    BulletinRow(
                        subject: uid, caseNumber: nil, unit: nil,
                        action: BulletinAction(code: "identify-chip", wording: words.identifyChip),
                        facts: facts + common))
            }
        }
        return rows
    }
}
