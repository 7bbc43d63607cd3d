/// Reasons the custody rules give for refusing a command.
///
/// Argument conventions, shared with the catalogue: `party` is who an officer is in the command (`actor`,
/// `recipient`, `approver`, `seizer`, `returner`); `action` names what the actor tried (`check-in`, …);
/// `operation` is what cannot be done to an object (`check-out`, `move`, `dispose`); `role` and `roles` are
/// ``Role`` raw values (`roles` comma-separated); `status` is an ``ObjectStatus`` raw value, with `location`
/// and `holder` (empty when they do not apply); `kind` is a ``LocationKind`` raw value. Times are ISO 8601 text.
extension Reason {
    // MARK: Officers

    static func actorRequired(action: String) -> Reason { Reason("actor-required", ["action": action]) }
    static func officerUnknown(_ party: String, badge: String) -> Reason {
        Reason("officer-unknown", ["party": party, "badge": badge])
    }
    static func officerRetired(_ party: String, badge: String) -> Reason {
        Reason("officer-retired", ["party": party, "badge": badge])
    }
    static func officerLacksRole(_ party: String, badge: String, role: Role, roles: Set<Role>) -> Reason {
        Reason("officer-lacks-role", ["party": party, "badge": badge, "role": role.rawValue, "roles": list(roles)])
    }
    static func actorLacksRole(badge: String, role: Role, roles: Set<Role>, action: String) -> Reason {
        Reason("actor-lacks-role", ["badge": badge, "role": role.rawValue, "roles": list(roles), "action": action])
    }
    static func firstOfficerActorUnknown(actor: String, badge: String) -> Reason {
        Reason("first-officer-actor-unknown", ["actor": actor, "badge": badge])
    }
    static let firstOfficerNotSupervisor = Reason("first-officer-not-supervisor")
    static func officerExists(badge: String) -> Reason { Reason("officer-exists", ["badge": badge]) }
    static func officerNotFound(badge: String) -> Reason { Reason("officer-not-found", ["badge": badge]) }
    static func officerAlreadyRetired(badge: String) -> Reason { Reason("officer-already-retired", ["badge": badge]) }
    static func lastSupervisor(badge: String) -> Reason { Reason("last-supervisor", ["badge": badge]) }
    static let overrideNeedsReason = Reason("override-needs-reason")
    static func officerHoldsObjects(badge: String, objects: [String]) -> Reason {
        // At most ten are named; the count says how many there are in all.
        Reason(
            "officer-holds-objects",
            ["badge": badge, "objects": objects.prefix(10).joined(separator: ", "), "count": String(objects.count)])
    }

    // MARK: Locations and cases

    static func locationExists(code: String) -> Reason { Reason("location-exists", ["code": code]) }
    static func locationNeedsParent(kind: LocationKind) -> Reason { Reason("location-needs-parent", ["kind": kind.rawValue]) }
    static func locationNotFound(code: String) -> Reason { Reason("location-not-found", ["code": code]) }
    static func caseExists(_ number: String) -> Reason { Reason("case-exists", ["case": number]) }
    static func caseNotFound(_ number: String) -> Reason { Reason("case-not-found", ["case": number]) }
    static func caseClosed(_ number: String) -> Reason { Reason("case-closed", ["case": number]) }
    static func caseAlreadyClosed(_ number: String) -> Reason { Reason("case-already-closed", ["case": number]) }
    static func caseNotUnsolved(_ number: String) -> Reason { Reason("case-not-unsolved", ["case": number]) }

    // MARK: Objects and chips

    static func objectNotFound(_ id: String) -> Reason { Reason("object-not-found", ["object": id]) }
    static func objectDisposed(_ id: String) -> Reason { Reason("object-disposed", ["object": id]) }
    static func objectInOtherCase(_ id: String, case number: String, given: String) -> Reason {
        Reason("object-in-other-case", ["object": id, "case": number, "given": given])
    }
    static func objectNotNew(_ object: CustodyObject) -> Reason { Reason("object-not-new", state(of: object)) }
    static func objectNotCheckedOut(_ object: CustodyObject) -> Reason { Reason("object-not-checked-out", state(of: object)) }
    static func objectNotStoredYet(_ id: String, operation: String) -> Reason {
        Reason("object-not-stored-yet", ["object": id, "operation": operation])
    }
    static func objectNotInStorage(_ object: CustodyObject, operation: String) -> Reason {
        Reason("object-not-in-storage", state(of: object).merging(["operation": operation]) { a, _ in a })
    }
    static func objectAlreadyAt(_ id: String, location: String) -> Reason {
        Reason("object-already-at", ["object": id, "location": location])
    }
    static func objectHasChip(_ id: String, chip: String) -> Reason { Reason("object-has-chip", ["object": id, "chip": chip]) }
    static func objectHasNoChip(_ id: String) -> Reason { Reason("object-has-no-chip", ["object": id]) }
    static func chipBoundElsewhere(_ uid: String, object: String) -> Reason {
        Reason("chip-bound-elsewhere", ["chip": uid, "object": object])
    }
    static func chipNotBound(_ uid: String) -> Reason { Reason("chip-not-bound", ["chip": uid]) }

    // MARK: Check-out, disposal, registration

