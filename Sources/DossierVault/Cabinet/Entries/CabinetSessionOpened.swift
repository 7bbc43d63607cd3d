public import PropertyLedger

/// The entry `vault.cabinet-session-opened`: a cabinet identified an officer and the ledger allowed the door to
/// open, for what the session may take, put back and check in. Caused by the cabinet (the entry's `device`),
/// with the identified officer as actor.
public struct CabinetSessionOpened: EntryPayload, Codable, Hashable {
    public static let type = "vault.cabinet-session-opened"

    /// `S` and this entry's index.
    public let session: String
    public let cabinet: String
    /// How the officer was identified: `badge` or `card`.
    public let credential: String
    /// The card's UID, when a card identified the officer.
    public let card: String?
    /// The clerk who confirmed beside the officer, under the two-person rule.
    public let witness: String?
    public let take: [String]
    public let put: [String]
    /// A clerk's session: objects registered and not yet stored may be checked in, and it serves a stocktake.
    public let checkIn: Bool
    /// The running session this one replaced because its door never opened.
    public let supersedes: String?
}

/// The entry `vault.cabinet-access-denied`: a cabinet asked whether someone may open it and the ledger said no,
/// for the reason given (its id and arguments, as the adapter was told).
public struct CabinetAccessDenied: EntryPayload, Codable, Hashable {
    public static let type = "vault.cabinet-access-denied"

    public let cabinet: String
    public let credential: String
    public let badge: String?
    public let card: String?
    public let reason: String
    public let args: [String: String]
}

/// The entry `vault.cabinet-door`: the door of a session's cabinet opened or closed.
public struct CabinetDoorChanged: EntryPayload, Codable, Hashable {
    public static let type = "vault.cabinet-door"

    public enum State: String, Codable, Sendable, Hashable, CaseIterable {
        case opened, closed
    }

    public let session: String
    public let cabinet: String
    public let state: State
}

/// The entry `vault.cabinet-session-reconciled`: what the inventory after the door closed showed, as recorded in
/// the same transaction — the custody entries (`taken`, `returned`, `checkedIn`: object ids) and the findings.
public struct CabinetSessionReconciled: EntryPayload, Codable, Hashable {
    public static let type = "vault.cabinet-session-reconciled"

    public let session: String
    public let cabinet: String
    /// Complete inventory rounds that decided it.
    public let rounds: Int
    /// The miss rate those rounds showed, in thousandths (an integer, so the entry's bytes are exact).
    public let missRatePermille: Int
    public let taken: [String]
    public let returned: [String]
    public let checkedIn: [String]
    public let findings: [String]
}

/// The entry `vault.cabinet-session-unreconciled`: a session ended without a reconciliation.
public struct CabinetSessionUnreconciled: EntryPayload, Codable, Hashable {
    public static let type = "vault.cabinet-session-unreconciled"

    public enum Cause: String, Codable, Sendable, Hashable {
        /// Its time (`cabinet.session-timeout`) ran out.
        case timeout
        /// Another authorisation at the cabinet replaced it before its door opened.
        case superseded
        /// The most rounds the reconciler takes still did not agree.
        case unverifiable
    }

    public let session: String
    public let cabinet: String
    public let cause: Cause
    /// The finding recorded with it (none when the door never opened).
    public let finding: String?
}
