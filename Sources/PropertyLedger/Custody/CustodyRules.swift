import Foundation

/// The custody rules, checked at write time against the current projections. Each refusal is a
/// ``LedgerError`` whose reason (``Reason/custodyReasons``) says which rule; `.refused` for a rule, `.notFound` for a
/// reference to something that does not exist, `.invalidInput` for a malformed value.
///
/// Sources (docs/domain.md): two officers seize (MPS criminal procedure provisions); case handling and custody
/// are separated (MPS 2015 rules); check-out only for case work, approved by a supervisor who is not the
/// recipient (same, and IAPE standard 1); return to the owner, never to an officer; corrections never erase.
struct CustodyRules {
    let projections: Projections
    /// The log: its agency, and the origin and profile keys are enrolled for.
    let identity: LogIdentity
    var agency: Agency { identity.agency }
    /// Reads a log entry's bytes (to correct it).
    let entryBytes: (Int64) throws -> Data?

    /// The longest a check-out may run before it is due back, in the agency's calendar days; longer needs an
    /// extension when it falls due.
    static let longestCheckoutDays = 366
    /// How far a seizure time may lie after the time of recording: clocks differ a little.
    static let clockSkew: TimeInterval = 5 * 60

    /// The latest a check-out recorded at `date` may be due back: the end (23:59:59) of the 366th day after the
    /// day it is recorded, days counted in the agency's zone, so that a bare due date a year ahead is accepted
    /// whatever the time of day and whatever daylight saving time does meanwhile.
    func latestDue(recordedAt date: Date) -> Date {
        Timestamp.endOfDay(Self.longestCheckoutDays, after: date, in: agency.timeZone)
    }

    /// No seizure recorded here happened before 1990-01-01, the start of that day in the agency's zone (the
    /// earliest date a time argument can name).
    var earliestSeizure: Date {
        Timestamp.startOfDay(year: 1990, month: 1, day: 1, in: agency.timeZone) ?? Date(timeIntervalSince1970: 631_123_200)
    }

