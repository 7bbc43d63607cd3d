public import PropertyLedger

/// The reasons of transfers and the witness, declared (with their wording) in LedgerPresentation's
/// `Reason.transferReasons` and `Catalogue.transfers`.
extension Reason {
    static let peerNeedsActor = Reason("peer-needs-actor")
    static func peerNeedsSupervisor(badge: String, role: Role) -> Reason {
        Reason("peer-needs-supervisor", ["badge": badge, "role": role.rawValue])
    }
    static func peerNameMalformed(_ name: String) -> Reason { Reason("peer-name-malformed", ["name": name]) }
    static let peerKeyMalformed = Reason("peer-key-malformed")
    static func peerIsThisLog(_ origin: String) -> Reason { Reason("peer-is-this-log", ["origin": origin]) }
    static func peerNameTaken(_ name: String, origin: String) -> Reason { Reason("peer-name-taken", ["name": name, "origin": origin]) }
    static func peerOriginTaken(_ origin: String, peer: String) -> Reason {
        Reason("peer-origin-taken", ["origin": origin, "name": peer])
    }
    static func peerUnknown(_ name: String) -> Reason { Reason("peer-unknown", ["name": name]) }
    static func peerNotFrozen(_ name: String) -> Reason { Reason("peer-not-frozen", ["name": name]) }
    static func peerOriginUnknown(_ origin: String) -> Reason { Reason("peer-origin-unknown", ["origin": origin]) }
    static func peerCheckpointUnsigned(_ name: String) -> Reason { Reason("peer-checkpoint-unsigned", ["name": name]) }
    static func peerFrozen(_ name: String, index: Int64) -> Reason { Reason("peer-frozen", ["name": name, "index": String(index)]) }
    static func addCheckpointMalformed(line: Int) -> Reason { Reason("add-checkpoint-malformed", ["line": String(line)]) }
    static func addCheckpointOldBeyondSize(_ old: Int64, size: Int64) -> Reason {
        Reason("add-checkpoint-old-beyond-size", ["old": String(old), "size": String(size)])
    }
    static func addCheckpointConflict(_ name: String, given: Int64, held: Int64) -> Reason {
        Reason("add-checkpoint-conflict", ["name": name, "old": String(given), "size": String(held)])
    }
}

extension Reason {
    /// The refusal of a checkpoint that contradicts what the witness held: the evidence was kept at `index`.
    public static func peerCheckpointInconsistent(_ name: String, index: Int64) -> Reason {
        Reason("peer-checkpoint-inconsistent", ["name": name, "index": String(index)])
    }
}
