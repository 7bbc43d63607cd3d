import Foundation
import PropertyLedger

/// Smart cabinets as a part of DossierVault: the entries of door sessions, cards, approvals at a cabinet and
/// findings, folded into ``CabinetTables``; and the rule that a cabinet records a check-out only under an
/// approval waiting at that cabinet for that officer.
struct CabinetCustody: VaultPart {
    var entryTypes: Set<String> {
        [
            CardBound.type, CabinetApproved.type, CabinetSessionOpened.type, CabinetAccessDenied.type, CabinetDoorChanged.type,
            CabinetSessionReconciled.type, CabinetSessionUnreconciled.type, FindingRecorded.type, FindingResolved.type,
        ]
    }

    var projectionTables: [String] { CabinetTables.tableNames }

    func apply(_ entry: LoggedEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {
        let schema = tables.schema
        switch entry.type {
        case CardBound.type:
            let binding = try entry.payload(CardBound.self)
            try tables.execute("DELETE FROM \(schema).vault_cards WHERE badge = ?", .text(binding.badge))
            try tables.execute(
                "INSERT INTO \(schema).vault_cards (card, badge, idx) VALUES (?, ?, ?)", .text(binding.card), .text(binding.badge),
                .integer(index))
        case CabinetApproved.type:
            let approval = try entry.payload(CabinetApproved.self)
            try tables.execute(
                """
                INSERT INTO \(schema).vault_cabinet_approvals
                    (idx, object, cabinet, recipient, reason, approved_by, due, note, expires, used)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
                """, .integer(index), .text(approval.object), .text(approval.cabinet), .text(approval.to), .text(approval.reason.rawValue),
                .text(approval.approvedBy), .text(approval.due), approval.note.map(SQLValue.text) ?? .null, .text(approval.expires))
        case CabinetSessionOpened.type:
            let opened = try entry.payload(CabinetSessionOpened.self)
            try tables.execute(
                """
                INSERT INTO \(schema).vault_cabinet_sessions
                    (session, idx, cabinet, officer, witness, opened_at, state, changed_at, take, put, check_in)
                VALUES (?, ?, ?, ?, ?, ?, 'authorized', ?, ?, ?, ?)
                """, .text(opened.session), .integer(index), .text(opened.cabinet), .text(entry.actor ?? ""),
                opened.witness.map(SQLValue.text) ?? .null, .text(entry.at), .text(entry.at), .text(CabinetTables.encoded(opened.take)),
                .text(CabinetTables.encoded(opened.put)), .integer(opened.checkIn ? 1 : 0))
        case CabinetDoorChanged.type:
            let door = try entry.payload(CabinetDoorChanged.self)
            try setState(door.state == .opened ? .open : .closed, of: door.session, at: entry.at, in: tables)
        case CabinetSessionReconciled.type:
            try setState(.reconciled, of: try entry.payload(CabinetSessionReconciled.self).session, at: entry.at, in: tables)
        case CabinetSessionUnreconciled.type:
            try setState(.unreconciled, of: try entry.payload(CabinetSessionUnreconciled.self).session, at: entry.at, in: tables)
        case FindingRecorded.type:
            let finding = try entry.payload(FindingRecorded.self)
            let officer = try finding.session.flatMap { try CabinetTables.session($0, in: tables)?.officer }
            try tables.execute(
                """
                INSERT INTO \(schema).vault_findings (finding, idx, at, kind, cabinet, session, object, uid, slot, detail, officer)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, .text(finding.finding), .integer(index), .text(entry.at), .text(finding.kind.rawValue), .text(finding.cabinet),
                optional(finding.session), optional(finding.object), optional(finding.uid), optional(finding.slot),
                optional(finding.detail),
                optional(officer))
        case FindingResolved.type:
            let resolved = try entry.payload(FindingResolved.self)
            try tables.execute(
                "UPDATE \(schema).vault_findings SET resolved_idx = ?, resolved_at = ?, resolved_by = ?, note = ? WHERE finding = ?",
                .integer(index), .text(entry.at), .text(entry.actor ?? ""), .text(resolved.note), .text(resolved.finding))
        default:
            break  // vault.cabinet-access-denied: the log keeps it; no table needs it
        }
    }

    /// A check-out of an object, wherever recorded, uses up the approval waiting for it: the object has left.
    func observe(_ entry: CustodyEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {
        guard case .checkedOut(let checkout) = entry.event else { return }
        try tables.execute(
            "UPDATE \(tables.schema).vault_cabinet_approvals SET used = ? WHERE object = ? AND used IS NULL", .integer(index),
            .text(checkout.object))
    }

    /// A cabinet records a check-out only under the approval waiting at that cabinet for that officer, on the
    /// approval's terms: the cabinet cannot approve anything itself.
    func review(_ entry: CustodyEntry, in context: borrowing RuleContext) throws {
        guard let device = entry.device, device.kind == .cabinet, case .checkedOut(let checkout) = entry.event else { return }
        guard let approval = try CabinetTables.openApproval(of: checkout.object, at: context.date, in: context.tables),
            approval.cabinet == device.id, approval.recipient == checkout.to, approval.approvedBy == checkout.approvedBy,
            approval.reason == checkout.reason, Timestamp.string(approval.due) == checkout.due
        else {
            throw LedgerError(.refused, .cabinetCheckoutUnapproved(checkout.object, cabinet: device.id, badge: checkout.to))
        }
    }

    private func setState(_ state: CabinetSession.State, of session: String, at: String, in tables: borrowing ProjectionTables) throws {
        try tables.execute(
            "UPDATE \(tables.schema).vault_cabinet_sessions SET state = ?, changed_at = ? WHERE session = ?", .text(state.rawValue),
            .text(at),
            .text(session))
    }

    private func optional(_ text: String?) -> SQLValue { text.map(SQLValue.text) ?? .null }
}