    /// The entry `command` becomes when `actor` records it at `date`, through `device` if one causes it.
    ///
    /// A smart cabinet stands in for the clerk at its own door: a check-out or a return it causes is recorded
    /// with the officer it identified as the actor — the recipient taking, the holder (or the returner) bringing
    /// back — where a clerk's desk would name the clerk. Every other rule holds as at the desk; whether the
    /// cabinet may do it at all (an approval at that cabinet, its own slots) is its module's review.
    func entry(for command: CustodyCommand, actor typedActor: String?, device: Device? = nil, at date: Date) throws -> CustodyEntry {
        let atCabinet = device?.kind == .cabinet
        // An empty or blank actor (`--actor ""`, an empty LEDGER_ACTOR) is no actor at all.
        let actor = try typedActor.map { try FieldRules.reference($0, "actor") }.flatMap { $0.isEmpty ? nil : $0 }
        let at = Timestamp.string(date)
        let event: CustodyEvent
        switch command {
        case .addOfficer(let badge, let name, let unit, let role):
            let badge = try FieldRules.identifier(badge, "badge")
            if try projections.officerCount() == 0 {
                // Nobody can act yet: the first officer is added by nobody, or by himself (LEDGER_ACTOR already
                // set to his own badge), and must be a supervisor who can then add the rest.
                if let actor, actor != badge {
                    throw refused(.firstOfficerActorUnknown(actor: actor, badge: badge))
                }
                guard role == .supervisor else { throw refused(.firstOfficerNotSupervisor) }
            } else {
                try requireActor(actor, roles: [.supervisor], "add-officers")
            }
            guard try projections.officer(badge) == nil else { throw refused(.officerExists(badge: badge)) }
            event = .officerAdded(
                OfficerAdded(
                    badge: badge, name: try check("name", of: "officer.added", name),
                    unit: try check("unit", of: "officer.added", optional: unit), role: role))

        case .retireOfficer(let badge, let reason, let overridesHoldings):
            try requireActor(actor, roles: [.supervisor], "retire-officers")
            event = .officerRetired(try retirement(of: badge, reason: reason, overridesHoldings: overridesHoldings))

        case .addLocation(let code, let name, let kind, let parent, let isCentral):
            try requireActor(actor, roles: [.supervisor, .clerk], "add-locations")
            let code = try FieldRules.identifier(code, "location-code")
            guard try projections.location(code) == nil else { throw refused(.locationExists(code: code)) }
            let parent = try parent.map { try requireLocation($0).code }
            guard parent != nil || kind == .site || kind == .room else {
                throw refused(.locationNeedsParent(kind: kind))
            }
            event = .locationAdded(
                LocationAdded(
                    code: code, name: try check("name", of: "location.added", name), kind: kind, parent: parent, central: isCentral))

        case .openCase(let number, let title, let kind, let isPropertyCrime, let unit):
            let opener = try requireActor(actor, roles: [.officer, .supervisor], "open-cases")
            let number = try FieldRules.identifier(number, "case-number")
            guard try projections.caseRecord(number) == nil else { throw refused(.caseExists(number)) }
            event = .caseOpened(
                CaseOpened(
                    case: number, title: try check("title", of: "case.opened", title), kind: kind, propertyCrime: isPropertyCrime,
                    unit: try check("unit", of: "case.opened", optional: unit) ?? opener.unit))

        case .recordProgress(let number, let note):
            try requireActor(actor, roles: [.officer, .supervisor], "record-progress")
            let record = try requireCase(number)
            guard record.status != .closed else { throw refused(.caseClosed(record.number)) }
            event = .caseProgressed(CaseProgressed(case: record.number, note: try check("note", of: "case.progressed", note)))

        case .solveCase(let number, let note):
            try requireActor(actor, roles: [.officer, .supervisor], "solve-cases")
            let record = try requireCase(number)
            guard record.status == .unsolved else { throw refused(.caseNotUnsolved(record.number)) }
            event = .caseSolved(CaseStatusChanged(case: record.number, note: try FieldRules.optionalText(note, "note")))

        case .closeCase(let number, let note):
            try requireActor(actor, roles: [.supervisor], "close-cases")
            let record = try requireCase(number)
            guard record.status != .closed else { throw refused(.caseAlreadyClosed(record.number)) }
            event = .caseClosed(CaseStatusChanged(case: record.number, note: try FieldRules.optionalText(note, "note")))

        case .registerItem(let registration):
            event = .itemRegistered(try itemRegistered(registration, actor: actor, date: date))

        case .registerDossier(let registration):
            event = .dossierRegistered(try dossierRegistered(registration, actor: actor, date: date))

        case .bindChip(let objectID, let uid):
            try requireActor(actor, roles: [.clerk], "bind-chips")
            let object = try requireLiveObject(objectID)
            let uid = try ChipUID.normalize(uid)
            guard object.chip == nil else {
                throw refused(.objectHasChip(object.id, chip: object.chip ?? ""))
            }
            try requireUnboundChip(uid)
            event = .chipBound(ChipBound(object: object.id, uid: uid))

        case .replaceChip(let objectID, let uid, let reason):
            try requireActor(actor, roles: [.clerk], "replace-chips")
            let object = try requireLiveObject(objectID)
            guard let previous = object.chip else { throw refused(.objectHasNoChip(object.id)) }
            let uid = try ChipUID.normalize(uid)
            try requireUnboundChip(uid)
            event = .chipReplaced(
                ChipReplaced(
                    object: object.id, previousUID: previous, uid: uid, reason: try FieldRules.text(reason, "reason")))

        case .checkIn(let objectID, let location, let caseNumber):
            try requireActor(actor, roles: [.clerk], "check-in")
            let object = try requireLiveObject(objectID, caseNumber: caseNumber)
            guard object.status == .registered else {
                throw refused(.objectNotNew(object))
            }
            event = .checkedIn(CheckedIn(object: object.id, location: try requireLocation(location).code))

        case .checkOut(let objectID, let recipient, let reason, let approver, let due, let note, let caseNumber, let approval):
            if atCabinet {
                let taker = try requireActor(actor, roles: [.officer, .supervisor], "check-out")
                guard taker.badge == recipient else {
                    throw refused(.cabinetActorNotRecipient(actor: taker.badge, recipient: recipient))
                }
            } else {
                try requireActor(actor, roles: [.clerk], "check-out")
            }
            let object = try requireLiveObject(objectID, caseNumber: caseNumber)
            let from = try requireInStorage(object, toBe: "check-out")
            let to = try requireOfficer(recipient, roles: [.officer, .supervisor], as: "recipient")
            let approvedBy = try requireOfficer(approver, roles: [.supervisor], as: "approver")
            guard approvedBy.badge != to.badge else {
                throw refused(.approverIsRecipient(badge: approver))
            }
            guard due > date else { throw refused(.dueNotInFuture(Timestamp.string(due))) }
            guard due <= latestDue(recordedAt: date) else {
                throw refused(.dueTooFar(Timestamp.string(due), latest: Timestamp.string(latestDue(recordedAt: date))))
            }
            let approved = try approvalChecked(
                approval, of: .checkout,
                terms: ["object": object.id, "to": to.badge, "reason": reason.rawValue, "due": Timestamp.string(due)], by: approvedBy,
                at: date, device: device)
            event = .checkedOut(
                CheckedOut(
                    object: object.id, to: to.badge, reason: reason, note: try check("note", of: "custody.checked-out", optional: note),
                    approvedBy: approvedBy.badge, due: Timestamp.string(due), from: from, approval: approved))

        case .returnObject(let objectID, let location, let condition, let by, let caseNumber):
            if !atCabinet { try requireActor(actor, roles: [.clerk], "take-back") }
            let object = try requireLiveObject(objectID, caseNumber: caseNumber)
            guard object.status == .checkedOut, let holder = object.holder else {
                throw refused(.objectNotCheckedOut(object))
            }
            if atCabinet {
                let bringer = try requireActor(actor, roles: Set(Role.allCases), "take-back")
                guard bringer.badge == (by ?? holder) else {
                    throw refused(.cabinetActorNotReturner(actor: bringer.badge, returner: by ?? holder))
                }
            }
            let bringer: Officer
            if (by ?? holder) == holder, let holding = try projections.officer(holder) {
                // The holder may bring back what he holds even once retired: else it could never come back.
                bringer = holding
            } else {
                bringer = try requireOfficer(by ?? holder, roles: Set(Role.allCases), as: "returner")
            }
            event = .returned(
                Returned(
                    object: object.id, location: try requireLocation(location).code,
                    condition: try check("condition", of: "custody.returned", condition), by: bringer.badge))

        case .extendCheckout(let objectID, let due, let approver, let reason, let caseNumber, let approval):
            try requireActor(actor, roles: [.clerk], "extend-checkouts")
            let object = try requireLiveObject(objectID, caseNumber: caseNumber)
            guard object.status == .checkedOut, let holder = object.holder, let current = object.due else {
                throw refused(.objectNotCheckedOut(object))
            }
            let approvedBy = try requireOfficer(approver, roles: [.supervisor], as: "approver")
            guard approvedBy.badge != holder else { throw refused(.approverIsHolder(badge: approvedBy.badge)) }
            let newDue = Timestamp.string(due)
            guard newDue > current else { throw refused(.extensionNotLater(newDue, current: current)) }
            guard due > date else { throw refused(.dueNotInFuture(newDue)) }
            guard due <= latestDue(recordedAt: date) else {
                throw refused(.dueTooFar(newDue, latest: Timestamp.string(latestDue(recordedAt: date))))
            }
            let why = try check("reason", of: "custody.checkout-extended", reason)
            let approved = try approvalChecked(
                approval, of: .extension_, terms: ["object": object.id, "due": newDue, "reason": why], by: approvedBy, at: date,
                device: device)
            event = .checkoutExtended(
                CheckoutExtended(
                    object: object.id, due: newDue, previousDue: current, approvedBy: approvedBy.badge, reason: why, approval: approved))

        case .move(let objectID, let location, let reason, let caseNumber, let rule):
            try requireActor(actor, roles: [.clerk], "move")
            let object = try requireLiveObject(objectID, caseNumber: caseNumber)
            let from = try requireInStorage(object, toBe: "move")
            let target = try requireLocation(location)
            guard target.code != from else { throw refused(.objectAlreadyAt(object.id, location: from)) }
            event = .moved(
                Moved(
                    object: object.id, from: from, location: target.code,
                    reason: try check("reason", of: "custody.moved", optional: reason),
                    rule: rule))

        case .dispose(let objectID, let method, let approver, let recipient, let note, let caseNumber, let approval):
            try requireActor(actor, roles: [.clerk], "dispose")
            let object = try requireLiveObject(objectID, caseNumber: caseNumber)
            guard object.kind == .item else { throw refused(.dossierNotDisposable(object.id)) }
            _ = try requireInStorage(object, toBe: "dispose")
            let approvedBy = try requireOfficer(approver, roles: [.supervisor], as: "approver")
            let recipient = try check("recipient", of: "custody.disposed", optional: recipient)
            if method == .returnedToOwner {
                guard let recipient else { throw refused(.ownerReturnNeedsRecipient) }
                try requireOwnerOrProxy(recipient)
            }
            let approved = try approvalChecked(
                approval, of: .disposal, terms: ["object": object.id, "method": method.rawValue], by: approvedBy, at: date, device: device)
            event = .disposed(
                Disposed(
                    object: object.id, method: method, approvedBy: approvedBy.badge, recipient: recipient,
                    note: try check("note", of: "custody.disposed", optional: note), approval: approved))

        case .transferOut(let objectID, let to, let transfer):
            try requireActor(actor, roles: [.clerk], "transfer")
            let object = try requireLiveObject(objectID)
            _ = try requireInStorage(object, toBe: "transfer")
            event = .transferredOut(TransferredOut(object: object.id, to: to, transfer: transfer))

        case .receiveObject(let received):
            try requireActor(actor, roles: [.clerk], "receive")
            guard try projections.caseRecord(received.case) != nil else { throw notFound(.caseNotFound(received.case)) }
            if let here = try projections.object(received.object), here.status != .transferred {
                throw refused(.objectAlreadyHere(received.object))
            }
            let id = received.kind == .item ? received.item?.id : received.dossier?.id
            guard id == received.object, (received.item == nil) != (received.dossier == nil),
                received.item.map({ $0.case == received.case }) ?? true, received.dossier.map({ $0.case == received.case }) ?? true
            else { throw LedgerError(.invalidInput, .receivedRecordMalformed(received.object)) }
            if let chip = received.chip, let other = try projections.objectID(chip: chip), other != received.object {
                throw refused(.chipBoundElsewhere(chip, object: other))
            }
            event = .objectReceived(received)

        case .correct(let index, let field, let value, let reason):
            try requireActor(actor, roles: [.clerk, .supervisor], "correct")
            event = .corrected(try correction(of: index, field: field, value: value, reason: reason))

        case .recordStocktake(let location, let seen):
            try requireActor(actor, roles: [.clerk, .supervisor], "stocktake")
            event = .stocktakeRecorded(try stocktake(of: try requireLocation(location).code, seen: seen))

        case .enrollKey(let enrolment):
            event = .keyEnrolled(try keyEnrolled(enrolment, actor: actor))

        case .revokeKey(let key, let reason):
            event = .keyRevoked(try keyRevoked(key, reason: reason, actor: actor))

        case .requireSignatures(let reason):
            event = .signaturesRequired(try signaturesRequired(reason: reason, actor: actor))
        }
        var entry = CustodyEntry(at: at, actor: actor, event: event)
        entry.device = device
        return entry
    }

