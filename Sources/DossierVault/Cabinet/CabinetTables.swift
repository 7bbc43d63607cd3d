import Foundation
import PropertyLedger

/// The cabinets' projections — cards, approvals waiting at a cabinet, door sessions, findings — and the
/// queries over them. Filled by ``CabinetCustody`` from the log.
enum CabinetTables {
    static let migration = SchemaMigration("5-cabinets") { schema in
        """
        CREATE TABLE \(schema).vault_cards (
            card TEXT PRIMARY KEY NOT NULL,
            badge TEXT NOT NULL,
            idx INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX \(schema).vault_cards_by_badge ON vault_cards (badge);
        CREATE TABLE \(schema).vault_cabinet_approvals (
            idx INTEGER PRIMARY KEY NOT NULL,
            object TEXT NOT NULL,
            cabinet TEXT NOT NULL,
            recipient TEXT NOT NULL,
            reason TEXT NOT NULL,
            approved_by TEXT NOT NULL,
            due TEXT NOT NULL,
            note TEXT,
            expires TEXT NOT NULL,
            used INTEGER
        ) STRICT;
        CREATE INDEX \(schema).vault_cabinet_approvals_waiting ON vault_cabinet_approvals (cabinet, recipient, used);
        CREATE INDEX \(schema).vault_cabinet_approvals_by_object ON vault_cabinet_approvals (object, used);
        CREATE TABLE \(schema).vault_cabinet_sessions (
            session TEXT PRIMARY KEY NOT NULL,
            idx INTEGER NOT NULL,
            cabinet TEXT NOT NULL,
            officer TEXT NOT NULL,
            witness TEXT,
            opened_at TEXT NOT NULL,
            state TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            take TEXT NOT NULL,
            put TEXT NOT NULL,
            check_in INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX \(schema).vault_cabinet_sessions_by_cabinet ON vault_cabinet_sessions (cabinet, state);
        CREATE TABLE \(schema).vault_findings (
            finding TEXT PRIMARY KEY NOT NULL,
            idx INTEGER NOT NULL,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            cabinet TEXT NOT NULL,
            session TEXT,
            object TEXT,
            uid TEXT,
            slot TEXT,
            detail TEXT,
            officer TEXT,
            resolved_idx INTEGER,
            resolved_at TEXT,
            resolved_by TEXT,
            note TEXT
        ) STRICT;
        CREATE INDEX \(schema).vault_findings_open ON vault_findings (resolved_idx, cabinet);
        CREATE INDEX \(schema).vault_findings_by_object ON vault_findings (object);
        """
    }

    static let tableNames = ["vault_cards", "vault_cabinet_approvals", "vault_cabinet_sessions", "vault_findings"]

    // MARK: Cards

    /// The officer card `card` identifies.
    static func officer(card: String, in tables: borrowing ProjectionTables) throws -> String? {
        try tables.firstRow("SELECT badge FROM main.vault_cards WHERE card = ?", .text(card)) { $0.text(0) }
    }

    /// The card bound to `badge`.
    static func card(of badge: String, in tables: borrowing ProjectionTables) throws -> String? {
        try tables.firstRow("SELECT card FROM main.vault_cards WHERE badge = ?", .text(badge)) { $0.text(0) }
    }

    // MARK: Approvals

    private static let approvalColumns = "idx, object, cabinet, recipient, reason, approved_by, due, note, expires, used"

    private static func approval(_ row: borrowing SQLRow) -> CabinetApproval {
        CabinetApproval(
            index: row.integer(0), object: row.text(1), cabinet: row.text(2), recipient: row.text(3),
            reason: CheckoutReason(rawValue: row.text(4)) ?? .other, approvedBy: row.text(5),
            due: StoredTime.date(row.text(6)) ?? .distantPast,
            note: row.optionalText(7), expires: StoredTime.date(row.text(8)) ?? .distantPast, usedBy: row.isNull(9) ? nil : row.integer(9))
    }

    /// The unused, unexpired approval of `object` at `now`.
    static func openApproval(of object: String, at now: Date, in tables: borrowing ProjectionTables) throws -> CabinetApproval? {
        try tables.firstRow(
            "SELECT \(approvalColumns) FROM main.vault_cabinet_approvals WHERE object = ? AND used IS NULL AND expires > ? ORDER BY idx DESC",
            .text(object), .text(Timestamp.string(now)), row: approval)
    }

    /// The unused approvals waiting for `recipient` at `cabinet`, expired ones included (the caller tells them
    /// apart: an expired one is a reason to deny).
    static func approvals(for recipient: String, at cabinet: String, in tables: borrowing ProjectionTables) throws -> [CabinetApproval] {
        try tables.rows(
            "SELECT \(approvalColumns) FROM main.vault_cabinet_approvals WHERE cabinet = ? AND recipient = ? AND used IS NULL ORDER BY object",
            .text(cabinet), .text(recipient), row: approval)
    }

    // MARK: Sessions

    private static let sessionColumns = "session, idx, cabinet, officer, witness, opened_at, state, changed_at, take, put, check_in"

