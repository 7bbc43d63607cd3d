public import Foundation
public import PropertyLedger

/// The deadlines and the policy, read from a snapshot of the store.
///
/// **What `asOf` means.** The custody *state* is always the store's state as it stands (the snapshot): where
/// every object is now, which cases are solved now. `asOf` only moves the clock — the instant deadlines are
/// graded at — and picks the policy: the one in force at `asOf`, i.e. the defaults overridden by every
/// `vault.policy-set` entry recorded at or before it. So `asOf` a month ahead shows what will be overdue then if
/// nothing changes meanwhile, under the policy in force now (no entry is recorded in the future); `asOf` in the
/// past grades today's open deadlines as they stood then, under the policy of then. Nothing is ever written.
extension DossierVault {
    /// Every open deadline matching `filter`, graded at `asOf`, by due time (then rule, then object).
    public static func deadlines(
        in snapshot: borrowing StoreSnapshot, asOf: Date, filter: DeadlineFilter = DeadlineFilter()
    ) throws -> [Deadline] {
        try deadlines(tables: snapshot.tables, custody: snapshot.custody, agency: snapshot.agency, asOf: asOf, filter: filter)
    }

    /// The open deadlines of one object (an id or `chip:UID`), graded at `asOf`, by due time: what `ledger show`
    /// and `scan` print beside it. Reads only that object, its case and its own rows.
    ///
    /// - Throws: ``LedgerError`` (`notFound`): `object-not-found`, `chip-not-bound`.
    public static func deadlines(of reference: String, in snapshot: borrowing StoreSnapshot, asOf: Date) throws -> [Deadline] {
        let id = try snapshot.custody.resolve(reference)
        guard let object = try snapshot.custody.object(id) else {
            throw LedgerError(.notFound, Reason("object-not-found", ["object": id]))
        }
        var finder = DeadlineFinder(
            custody: snapshot.custody, agency: snapshot.agency,
            policy: try PolicyLog.policy(in: snapshot.tables, agency: snapshot.agency, at: asOf), asOf: asOf,
            checkoutStarts: try CheckoutClock.start(of: id, in: snapshot.tables).map { [id: $0] } ?? [:],
            marks: try UnrelatedProperty.mark(of: id, in: snapshot.tables).map { [id: $0] } ?? [:],
            arrivals: try ReceivedObjects.arrival(of: id, in: snapshot.tables).map { [id: $0] } ?? [:], rules: Set(RuleID.allCases))
        return try finder.deadlines(of: object, case: finder.caseRecord(object.caseNumber)).sorted(by: DeadlineFinder.precedes)
    }

    /// The policy in force at `instant`.
    public static func policy(in snapshot: borrowing StoreSnapshot, at instant: Date) throws -> Policy {
        try PolicyLog.policy(in: snapshot.tables, agency: snapshot.agency, at: instant)
    }

    /// Every parameter of every rule (in ``PolicyParameter`` order) with its value in force at `instant`, its
    /// default and the change that set it: `ledger policy show`.
    public static func policyParameters(in snapshot: borrowing StoreSnapshot, at instant: Date) throws -> [PolicyParameterState] {
        let changes = try PolicyLog.changes(in: snapshot.tables)
        let agency = snapshot.agency
        return PolicyParameter.allCases.map { parameter in
            let own = changes.filter { $0.parameter == parameter }
            let setBy = own.last { $0.at <= instant }
            return PolicyParameterState(
                parameter: parameter, value: setBy?.value ?? parameter.defaultValue(for: agency.kind),
                defaultValue: parameter.defaultValue(for: agency.kind), setBy: setBy, changes: own)
        }
    }

    /// Every policy change recorded, in log order.
    public static func policyChanges(in snapshot: borrowing StoreSnapshot) throws -> [PolicyChange] {
        try PolicyLog.changes(in: snapshot.tables)
    }

    /// The mark of an item as unrelated to its case, if it was ever marked (`ledger show`).
    public static func unrelatedMark(of object: String, in snapshot: borrowing StoreSnapshot) throws -> UnrelatedMark? {
        try UnrelatedProperty.mark(of: snapshot.custody.resolve(object), in: snapshot.tables)
    }

    /// ``deadlines(in:asOf:filter:)`` with the objects they name, as the query that found each read it (without its
    /// registration: where it is, who holds it, its name and a dossier's volume): what `ledger due` lists, without
    /// reading every object again.
    public static func deadlinesWithObjects(
        in snapshot: borrowing StoreSnapshot, asOf: Date, filter: DeadlineFilter = DeadlineFilter()
    ) throws -> (deadlines: [Deadline], objects: [String: CustodyObject]) {
        var finder = try DeadlineFinder.make(
            tables: snapshot.tables, custody: snapshot.custody, agency: snapshot.agency, asOf: asOf,
            rules: filter.rules ?? Set(RuleID.allCases))
        return try finder.allWithObjects(matching: filter)
    }

    static func deadlines(
        tables: borrowing ProjectionTables, custody: CustodyView, agency: Agency, asOf: Date, filter: DeadlineFilter
    ) throws -> [Deadline] {
        var finder = try DeadlineFinder.make(
            tables: tables, custody: custody, agency: agency, asOf: asOf, rules: filter.rules ?? Set(RuleID.allCases))
        return try finder.allWithObjects(matching: filter).deadlines
    }
}