    // MARK: Officers

    /// Retiring `badge`. The last active supervisor is never retired: nobody could add officers or approve
    /// anything again. Objects the officer still holds need an explicit override with a reason, and are listed
    /// in the entry so the log explains why they are out with a retired officer.
    private func retirement(of typedBadge: String, reason: String?, overridesHoldings: Bool) throws -> OfficerRetired {
        guard let officer = try projections.officer(typedBadge) else { throw notFound(.officerNotFound(badge: typedBadge)) }
        let badge = officer.badge
        guard !officer.isRetired else { throw refused(.officerAlreadyRetired(badge: badge)) }
        let reason = try FieldRules.optionalText(reason, "reason")
        if officer.role == .supervisor, try projections.activeSupervisorCount() <= 1 {
            throw refused(.lastSupervisor(badge: badge))
        }
        if overridesHoldings && reason == nil {
            throw refused(.overrideNeedsReason)
        }
        let held = try projections.objectIDs(heldBy: badge)
        if !held.isEmpty && !overridesHoldings {
            throw refused(.officerHoldsObjects(badge: badge, objects: held))
        }
        return OfficerRetired(badge: badge, reason: reason, stillHolding: held.isEmpty ? nil : held)
    }

    // MARK: Stocktakes

    /// Compares what is recorded at `location` (and below it) with the chips seen there.
    private func stocktake(of location: String, seen: [String]) throws -> StocktakeRecorded {
        let uids = Set(try seen.map(ChipUID.normalize))
        let expected = try projections.objectIDs(storedUnder: location)
        var seenObjects: [String: CustodyObject] = [:]
        var unknown: [String] = []
        for uid in uids.sorted() {
            if let id = try projections.objectID(chip: uid), let object = try projections.object(id) {
                seenObjects[id] = object
            } else {
                unknown.append(uid)
            }
        }
        let found = expected.filter { seenObjects[$0] != nil }.sorted()
        let missing = expected.subtracting(found).sorted()
        let misplaced = seenObjects.keys.filter { !expected.contains($0) }.sorted()
        return StocktakeRecorded(
            location: location, found: found, missing: missing, misplaced: misplaced, unknown: unknown,
            counts: .init(found: found.count, missing: missing.count, misplaced: misplaced.count, unknown: unknown.count))
    }

