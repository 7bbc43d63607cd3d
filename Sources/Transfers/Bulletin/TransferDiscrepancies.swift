public import DossierVault
import Foundation
public import LedgerPresentation
public import PropertyLedger

/// What a receipt said did not arrive whole: each object answered missing or damaged, on the day the answer
/// was recorded — at the receiver when it received the transfer, at the sender when it closed it — and, at the
/// sender, every missing object still unaccounted for on later days: neither handed over since nor sent again.
/// A row belongs to the unit of the object's case here.
public struct TransferDiscrepancies: BulletinSection {
    public init() {}

    public var id: String { "transfer-discrepancies" }
    public var title: Wording { Catalogue.transferWords.discrepanciesTitle }

    public func rows(in context: BulletinContext, from snapshot: borrowing StoreSnapshot) throws -> [BulletinRow] {
        let words = Catalogue.transferWords
        return try TransferTables.discrepancies(in: snapshot.tables).compactMap { found -> BulletinRow? in
            guard let answerIndex = found.transfer.closed, let answer = try snapshot.loggedEntry(at: answerIndex),
                let answered = Timestamp.storedDate(answer.at), answered < context.interval.end
            else { return nil }
            let sent = found.transfer.direction == "out"
            let stillMissing =
                try sent && found.result == .missing && snapshot.custody.object(found.object)?.status != .transferred
                && !TransferTables.sentAgain(found.object, after: found.transfer.manifest, in: snapshot.tables)
            guard context.interval.contains(answered) || stillMissing else { return nil }
            let object = try context.custodyObject(found.object, in: snapshot)
            let caseNumber = object?.caseNumber ?? found.transfer.caseNumber
            let action =
                found.result == .missing
                ? BulletinAction(code: "locate-missing", wording: words.locateMissing)
                : BulletinAction(code: "review-damage", wording: words.reviewDamage)
            var facts = [
                BulletinFact("result", words.resultLabel, .term(code: found.result.rawValue, wording: words.result(found.result))),
                BulletinFact("transfer", words.transferLabel, .text(found.transfer.transfer)),
                BulletinFact(
                    "way", words.wayLabel,
                    .term(code: found.transfer.direction, wording: sent ? words.sent : words.receivedDirection)),
                BulletinFact("peer", words.peerLabel, .text(found.transfer.peer)),
            ]
            if let note = found.note { facts.append(BulletinFact("note", words.noteLabel, .text(note))) }
            facts += [
                BulletinFact("answeredAt", words.answeredAt, .time(answered)),
                BulletinFact("entry", Catalogue.bulletin.entry, .entry(answerIndex)),
            ]
            return BulletinRow(
                object: object.map(BulletinObject.init) ?? BulletinObject(id: found.object), caseNumber: caseNumber,
                unit: try context.unit(ofCase: caseNumber, in: snapshot), action: action, facts: facts)
        }
    }
}
