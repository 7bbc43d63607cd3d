import Foundation
import PropertyLedger

/// The policy entries (``PolicySet``), kept in `vault_policy` by log index, and the policy in force at any
/// instant folded from them.
struct PolicyLog: VaultPart {
    static let table = SchemaMigration("2-policy") { schema in
        """
        CREATE TABLE \(schema).vault_policy (
            idx INTEGER PRIMARY KEY NOT NULL,
            rule TEXT NOT NULL,
            parameter TEXT NOT NULL,
            value TEXT NOT NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            reason TEXT NOT NULL
        ) STRICT;
        """
    }

    var entryTypes: Set<String> { [PolicySet.type] }
    var projectionTables: [String] { ["vault_policy"] }

    func apply(_ entry: LoggedEntry, at index: Int64, to tables: borrowing ProjectionTables) throws {
        let set = try entry.payload(PolicySet.self)
        try tables.execute(
            "INSERT INTO \(tables.schema).vault_policy (idx, rule, parameter, value, at, actor, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
            .integer(index), .text(set.rule), .text(set.parameter), .text(set.value), .text(entry.at), .text(entry.actor ?? ""),
            .text(set.reason))
    }

    /// Every change recorded, in log order.
    static func changes(in tables: borrowing ProjectionTables) throws -> [PolicyChange] {
        try tables.rows("SELECT idx, rule, parameter, value, at, actor, reason FROM main.vault_policy ORDER BY idx") { row in
            // Written by ``PolicySet/decide`` in canonical form; a row that does not read is not a change.
            guard let parameter = PolicyParameter(rule: row.text(1), name: row.text(2)),
                let value = try? PolicyValue(parsing: row.text(3), for: parameter), let at = StoredTime.date(row.text(4))
            else { return nil }
            return PolicyChange(index: row.integer(0), parameter: parameter, value: value, actor: row.text(5), at: at, reason: row.text(6))
        }.compactMap { $0 }
    }

    /// The policy in force at `instant`: the defaults overridden by every change recorded at or before it, in
    /// log order.
    static func policy(in tables: borrowing ProjectionTables, agency: Agency, at instant: Date) throws -> Policy {
        policy(from: try changes(in: tables), agency: agency, at: instant)
    }

    static func policy(from changes: [PolicyChange], agency: Agency, at instant: Date) -> Policy {
        var policy = Policy.defaults(for: agency.kind)
        for change in changes where change.at <= instant {
            policy[change.parameter] = change.value
        }
        return policy
    }
}