    // MARK: Corrections

    private func correction(of index: Int64, field: String, value: String, reason: String) throws -> Corrected {
        guard let bytes = try entryBytes(index) else { throw notFound(.entryNotFound(index)) }
        guard let corrected = try? CustodyEntry.decode(bytes) else {
            throw refused(.entryNotCorrectable(index))
        }
        let type = corrected.event.type
        guard let allowed = Correctable.fields[type], allowed.contains(field) else {
            throw refused(.fieldNotCorrectable(field, type: type, correctable: Correctable.fields[type].map { $0.sorted() } ?? []))
        }
        // The same checks as when the entry was written, against the values as they are now.
        let value = try check(field, of: type, value)
        // A disposal's own note and recipient stay correctable after it; anything else only while in custody.
        let object = try corrected.event.object.map {
            if case .disposed = corrected.event, let object = try projections.object($0) { return object }
            return try requireLiveObject($0)
        }
        switch (corrected.event, field) {
        case (.dossierRegistered, "volume"):
            try Self.requireVolume(Int(value) ?? 0, of: object?.dossier?.volumes ?? 0)
        case (.dossierRegistered, "volumes"):
            try Self.requireVolume(object?.dossier?.volume ?? 0, of: Int(value) ?? 0)
        case (.disposed(let disposal), "recipient") where disposal.method == .returnedToOwner:
            try requireOwnerOrProxy(value)
        default:
            break
        }
        let fields = try JSONSerialization.jsonObject(with: bytes) as? [String: Any] ?? [:]
        let subject: String
        switch corrected.event {
        case .officerAdded(let e): subject = e.badge
        case .locationAdded(let e): subject = e.code
        case .caseOpened(let e): subject = e.case
        case .caseProgressed(let e): subject = e.case
        default: subject = corrected.event.object ?? ""
        }
        // The old value: what the projections show now for a registration field (it may have been corrected
        // before), else the corrected entry's own value.
        var old = fields[field].map { "\($0)" } ?? ""
        if let object, Correctable.target(of: probe(type, field, object.id)) != .historyOnly,
            let current = try projections.detail(of: object.id, field: field)
        {
            old = current
        }
        guard old != value else { throw refused(.correctionUnchanged(field, value: value)) }
        return Corrected(
            corrects: index, correctedType: type, subject: subject, object: object?.id, field: field, old: old, new: value,
            reason: try FieldRules.text(reason, "reason", limit: 500))
    }