    static func approverIsRecipient(badge: String) -> Reason { Reason("approver-is-recipient", ["badge": badge]) }
    static func approverIsHolder(badge: String) -> Reason { Reason("approver-is-holder", ["badge": badge]) }
    static func cabinetActorNotRecipient(actor: String, recipient: String) -> Reason {
        Reason("cabinet-actor-not-recipient", ["actor": actor, "recipient": recipient])
    }
    static func cabinetActorNotReturner(actor: String, returner: String) -> Reason {
        Reason("cabinet-actor-not-returner", ["actor": actor, "returner": returner])
    }
    static func extensionNotLater(_ due: String, current: String) -> Reason {
        Reason("extension-not-later", ["due": due, "current": current])
    }
    static func dueNotInFuture(_ due: String) -> Reason { Reason("due-not-in-future", ["due": due]) }
    static func dueTooFar(_ due: String, latest: String) -> Reason { Reason("due-too-far", ["due": due, "latest": latest]) }
    static func dossierNotDisposable(_ id: String) -> Reason { Reason("dossier-not-disposable", ["object": id]) }
    static let ownerReturnNeedsRecipient = Reason("owner-return-needs-recipient")
    static func recipientIsOfficer(_ recipient: String) -> Reason { Reason("recipient-is-officer", ["recipient": recipient]) }
    static func tooFewSeizers(count: Int) -> Reason { Reason("too-few-seizers", ["count": String(count)]) }
    static func seizureInFuture(seizedAt: String, recordedAt: String) -> Reason {
        Reason("seizure-in-future", ["seizedAt": seizedAt, "recordedAt": recordedAt])
    }
    static func seizureTooEarly(seizedAt: String) -> Reason { Reason("seizure-too-early", ["seizedAt": seizedAt]) }
    static let dossierNeedsPages = Reason("dossier-needs-pages")
    static func volumeOutOfRange(volume: Int, of volumes: Int) -> Reason {
        Reason("volume-out-of-range", ["volume": String(volume), "volumes": String(volumes)])
    }

    // MARK: Corrections

    static func entryNotFound(_ index: Int64) -> Reason { Reason("entry-not-found", ["index": String(index)]) }
    static func entryNotCorrectable(_ index: Int64) -> Reason { Reason("entry-not-correctable", ["index": String(index)]) }
    static func fieldNotCorrectable(_ field: String, type: String, correctable: [String]) -> Reason {
        Reason("field-not-correctable", ["fieldName": field, "type": type, "correctable": correctable.joined(separator: ", ")])
    }
    static func correctionUnchanged(_ field: String, value: String) -> Reason {
        Reason("correction-unchanged", ["fieldName": field, "value": value])
    }

    /// The custody rules' reasons.
    public static let custodyReasons: [ReasonSpec] = [
        .init("actor-required", "action"), .init("officer-unknown", "party", "badge"),
        .init("officer-retired", "party", "badge"), .init("officer-lacks-role", "party", "badge", "role", "roles"),
        .init("actor-lacks-role", "badge", "role", "roles", "action"), .init("first-officer-actor-unknown", "actor", "badge"),
        .init("first-officer-not-supervisor"), .init("officer-exists", "badge"), .init("officer-not-found", "badge"),
        .init("officer-already-retired", "badge"), .init("last-supervisor", "badge"), .init("override-needs-reason"),
        .init("officer-holds-objects", "badge", "objects", "count"),
        .init("location-exists", "code"), .init("location-needs-parent", "kind"), .init("location-not-found", "code"),
        .init("case-exists", "case"), .init("case-not-found", "case"), .init("case-closed", "case"),
        .init("case-already-closed", "case"), .init("case-not-unsolved", "case"),
        .init("object-not-found", "object"), .init("object-disposed", "object"),
        .init("object-in-other-case", "object", "case", "given"),
        .init("object-not-new", "object", "status", "location", "holder"),
        .init("object-not-checked-out", "object", "status", "location", "holder"),
        .init("object-not-stored-yet", "object", "operation"),
        .init("object-not-in-storage", "object", "status", "location", "holder", "operation"),
        .init("object-already-at", "object", "location"), .init("object-has-chip", "object", "chip"),
        .init("object-has-no-chip", "object"), .init("chip-bound-elsewhere", "chip", "object"), .init("chip-not-bound", "chip"),
        .init("approver-is-recipient", "badge"), .init("approver-is-holder", "badge"),
        .init("cabinet-actor-not-recipient", "actor", "recipient"), .init("cabinet-actor-not-returner", "actor", "returner"),
        .init("extension-not-later", "due", "current"),
        .init("due-not-in-future", "due"), .init("due-too-far", "due", "latest"),
        .init("dossier-not-disposable", "object"), .init("owner-return-needs-recipient"),
        .init("recipient-is-officer", "recipient"), .init("too-few-seizers", "count"),
        .init("seizure-in-future", "seizedAt", "recordedAt"), .init("seizure-too-early", "seizedAt"),
        .init("dossier-needs-pages"), .init("volume-out-of-range", "volume", "volumes"),
        .init("entry-not-found", "index"), .init("entry-not-correctable", "index"),
        .init("field-not-correctable", "fieldName", "type", "correctable"), .init("correction-unchanged", "fieldName", "value"),
        .init("object-already-here", "object"), .init("received-record-malformed", "object"),
    ]

    static func objectAlreadyHere(_ id: String) -> Reason { Reason("object-already-here", ["object": id]) }
    static func receivedRecordMalformed(_ id: String) -> Reason { Reason("received-record-malformed", ["object": id]) }

    private static func list(_ roles: Set<Role>) -> String { roles.map(\.rawValue).sorted().joined(separator: ",") }

    private static func state(of object: CustodyObject) -> [String: String] {
        [
            "object": object.id, "status": object.status.rawValue,
            "location": object.status == .inStorage ? object.location ?? "" : "",
            "holder": object.status == .checkedOut ? object.holder ?? "" : "",
        ]
    }
}
