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
    static let peerWitnessKeyMalformed = Reason("peer-witness-key-malformed")
    static func peerWitnessKeyForeign(_ name: String, origin: String) -> Reason {
        Reason("peer-witness-key-foreign", ["name": name, "origin": origin])
    }
    static func transferReceiptCosignature(_ detail: String) -> Reason { Reason("transfer-receipt-cosignature", ["detail": detail]) }
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

extension Reason {
    static let transferNeedsActor = Reason("transfer-needs-actor")
    static func transferNeedsClerk(badge: String, role: Role) -> Reason {
        Reason("transfer-needs-clerk", ["badge": badge, "role": role.rawValue])
    }
    static func transferCaseUnknown(_ number: String) -> Reason { Reason("transfer-case-unknown", ["case": number]) }
    static func transferNothingToSend(_ number: String) -> Reason { Reason("transfer-nothing-to-send", ["case": number]) }
    static func transferTooManyObjects(_ count: Int, most: Int) -> Reason {
        Reason("transfer-too-many-objects", ["count": String(count), "most": String(most)])
    }
    static func transferObjectNotOfCase(_ object: String, case number: String) -> Reason {
        Reason("transfer-object-not-of-case", ["object": object, "case": number])
    }
    static func transferObjectNotInStorage(_ object: String) -> Reason { Reason("transfer-object-not-in-storage", ["object": object]) }
    static func objectInTransfer(_ object: String, transfer: String) -> Reason {
        Reason("object-in-transfer", ["object": object, "transfer": transfer])
    }
}

extension Reason {
    static func transferBundleMalformed(at offset: Int) -> Reason { Reason("transfer-bundle-malformed", ["offset": String(offset)]) }
    static func transferPeerSizeBeyondLog(_ size: Int64, size log: Int64) -> Reason {
        Reason("transfer-peer-size-beyond-log", ["old": String(size), "size": String(log)])
    }
}

extension Reason {
    static func transferForOther(_ origin: String) -> Reason { Reason("transfer-for-other", ["origin": origin]) }
    static func transferReplayed(_ transfer: String) -> Reason { Reason("transfer-replayed", ["transfer": transfer]) }
    static func transferProofOtherCheckpoint(_ position: Int) -> Reason {
        Reason("transfer-proof-other-checkpoint", ["position": String(position)])
    }
    static func transferProofInvalid(_ position: Int) -> Reason { Reason("transfer-proof-invalid", ["position": String(position)]) }
    static func transferManifestMismatch(_ what: String) -> Reason { Reason("transfer-manifest-mismatch", ["detail": what]) }
    static func transferAnswerUnknownObject(_ object: String) -> Reason { Reason("transfer-answer-unknown-object", ["object": object]) }
    static func transferAnswerTwice(_ object: String) -> Reason { Reason("transfer-answer-twice", ["object": object]) }
    static func transferObjectUnanswered(_ object: String) -> Reason { Reason("transfer-object-unanswered", ["object": object]) }
    static func transferReceiptUnknown(_ transfer: String) -> Reason { Reason("transfer-receipt-unknown", ["transfer": transfer]) }
    static func transferReceiptMismatch(_ what: String) -> Reason { Reason("transfer-receipt-mismatch", ["detail": what]) }
}

extension Reason {
    static func objectTransferred(_ object: String, transfer: String) -> Reason {
        Reason("object-transferred", ["object": object, "transfer": transfer])
    }
}
