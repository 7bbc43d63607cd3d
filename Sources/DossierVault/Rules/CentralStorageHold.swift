import PropertyLedger

/// The one-month rule's hold on what is in central storage: a dossier of a case the rule covers (unsolved;
/// criminal, or administrative and a property crime) that is in central storage leaves it only by an approved
/// check-out, and comes back to central storage when it is returned. A move from a central location to one
/// that is not, or a return elsewhere of a dossier checked out from central storage, is refused — until the
/// case is solved or closed, when the rule lets go.
///
/// The hold does not wait for the month to pass: a dossier handed to central storage early is held there all
/// the same, and progress on the case does not release it (case work takes it out by a check-out).
struct CentralStorageHold: VaultPart {
    var projectionTables: [String] { [] }

    func review(_ entry: CustodyEntry, in context: borrowing RuleContext) throws {
        let objectID: String
        let from: String?
        let target: String
        let isReturn: Bool
        switch entry.event {
        case .moved(let move):
            (objectID, from, target, isReturn) = (move.object, move.from, move.location, false)
        case .returned(let returned):
            (objectID, from, target, isReturn) = (returned.object, nil, returned.location, true)
        default:
            return
        }
        guard let object = try context.custody.object(objectID), object.kind == .dossier,
            let origin = from ?? object.checkedOutFrom, try context.custody.location(origin)?.isCentral == true,
            try context.custody.location(target)?.isCentral != true,
            let record = try context.custody.caseRecord(object.caseNumber), CentralStorageRule.covers(record)
        else { return }
        let reason: Reason =
            isReturn
            ? .centralStorageReturnElsewhere(object.id, case: record.number, from: origin, location: target)
            : .centralStorageHoldsDossier(object.id, case: record.number, from: origin, location: target)
        throw LedgerError(.refused, reason)
    }
}