    /// A correction of `field` of a `type` entry about `object`, to ask ``Correctable`` what it would change.
    private func probe(_ type: String, _ field: String, _ object: String) -> Corrected {
        Corrected(corrects: 0, correctedType: type, subject: object, object: object, field: field, old: "", new: "", reason: "")
    }

    // MARK: Checks

    /// `value` for `field` of a `type` entry, checked (``FieldCheck``).
    func check(_ field: String, of type: String, _ value: String) throws -> String {
        try FieldCheck.of(field, in: type).value(value)
    }

    func check(_ field: String, of type: String, optional value: String?) throws -> String? {
        try FieldCheck.of(field, in: type).value(value)
    }

    @discardableResult
    func requireActor(_ badge: String?, roles: Set<Role>, _ what: String) throws -> Officer {
        guard let badge else { throw refused(.actorRequired(action: what)) }
        return try requireOfficer(badge, roles: roles, as: "actor", refuseUnknown: true, what: what)
    }

    /// An active officer with one of `roles`.
    @discardableResult
    func requireOfficer(
        _ badge: String, roles: Set<Role>, as party: String, refuseUnknown: Bool = false, what: String? = nil
    ) throws -> Officer {
        guard let officer = try projections.officer(badge) else {
            let reason = Reason.officerUnknown(party, badge: badge)
            throw refuseUnknown ? refused(reason) : notFound(reason)
        }
        guard !officer.isRetired else { throw refused(.officerRetired(party, badge: badge)) }
        guard roles.contains(officer.role) else {
            if let what { throw refused(.actorLacksRole(badge: badge, role: officer.role, roles: roles, action: what)) }
            throw refused(.officerLacksRole(party, badge: badge, role: officer.role, roles: roles))
        }
        return officer
    }

