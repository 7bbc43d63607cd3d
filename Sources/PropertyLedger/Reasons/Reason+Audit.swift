/// Reasons of an audit's findings (``AuditReport/Finding``): `audit-…` subjects say where, the others what
/// is wrong there. `first` and `last` bound a range of entries.
extension Reason {
    static func auditEntry(_ index: Int64) -> Reason { Reason("audit-entry", ["index": String(index)]) }
    static func auditLeaf(_ index: Int64) -> Reason { Reason("audit-tree-leaf", ["index": String(index)]) }
    static func auditNode(level: Int, index: Int64) -> Reason {
        Reason("audit-tree-node", ["level": String(level), "index": String(index)])
    }

    /// The audit's subjects and findings.
    public static let auditReasons: [ReasonSpec] = [
        .init("audit-entry", "index"), .init("audit-tree-leaf", "index"), .init("audit-tree-node", "level", "index"),
        .init("audit-checkpoint", "size"), .init("audit-checkpoint-file", "path"), .init("audit-private-key", "path"),
        .init("entry-missing", "next"), .init("leaf-without-entry"), .init("entry-bytes-mismatch"),
        .init("entry-without-leaf"), .init("node-missing"), .init("node-mismatch", "first", "last"),
        .init("node-beyond-log", "last", "size"), .init("checkpoint-note-unverifiable", "detail"),
        .init("checkpoint-columns-mismatch"), .init("checkpoint-entries-missing", "size", "entries", "first", "last"),
        .init("checkpoint-tree-uncomputable", "detail"), .init("checkpoint-root-rewritten", "first", "last"),
        .init("checkpoint-file-missing"), .init("audit-unreadable", "detail"), .init("checkpoint-file-foreign"),
        .init("checkpoint-file-beyond-log", "size", "entries"), .init("checkpoint-file-not-in-store", "size"),
        .init("checkpoint-file-forked", "size"), .init("private-key-absent"), .init("private-key-damaged"),
        .init("private-key-mismatch"), .init("private-key-readable", "mode"),
    ]
}
