/// The outcome of a full audit of a store (``LedgerStore/audit()``).
public struct AuditReport: Sendable {
    /// One thing that does not hold, and where.
    public struct Finding: Sendable, CustomStringConvertible {
        /// The first entry index the problem affects, when it concerns entries.
        public var index: Int64?
        /// Where the problem is (``Reason/auditReasons``): `audit-entry(index: 17)`,
        /// `audit-tree-node(level: 2, index: 3)`, `audit-checkpoint(size: 8)`.
        public var subject: Reason
        /// What is wrong there: `node-mismatch(first: 12, last: 15)`.
        public var reason: Reason

        /// ``subject`` and ``reason`` in their debug forms, for logs and tests; people read them worded by the
        /// presentation layer.
        public var place: String { subject.description }
        public var problem: String { reason.description }
        public var description: String { "\(place): \(problem)" }
    }

    /// The number of entries in the store.
    public var size: Int64 = 0
    /// How many stored tree nodes were recomputed and matched.
    public var nodesChecked: Int64 = 0
    /// How many signed checkpoints were verified (signature, root, and agreement with the store).
    public var checkpointsChecked = 0
    /// How many entries' signatures were verified against their enrolled keys.
    public var signaturesChecked: Int64 = 0
    /// How many entries carry no signature (those written before their holder had a key, or without one).
    public var unsignedEntries: Int64 = 0
    /// The size of the latest signed checkpoint, if any.
    public var latestCheckpointSize: Int64?
    /// What did not hold, ordered by the first affected entry; at most ``maximumFindings``.
    public var findings: [Finding] = []
    /// How many findings there were in all, including those not kept.
    public var findingCount = 0
    /// What does not break the log but needs attention: a missing checkpoint file or key, an exposed key.
    public var warnings: [Finding] = []

    static let maximumFindings = 100

    public var isIntact: Bool { findingCount == 0 }

    /// The first bad entry index: the earliest index any finding affects.
    public var firstBadIndex: Int64? { findings.compactMap(\.index).min() }

    mutating func warn(_ subject: Reason, _ reason: Reason) {
        warnings.append(Finding(index: nil, subject: subject, reason: reason))
    }

    mutating func record(_ index: Int64?, _ subject: Reason, _ reason: Reason) {
        findingCount += 1
        if findings.count < Self.maximumFindings {
            findings.append(Finding(index: index, subject: subject, reason: reason))
        }
    }
}
