import Foundation
import PropertyLedger

/// What a settled inventory becomes, recorded in one transaction: custody entries for the changes the session
/// allowed — checked out to the identified officer under his approval, returned by him, checked in by a clerk —
/// and a finding for everything else. A custody entry the core refuses becomes a finding too: nothing the
/// cabinet saw is lost, and nothing is recorded as custody that the rules would not record at the desk.
struct SessionOutcome {
    let cabinet: Location
    /// Nil for a patrol inventory outside any session.
    let session: CabinetSession?
    let believed: CabinetContents
    private(set) var taken: [String] = []
    private(set) var returned: [String] = []
    private(set) var checkedIn: [String] = []
    private(set) var findings: [FindingRecorded] = []

    init(cabinet: Location, session: CabinetSession?, believed: CabinetContents) {
        self.cabinet = cabinet
        self.session = session
        self.believed = believed
    }

    mutating func record(_ settlement: Settlement, in transaction: inout LedgerTransaction) throws {
        for uid in settlement.absent.sorted() {
            guard let object = believed.objects[uid] else { continue }
            try recordAbsence(of: object, uid: uid, in: &transaction)
        }
        for (uid, slot) in settlement.present.sorted(by: { $0.key < $1.key }) {
            try recordPresence(of: uid, in: slot, in: &transaction)
        }
        for (uid, change) in settlement.moved.sorted(by: { $0.key < $1.key }) {
            guard let object = believed.objects[uid] else { continue }
            try find(.wrongSlot, object: object.id, uid: uid, slot: change.to, detail: change.from, in: &transaction)
        }
        if let session {
            let rounds = settlement.rounds
            let missRate = Int((settlement.missRate * 1000).rounded())
            let (taken, returned, checkedIn, findings) = (taken, returned, checkedIn, findings.map(\.finding))
            try transaction.record { _ in
                CabinetSessionReconciled(
                    session: session.id, cabinet: cabinet.code, rounds: rounds, missRatePermille: missRate, taken: taken,
                    returned: returned,
                    checkedIn: checkedIn, findings: findings)
            }
        }
    }

    private mutating func recordAbsence(of object: CustodyObject, uid: String, in transaction: inout LedgerTransaction) throws {
        let slot = object.location == cabinet.code ? nil : object.location
        guard let session else {
            try find(.missingAfterSession, object: object.id, uid: uid, slot: slot, in: &transaction)
            return
        }
        let approval =
            session.take.contains(object.id)
            ? try transaction.read { try CabinetTables.openApproval(of: object.id, at: $0.date, in: $0.tables) } : nil
        guard let approval, approval.recipient == session.officer else {
            try find(.unauthorisedRemoval, object: object.id, uid: uid, slot: slot, in: &transaction)
            return
        }
        do {
            try transaction.record(
                .checkOut(
                    object: object.id, to: approval.recipient, reason: approval.reason, approvedBy: approval.approvedBy, due: approval.due,
                    note: approval.note, caseNumber: nil))
            taken.append(object.id)
        } catch let error as LedgerError {
            try find(.unauthorisedRemoval, object: object.id, uid: uid, slot: slot, detail: error.reason.id, in: &transaction)
        }
    }

    private mutating func recordPresence(of uid: String, in slot: String?, in transaction: inout LedgerTransaction) throws {
        let place = slot ?? cabinet.code
        guard let id = try transaction.read({ try $0.custody.objectID(chip: uid) }),
            let object = try transaction.read({ try $0.custody.object(id) })
        else {
            try find(.unknownTag, object: nil, uid: uid, slot: slot, in: &transaction)
            return
        }
        guard let session else {
            try find(.unexpectedDeposit, object: object.id, uid: uid, slot: slot, detail: object.status.rawValue, in: &transaction)
            return
        }
        do {
            if object.status == .checkedOut, session.put.contains(object.id) {
                try transaction.record(
                    .returnObject(object: object.id, location: place, condition: Returned.intact, by: nil, caseNumber: nil))
                returned.append(object.id)
                if let from = object.checkedOutFrom, from != cabinet.code, slot != nil, from != slot {
                    try find(.wrongSlot, object: object.id, uid: uid, slot: slot, detail: from, in: &transaction)
                }
                return
            }
            if object.status == .registered, session.mayCheckIn {
                try transaction.record(.checkIn(object: object.id, location: place, caseNumber: nil))
                checkedIn.append(object.id)
                return
            }
            try find(.unexpectedDeposit, object: object.id, uid: uid, slot: slot, detail: object.status.rawValue, in: &transaction)
        } catch let error as LedgerError {
            try find(.unexpectedDeposit, object: object.id, uid: uid, slot: slot, detail: error.reason.id, in: &transaction)
        }
    }

    /// Records a finding, unless an open one already says the same of the same object or tag here.
    private mutating func find(
        _ kind: FindingKind, object: String?, uid: String?, slot: String?, detail: String? = nil, in transaction: inout LedgerTransaction
    ) throws {
        let cabinet = cabinet.code
        guard !(try transaction.read { try CabinetTables.hasOpenFinding(kind, cabinet: cabinet, object: object, uid: uid, in: $0.tables) })
        else { return }
        let session = session?.id
        let recorded = try transaction.record { context in
            FindingRecorded(
                finding: "F\(context.nextIndex)", kind: kind, cabinet: cabinet, session: session, object: object, uid: uid, slot: slot,
                detail: detail)
        }
        findings.append(try recorded.entry.payload(FindingRecorded.self))
    }
}
