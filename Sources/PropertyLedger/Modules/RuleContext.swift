public import Foundation

/// What a module's rules see when they decide an entry: who acts and when, the custody state, and the
/// module's own tables, as they stand inside the transaction that will write the entry.
public struct RuleContext: ~Copyable {
    /// The officer's badge, as given (nil for none).
    public let actor: String?
    /// The time the entry will carry.
    public let date: Date
    /// The agency that runs the ledger.
    public let agency: Agency
    /// The index the entry will take.
    public let nextIndex: Int64
    /// The store's tables in `main`, for the module's own.
    public let tables: ProjectionTables
    /// The custody core's current state.
    public let custody: CustodyView
    /// The log the entry goes into.
    let identity: LogIdentity
    /// The device the entry is caused by, if one is.
    let device: Device?

    /// The origin of the log the entry goes into (its identity in checkpoints and approvals).
    public var origin: String { identity.origin }

    /// The root hash of this log's first `size` entries, as the tree holds it now; nil for a size the log has
    /// not reached (or 0). A module checks with it what another party says it saw of this log.
    public func logRoot(size: Int64) throws -> Data? {
        guard size > 0, size <= nextIndex else { return nil }
        return try MerkleTree.stored(in: custody.projections.database, hasher: try TreeHasher(identity.profile.hashAlgorithm)).root(
            size: size)
    }

    /// The acting officer, or the refusal: `none` when there is no actor, `officer-unknown` or `officer-retired`
    /// (the custody core's reasons), `lacking(badge, role)` for an officer without one of `roles`.
    @discardableResult
    public func actingOfficer(roles: Set<Role>, none: Reason, lacking: (String, Role) -> Reason) throws -> Officer {
        // The badge as the entry will carry it: one the core would read differently (spaces, full-width digits) is
        // not looked up in another form.
        guard let badge = actor, !badge.isEmpty else { throw LedgerError(.refused, none) }
        guard let officer = try custody.officer(badge) else {
            throw LedgerError(.refused, Reason("officer-unknown", ["party": "actor", "badge": badge]))
        }
        guard !officer.isRetired else { throw LedgerError(.refused, Reason("officer-retired", ["party": "actor", "badge": badge])) }
        guard roles.contains(officer.role) else { throw LedgerError(.refused, lacking(badge, officer.role)) }
        return officer
    }

    /// `approval` checked as the custody rules check a check-out's (``ApprovalStatement``): for this log and
    /// `action`, every one of `terms` equal, signed by `approver`'s active key, valid now, never used before.
    /// The approval to carry in the entry's top-level `approval` member, whose nonce the store then records as
    /// used; nil when the approver has no key (he approves by name) or a device acts.
    ///
    /// - Throws: ``LedgerError``: `approval-required` when the approver has a key and `approval` is nil, and the
    ///   other refusals of a signed approval (docs/entry-format.md).
    public func checkedApproval(
        _ approval: SignedApproval?, of action: ApprovalStatement.Action, terms: [String: String], by approver: Officer
    ) throws -> SignedApproval? {
        try ApprovalCheck(projections: custody.projections, identity: identity).checked(
            approval, of: action, terms: terms, by: approver, at: date, device: device)
    }
}

@available(*, unavailable)
extension RuleContext: Sendable {}

/// Read access to the custody core's current state (its projections) for a module's rules.
public struct CustodyView {
    let projections: Projections

    public func officer(_ badge: String) throws -> Officer? { try projections.officer(badge) }
    public func officers() throws -> [Officer] { try projections.officers() }
    public func location(_ code: String) throws -> Location? { try projections.location(code) }
    /// Every location, by code.
    public func locations() throws -> [Location] { try projections.locations() }
    /// The live object chip `uid` (normalized) is bound to, if any.
    public func objectID(chip uid: String) throws -> String? { try projections.objectID(chip: uid) }
    public func caseRecord(_ number: String) throws -> CaseRecord? { try projections.caseRecord(number) }
    public func object(_ id: String) throws -> CustodyObject? { try projections.object(id) }
    /// The objects with these ids, without their registrations (``CustodyObject/item`` and ``CustodyObject/dossier``
    /// nil; ``CustodyObject/volume`` read): a report's many objects at once. Unknown ids are left out.
    public func objectsWithoutRegistration(_ ids: some Collection<String>) throws -> [CustodyObject] {
        try projections.objectsWithoutRegistration(ids)
    }
    /// The object id a reference names — an id, or `chip:UID` for the live object the chip is bound to —
    /// normalized (NFKC, trimmed) as the custody rules read it; `chip-not-bound` (not found) for a free chip.
    public func resolve(_ reference: String) throws -> String { try projections.resolve(reference) }
    /// The objects matching `filter`; `now` decides what is overdue.
    public func objects(matching filter: ObjectFilter, now: Date) throws -> [CustodyObject] {
        try projections.objects(matching: filter, now: now)
    }
    public func cases(matching filter: CaseFilter) throws -> [CaseRecord] { try projections.cases(matching: filter) }
}

@available(*, unavailable)
extension CustodyView: Sendable {}
