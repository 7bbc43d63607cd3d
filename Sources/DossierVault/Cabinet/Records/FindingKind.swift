/// What a cabinet finding says happened (docs/cabinet-protocol.md). Findings are recorded as such — for a
/// supervisor to review — and never as custody.
public enum FindingKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An object gone during a door session whose officer was not allowed to take it (违规出库).
    case unauthorisedRemoval = "unauthorised-removal"
    /// A known object inside that the ledger did not expect there (stored elsewhere, held by someone else).
    case unexpectedDeposit = "unexpected-deposit"
    /// A tag bound to no object.
    case unknownTag = "unknown-tag"
    /// An object in another slot of the cabinet than the one recorded (files put back in the wrong place).
    case wrongSlot = "wrong-slot"
    /// An object gone with no door session open: found by a patrol inventory after the last session.
    case missingAfterSession = "missing-after-session"
    /// An alarm the cabinet raised (door forced, door left open, tamper, power).
    case alarm
    /// A door session the ledger could not reconcile: its time ran out, or the rounds never agreed.
    case sessionUnreconciled = "session-unreconciled"
}