    func requireLocation(_ code: String) throws -> Location {
        guard let location = try projections.location(code) else {
            throw notFound(.locationNotFound(code: code))
        }
        return location
    }

    func requireCase(_ number: String) throws -> CaseRecord {
        guard let record = try projections.caseRecord(number) else {
            throw notFound(.caseNotFound(number))
        }
        return record
    }

    /// An object that exists and has not been disposed of; if `caseNumber` is given, it must be the object's.
    func requireLiveObject(_ id: String, caseNumber: String? = nil) throws -> CustodyObject {
        guard let object = try projections.object(id) else { throw notFound(.objectNotFound(id)) }
        guard object.status != .disposed else { throw refused(.objectDisposed(id)) }
        if let caseNumber, caseNumber != object.caseNumber {
            throw refused(.objectInOtherCase(id, case: object.caseNumber, given: caseNumber))
        }
        return object
    }

    /// The location of an object in storage, or a refusal saying why `object` cannot be `action` (checked out,
    /// moved, disposed of).
    private func requireInStorage(_ object: CustodyObject, toBe action: String) throws -> String {
        guard object.status == .inStorage, let location = object.location else {
            if object.status == .registered {
                throw refused(.objectNotStoredYet(object.id, operation: action))
            }
            throw refused(.objectNotInStorage(object, operation: action))
        }
        return location
    }

    /// Property goes back to the owner or a proxy, never to an officer.
    private func requireOwnerOrProxy(_ recipient: String) throws {
        if try projections.officers().contains(where: { $0.badge == recipient || $0.name == recipient }) {
            throw refused(.recipientIsOfficer(recipient))
        }
    }

    private func requireUnboundChip(_ uid: String) throws {
        if let other = try projections.objectID(chip: uid) {
            throw refused(.chipBoundElsewhere(uid, object: other))
        }
    }

    func refused(_ reason: Reason) -> LedgerError { LedgerError(.refused, reason) }
    func notFound(_ reason: Reason) -> LedgerError { LedgerError(.notFound, reason) }
}

@available(*, unavailable)
extension CustodyRules: Sendable {}
