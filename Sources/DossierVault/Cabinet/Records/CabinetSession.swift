public import Foundation

/// A door session (`vault_cabinet_sessions`): from an allowed `authorize` to the reconciled inventory after the
/// door closed, or to its end unreconciled.
public struct CabinetSession: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Allowed; the door has not opened yet.
        case authorized
        /// The door is open.
        case open
        /// The door closed; inventory rounds are awaited.
        case closed
        case reconciled
        /// Ended without a reconciliation: timed out, superseded before the door opened, or unverifiable.
        case unreconciled

        /// Still running: a later request may continue it.
        public var isRunning: Bool { self == .authorized || self == .open || self == .closed }
    }

    /// `S` and the index of the entry that opened it.
    public let id: String
    public let index: Int64
    public let cabinet: String
    /// The officer the cabinet identified.
    public let officer: String
    /// The clerk who confirmed beside the officer (two-person rule), if one did.
    public let witness: String?
    public let openedAt: Date
    public let state: State
    /// When its state last changed (the door, the end).
    public let changedAt: Date
    /// The objects the officer may take and put back in this session.
    public let take: [String]
    public let put: [String]
    /// The officer is a clerk: objects registered and not yet stored may be checked in.
    public let mayCheckIn: Bool
}
