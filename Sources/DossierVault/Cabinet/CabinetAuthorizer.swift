import Foundation
import PropertyLedger

/// "May this person open?" — the answer from the ledger's rules (cabinets.md): allowed to take what a supervisor
/// approved for that officer at this cabinet, to put back what that officer holds from here, or, for a clerk,
/// to check in and to count; otherwise denied with a reason. Decided inside the transaction that records the
/// answer, so two cabinets never hand out the same approval.
struct CabinetAuthorizer {
    let cabinet: Location
    let policy: Policy

    enum Decision {
        case allow(Allowance)
        case deny(Reason, badge: String?, card: String?)
    }

    /// What an allowed session may do, and the session it replaces.
    struct Allowance {
        let officer: Officer
        let card: String?
        let witness: Officer?
        let take: [String]
        let put: [String]
        let mayCheckIn: Bool
        /// A running session whose door never opened: the new authorisation ends it.
        let supersedes: CabinetSession?
    }

    /// The badge `credential` names: a badge as given, a card through its binding (nil for an unbound card).
    static func badge(of credential: CabinetRequest.Credential, in tables: borrowing ProjectionTables) throws -> String? {
        switch credential {
        case .badge(let badge): badge
        case .card(let card): try CabinetTables.officer(card: card, in: tables)
        }
    }

    func decide(
        credential: CabinetRequest.Credential, witness: CabinetRequest.Credential?, in context: borrowing RuleContext
    ) throws -> Decision {
        let card: String? = if case .card(let uid) = credential { uid } else { nil }
        guard let badge = try Self.badge(of: credential, in: context.tables) else {
            return .deny(.cabinetCardUnknown(card ?? ""), badge: nil, card: card)
        }
        func deny(_ reason: Reason) -> Decision { .deny(reason, badge: badge, card: card) }
        guard let officer = try context.custody.officer(badge) else { return deny(.cabinetOfficerUnknown(badge)) }
        guard !officer.isRetired else { return deny(.cabinetOfficerRetired(badge)) }
        let running = try CabinetTables.runningSession(at: cabinet.code, in: context.tables)
        if let running, running.state != .authorized { return deny(.cabinetSessionUnfinished(running.id)) }

        let slots = Set(try CabinetTables.slots(of: cabinet.code, in: context.custody).map(\.code)).union([cabinet.code])
        var take: [String] = []
        var expired: CabinetApproval?
        for approval in try CabinetTables.approvals(for: officer.badge, at: cabinet.code, in: context.tables) {
            guard let object = try context.custody.object(approval.object), object.status == .inStorage,
                let location = object.location, slots.contains(location)
            else { continue }
            if approval.expires > context.date { take.append(object.id) } else { expired = expired ?? approval }
        }
        let held = try context.custody.objects(
            matching: ObjectFilter(status: .checkedOut, holder: officer.badge, includesRegistration: false, limit: .max), now: context.date)
        let put = held.filter { $0.checkedOutFrom.map(slots.contains) ?? false }.map(\.id)
        let mayCheckIn = officer.role == .clerk
        guard !take.isEmpty || !put.isEmpty || mayCheckIn else {
            return deny(
                expired.map { .cabinetApprovalExpired($0.object, expires: Timestamp.string($0.expires)) } ?? .cabinetNothingToDo(badge))
        }

        var second: Officer?
        if let witness {
            guard let witnessBadge = try Self.badge(of: witness, in: context.tables) else {
                if case .card(let uid) = witness { return deny(.cabinetCardUnknown(uid)) }
                return deny(.cabinetNeedsClerk)
            }
            guard let clerk = try context.custody.officer(witnessBadge) else { return deny(.cabinetOfficerUnknown(witnessBadge)) }
            guard !clerk.isRetired else { return deny(.cabinetOfficerRetired(witnessBadge)) }
            guard clerk.badge != officer.badge else { return deny(.cabinetWitnessIsOfficer(witnessBadge)) }
            guard clerk.role == .clerk else { return deny(.cabinetWitnessNotClerk(witnessBadge)) }
            second = clerk
        } else if policy.cabinetTwoPerson && !mayCheckIn {
            return deny(.cabinetNeedsClerk)
        }
        return .allow(
            Allowance(officer: officer, card: card, witness: second, take: take, put: put, mayCheckIn: mayCheckIn, supersedes: running))
    }
}
