import Foundation
public import LedgerPresentation
public import PropertyLedger

/// The smart cabinets' findings still open when the bulletin is computed, and those recorded during the day
/// even if resolved since: unauthorised removals (违规出库), unexpected deposits, unknown tags, wrong slots,
/// alarms, unreconciled sessions — each for a supervisor to review. A row belongs to the unit of the object's
/// case, else to the identified officer's own unit.
public struct CabinetFindings: BulletinSection {
    public init() {}

    public var id: String { "cabinet-findings" }
    public var title: Wording { Catalogue.bulletin.cabinetFindings }

    public func rows(in context: BulletinContext, from snapshot: borrowing StoreSnapshot) throws -> [BulletinRow] {
        let words = Catalogue.bulletin
        let findings = try CabinetTables.findings(openOnly: false, in: snapshot.tables).filter { finding in
            finding.at < context.interval.end && (finding.isOpen || context.interval.contains(finding.at))
        }
        return try findings.map { finding in
            let object = try finding.object.flatMap { try snapshot.custody.object($0) }
            let caseNumber = object?.caseNumber
            let unit =
                try caseNumber.flatMap { try context.unit(ofCase: $0, in: snapshot) } ?? finding.officer.flatMap(context.unit(ofOfficer:))
            var facts = [
                BulletinFact("kind", words.findingKind, .term(code: finding.kind.rawValue, wording: finding.kind.wording)),
                BulletinFact("finding", words.findingID, .text(finding.id)),
                BulletinFact("cabinet", words.cabinet, try context.place(finding.cabinet, in: snapshot)),
            ]
            if let slot = finding.slot { facts.append(BulletinFact("slot", words.slot, try context.place(slot, in: snapshot))) }
            if let uid = finding.uid { facts.append(BulletinFact("tag", words.tag, .text(uid))) }
            if let detail = finding.detail { facts.append(BulletinFact("detail", words.detail, .text(detail))) }
            if let officer = finding.officer { facts.append(BulletinFact("officer", words.identified, context.person(officer))) }
            facts.append(BulletinFact("at", words.at, .time(finding.at)))
            if let resolution = finding.resolution {
                facts.append(BulletinFact("resolution", words.resolvedNote, .text(resolution.note)))
                facts.append(BulletinFact("resolvedBy", words.by, context.person(resolution.by)))
            }
            facts.append(BulletinFact("entry", words.entry, .entry(finding.index)))
            return BulletinRow(
                object: finding.object.map { id in object.map(BulletinObject.init) ?? BulletinObject(id: id) },
                subject: finding.object == nil ? (finding.uid ?? finding.cabinet) : nil, caseNumber: caseNumber, unit: unit,
                action: BulletinAction(code: "review-finding", wording: words.reviewFinding), facts: facts)
        }
    }
}
