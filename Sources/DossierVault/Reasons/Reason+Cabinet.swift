import PropertyLedger

/// The reasons of the smart cabinets, declared (with their wording) in LedgerPresentation's
/// `Reason.cabinetReasons` and `Catalogue.cabinet`.
extension Reason {
    // MARK: Cards, approvals, findings

    static let cardNeedsActor = Reason("card-needs-actor")
    static func cardNeedsClerkOrSupervisor(badge: String, role: Role) -> Reason {
        Reason("card-needs-clerk-or-supervisor", ["badge": badge, "role": role.rawValue])
    }
    static func cardBoundElsewhere(_ card: String, badge: String) -> Reason {
        Reason("card-bound-elsewhere", ["card": card, "badge": badge])
    }
    static func cardAlreadyBound(_ card: String, badge: String) -> Reason { Reason("card-already-bound", ["card": card, "badge": badge]) }
    static let cabinetApprovalNeedsActor = Reason("cabinet-approval-needs-actor")
    static func cabinetApprovalNeedsClerk(badge: String, role: Role) -> Reason {
        Reason("cabinet-approval-needs-clerk", ["badge": badge, "role": role.rawValue])
    }
    static func objectNotInCabinet(_ object: String, location: String) -> Reason {
        Reason("object-not-in-cabinet", ["object": object, "location": location])
    }
    static func cabinetApprovalExists(_ object: String, index: Int64) -> Reason {
        Reason("cabinet-approval-exists", ["object": object, "index": String(index)])
    }
    static func cabinetCheckoutUnapproved(_ object: String, cabinet: String, badge: String) -> Reason {
        Reason("cabinet-checkout-unapproved", ["object": object, "cabinet": cabinet, "badge": badge])
    }
    static let findingNeedsActor = Reason("finding-needs-actor")
    static func findingNeedsSupervisor(badge: String, role: Role) -> Reason {
        Reason("finding-needs-supervisor", ["badge": badge, "role": role.rawValue])
    }
    static func findingNotFound(_ finding: String) -> Reason { Reason("finding-not-found", ["finding": finding]) }
    static func findingAlreadyResolved(_ finding: String, index: Int64) -> Reason {
        Reason("finding-already-resolved", ["finding": finding, "index": String(index)])
    }

    // MARK: The protocol

    static let cabinetLineNotJSON = Reason("cabinet-line-not-json")
    static func cabinetLineTooLong(limit: Int) -> Reason { Reason("cabinet-line-too-long", ["limit": String(limit)]) }
    static let cabinetVersionUnsupported = Reason("cabinet-version-unsupported")
    static func cabinetTypeUnknown(_ type: String) -> Reason {
        Reason("cabinet-type-unknown", ["type": type, "allowed": CabinetRequest.Kind.allCases.map(\.rawValue).joined(separator: ",")])
    }
    static func cabinetFieldInvalid(_ field: String) -> Reason { Reason("cabinet-field-invalid", ["field": field]) }
    static func cabinetUnknown(_ cabinet: String) -> Reason { Reason("cabinet-unknown", ["cabinet": cabinet]) }
    static func cabinetMismatch(_ cabinet: String, expected: String) -> Reason {
        Reason("cabinet-mismatch", ["cabinet": cabinet, "expected": expected])
    }
    static func cabinetPeerRefused(uid: String) -> Reason { Reason("cabinet-peer-refused", ["uid": uid]) }

    // MARK: Authorisation

    static func cabinetCardUnknown(_ card: String) -> Reason { Reason("cabinet-card-unknown", ["card": card]) }
    static func cabinetOfficerUnknown(_ badge: String) -> Reason { Reason("cabinet-officer-unknown", ["badge": badge]) }
    static func cabinetOfficerRetired(_ badge: String) -> Reason { Reason("cabinet-officer-retired", ["badge": badge]) }
    static func cabinetSessionUnfinished(_ session: String) -> Reason { Reason("cabinet-session-unfinished", ["session": session]) }
    static func cabinetNothingToDo(_ badge: String) -> Reason { Reason("cabinet-nothing-to-do", ["badge": badge]) }
    static func cabinetApprovalExpired(_ object: String, expires: String) -> Reason {
        Reason("cabinet-approval-expired", ["object": object, "expires": expires])
    }
    static let cabinetNeedsClerk = Reason("cabinet-needs-clerk")
    static func cabinetWitnessNotClerk(_ badge: String) -> Reason { Reason("cabinet-witness-not-clerk", ["badge": badge]) }
    static func cabinetWitnessIsOfficer(_ badge: String) -> Reason { Reason("cabinet-witness-is-officer", ["badge": badge]) }

    // MARK: Sessions

    static func cabinetSessionUnknown(_ session: String) -> Reason { Reason("cabinet-session-unknown", ["session": session]) }
    static func cabinetSessionEnded(_ session: String, state: CabinetSession.State) -> Reason {
        Reason("cabinet-session-ended", ["session": session, "state": state.rawValue])
    }
    static func cabinetDoorNotOpen(_ session: String) -> Reason { Reason("cabinet-door-not-open", ["session": session]) }
    static func cabinetDoorOpen(_ session: String) -> Reason { Reason("cabinet-door-open", ["session": session]) }
    static let cabinetRoundIncomplete = Reason("cabinet-round-incomplete")
    static func cabinetRoundsDisagree(undecided: Int) -> Reason { Reason("cabinet-rounds-disagree", ["undecided": String(undecided)]) }
    static func cabinetAlarmKindInvalid(_ kind: String) -> Reason { Reason("cabinet-alarm-kind-invalid", ["kind": kind]) }
}
