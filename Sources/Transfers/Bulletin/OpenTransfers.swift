public import DossierVault
import Foundation
public import LedgerPresentation
public import PropertyLedger

/// The transfers this agency sent whose receipt has not come back: their objects are locked where they are
/// until it does, and the receiving agency may not have taken them at all (该接收的不接收). One row per
/// transfer, the longest waiting first, under the unit of the transfer's case.
public struct OpenTransfers: BulletinSection {
    public init() {}

    public var id: String { "open-transfers" }
    public var title: Wording { Catalogue.transferWords.openTransfersTitle }

    public func rows(in context: BulletinContext, from snapshot: borrowing StoreSnapshot) throws -> [BulletinRow] {
        let words = Catalogue.transferWords
        return try TransferTables.openOut(in: snapshot.tables).compactMap { transfer -> BulletinRow? in
            guard let manifest = try snapshot.loggedEntry(at: transfer.manifest), let sent = Timestamp.storedDate(manifest.at),
                sent < context.interval.end
            else { return nil }
            let count = try TransferTables.objects(of: transfer.transfer, in: snapshot.tables).count
            return BulletinRow(
                subject: transfer.transfer, caseNumber: transfer.caseNumber,
                unit: try context.unit(ofCase: transfer.caseNumber, in: snapshot),
                action: BulletinAction(code: "obtain-receipt", wording: words.chaseReceipt),
                facts: [
                    BulletinFact("transfer", words.transferLabel, .text(transfer.transfer)),
                    BulletinFact("peer", words.peerLabel, .text(transfer.peer)),
                    BulletinFact("mode", words.modeLabel, .term(code: transfer.mode.rawValue, wording: words.mode(transfer.mode))),
                    BulletinFact("objects", words.objectCount, .text(String(count))),
                    BulletinFact("sentAt", words.sentAt, .time(sent)),
                    BulletinFact("waitingSeconds", words.waiting, .duration(context.asOf.timeIntervalSince(sent))),
                    BulletinFact("entry", Catalogue.bulletin.entry, .entry(transfer.manifest)),
                ])
        }
    }
}
