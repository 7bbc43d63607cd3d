public import Foundation
public import PropertyLedger

/// The cabinets' records, read from a snapshot of the store.
extension DossierVault {
    /// Findings in the order they were recorded: the open ones only if `openOnly`; of one object if given.
    public static func findings(in snapshot: borrowing StoreSnapshot, openOnly: Bool, object: String? = nil) throws -> [Finding] {
        try CabinetTables.findings(openOnly: openOnly, object: object, in: snapshot.tables)
    }

    /// Door sessions, newest first, of `cabinet` if given.
    public static func cabinetSessions(in snapshot: borrowing StoreSnapshot, cabinet: String?, limit: Int = 1_000) throws
        -> [CabinetSession]
    {
        try CabinetTables.sessions(cabinet: cabinet, limit: limit, in: snapshot.tables)
    }

    /// The cabinet `code`: its contents by slot, running session and open findings.
    ///
    /// - Throws: ``LedgerError`` (`notFound`): `cabinet-unknown`.
    public static func cabinetStatus(_ code: String, in snapshot: borrowing StoreSnapshot, now: Date) throws -> CabinetStatus {
        guard let cabinet = try snapshot.custody.location(code), cabinet.kind == .cabinet else {
            throw LedgerError(.notFound, .cabinetUnknown(code))
        }
        let stored = try snapshot.custody.objects(
            matching: ObjectFilter(location: cabinet.code, status: .inStorage, includesRegistration: false, limit: .max), now: now)
        let slots = try CabinetTables.slots(of: cabinet.code, in: snapshot.custody)
        let bySlot = Dictionary(grouping: stored, by: { $0.location ?? "" })
        return CabinetStatus(
            cabinet: cabinet, slots: slots.map { ($0, bySlot[$0.code] ?? []) }, unslotted: bySlot[cabinet.code] ?? [],
            session: try CabinetTables.runningSession(at: cabinet.code, in: snapshot.tables),
            findings: try CabinetTables.findings(openOnly: true, in: snapshot.tables).filter { $0.cabinet == cabinet.code })
    }

    /// The card bound to `badge`, if any.
    public static func card(of badge: String, in snapshot: borrowing StoreSnapshot) throws -> String? {
        try CabinetTables.card(of: badge, in: snapshot.tables)
    }
}
