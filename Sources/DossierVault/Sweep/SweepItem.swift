public import Foundation

/// A dossier on the transfer list to central storage (`ledger dossier sweep`): the one-month rule says it must be
/// there by the time asked about, and it is not.
public struct SweepItem: Sendable, Hashable {
    /// What must happen before the dossier can be moved.
    public enum Disposition: String, Sendable, Hashable, Codable, CaseIterable {
        /// In storage elsewhere: it can be moved now.
        case movable
        /// Checked out: it must first be returned (to central storage).
        case mustBeReturned = "must-be-returned"
        /// Registered but never stored: it must first be checked in (at central storage).
        case mustBeCheckedIn = "must-be-checked-in"
    }

    public let dossier: String
    public let caseNumber: String
    /// The case's handling unit, if known.
    public let unit: String?
    /// The later of the case's opening and its last substantive progress.
    public let since: Date
    public let due: Date
    /// Where it is, if in storage.
    public let location: String?
    /// Who holds it, if checked out.
    public let holder: String?
    public let disposition: Disposition

    /// Whether the clerk can record its move now.
    public var canMoveNow: Bool { disposition == .movable }

    public init(
        dossier: String, caseNumber: String, unit: String?, since: Date, due: Date, location: String?, holder: String?,
        disposition: Disposition
    ) {
        self.dossier = dossier
        self.caseNumber = caseNumber
        self.unit = unit
        self.since = since
        self.due = due
        self.location = location
        self.holder = holder
        self.disposition = disposition
    }
}
