public import PropertyLedger

/// What `ledger cabinet status` shows: the cabinet, what it holds slot by slot, its running session and its
/// open findings.
public struct CabinetStatus: Sendable {
    public let cabinet: Location
    /// Every slot with the objects stored in it, by slot code.
    public let slots: [(slot: Location, objects: [CustodyObject])]
    /// Objects stored at the cabinet itself, in no slot.
    public let unslotted: [CustodyObject]
    public let session: CabinetSession?
    public let findings: [Finding]
}