    private static func session(_ row: borrowing SQLRow) -> CabinetSession {
        CabinetSession(
            id: row.text(0), index: row.integer(1), cabinet: row.text(2), officer: row.text(3), witness: row.optionalText(4),
            openedAt: StoredTime.date(row.text(5)) ?? .distantPast, state: CabinetSession.State(rawValue: row.text(6)) ?? .unreconciled,
            changedAt: StoredTime.date(row.text(7)) ?? .distantPast, take: list(row.text(8)), put: list(row.text(9)),
            mayCheckIn: row.integer(10) != 0)
    }

    static func session(_ id: String, in tables: borrowing ProjectionTables) throws -> CabinetSession? {
        try tables.firstRow("SELECT \(sessionColumns) FROM main.vault_cabinet_sessions WHERE session = ?", .text(id), row: session)
    }

    /// The session still running at `cabinet` (there is at most one).
    static func runningSession(at cabinet: String, in tables: borrowing ProjectionTables) throws -> CabinetSession? {
        try tables.firstRow(
            "SELECT \(sessionColumns) FROM main.vault_cabinet_sessions WHERE cabinet = ? AND state IN ('authorized', 'open', 'closed')",
            .text(cabinet), row: session)
    }

    /// Every running session, of every cabinet.
    static func runningSessions(in tables: borrowing ProjectionTables) throws -> [CabinetSession] {
        try tables.rows(
            "SELECT \(sessionColumns) FROM main.vault_cabinet_sessions WHERE state IN ('authorized', 'open', 'closed') ORDER BY idx",
            row: session)
    }

    /// Sessions, newest first, of `cabinet` if given.
    static func sessions(cabinet: String?, limit: Int, in tables: borrowing ProjectionTables) throws -> [CabinetSession] {
        if let cabinet {
            return try tables.rows(
                "SELECT \(sessionColumns) FROM main.vault_cabinet_sessions WHERE cabinet = ? ORDER BY idx DESC LIMIT ?", .text(cabinet),
                .integer(Int64(limit)), row: session)
        }
        return try tables.rows(
            "SELECT \(sessionColumns) FROM main.vault_cabinet_sessions ORDER BY idx DESC LIMIT ?", .integer(Int64(limit)), row: session)
    }

    // MARK: Findings

    private static let findingColumns =
        "finding, idx, at, kind, cabinet, session, object, uid, slot, detail, officer, resolved_idx, resolved_at, resolved_by, note"

    private static func finding(_ row: borrowing SQLRow) -> Finding {
        Finding(
            id: row.text(0), index: row.integer(1), at: StoredTime.date(row.text(2)) ?? .distantPast,
            kind: FindingKind(rawValue: row.text(3)) ?? .alarm, cabinet: row.text(4), session: row.optionalText(5),
            object: row.optionalText(6),
            uid: row.optionalText(7), slot: row.optionalText(8), detail: row.optionalText(9), officer: row.optionalText(10),
            resolution: row.isNull(11)
                ? nil
                : Finding.Resolution(
                    index: row.integer(11), at: StoredTime.date(row.text(12)) ?? .distantPast, by: row.text(13), note: row.text(14)))
    }

    static func finding(_ id: String, in tables: borrowing ProjectionTables) throws -> Finding? {
        try tables.firstRow("SELECT \(findingColumns) FROM main.vault_findings WHERE finding = ?", .text(id), row: finding)
    }

    /// Findings in the order they were recorded; only the open ones if `openOnly`; of `object` if given.
    static func findings(openOnly: Bool, object: String? = nil, in tables: borrowing ProjectionTables) throws -> [Finding] {
        var conditions: [String] = []
        if openOnly { conditions.append("resolved_idx IS NULL") }
        if object != nil { conditions.append("object = ?") }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT \(findingColumns) FROM main.vault_findings \(whereClause) ORDER BY idx"
        if let object { return try tables.rows(sql, .text(object), row: finding) }
        return try tables.rows(sql, row: finding)
    }

    /// Whether an open finding of `kind` already names `subject` (an object, else a uid) at `cabinet`: a
    /// discrepancy that persists from one patrol to the next is one finding, not one a round.
    static func hasOpenFinding(_ kind: FindingKind, cabinet: String, object: String?, uid: String?, in tables: borrowing ProjectionTables)
        throws -> Bool
    {
        try tables.firstRow(
            """
            SELECT 1 FROM main.vault_findings WHERE resolved_idx IS NULL AND kind = ? AND cabinet = ?
                AND coalesce(object, '') = ? AND coalesce(uid, '') = ?
            """, .text(kind.rawValue), .text(cabinet), .text(object ?? ""), .text(uid ?? "")
        ) { _ in true } ?? false
    }

    // MARK: Cabinets

    /// The cabinet `location` is, or is a slot of.
    static func cabinet(containing location: String, in custody: CustodyView) throws -> Location? {
        guard let place = try custody.location(location) else { return nil }
        if place.kind == .cabinet { return place }
        if place.kind == .slot, let parent = place.parent, let cabinet = try custody.location(parent), cabinet.kind == .cabinet {
            return cabinet
        }
        return nil
    }

    /// The slots of `cabinet`, by code.
    static func slots(of cabinet: String, in custody: CustodyView) throws -> [Location] {
        try custody.locations().filter { $0.kind == .slot && $0.parent == cabinet }
    }

    // MARK: Lists in columns

    static func encoded(_ list: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(list), as: UTF8.self)) ?? "[]"
    }

    static func list(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}
