public import Foundation

/// One open deadline: an object that must be somewhere, or in some state, by a time, under a rule.
///
/// Deadlines are computed from the store's state and the policy in force
/// (``DossierVault/deadlines(in:asOf:filter:)``), never stored: the log explains each one (the entries it counts
/// from, the policy entries that set its parameters).
public struct Deadline: Sendable, Hashable, Codable {
    /// What must happen by ``due``.
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        /// Move the dossier into central storage (案管中心).
        case moveToCentralStorage = "move-to-central-storage"
        /// Check the item in (入库).
        case checkIn = "check-in"
        /// Return the checked-out object, or extend the check-out.
        case returnOrExtend = "return-or-extend"
        /// Return the item to its owner (发还).
        case returnToOwner = "return-to-owner"
    }

    public let rule: RuleID
    public let action: Action
    /// The item or dossier.
    public let object: String
    public let caseNumber: String
    /// The case's handling unit, if known: the bulletin groups by it.
    public let unit: String?
    /// When the clock started: the seizure, the check-out, the last substantive progress, the marking as
    /// unrelated.
    public let since: Date
    /// When it falls due.
    public let due: Date
    /// Where the object is now, if in storage.
    public let location: String?
    /// Who holds it, if checked out.
    public let holder: String?
    /// The grade at the time the deadline was evaluated.
    public let grade: Grade

    public init(
        rule: RuleID, action: Action, object: String, caseNumber: String, unit: String?, since: Date, due: Date, location: String?,
        holder: String?, grade: Grade
    ) {
        self.rule = rule
        self.action = action
        self.object = object
        self.caseNumber = caseNumber
        self.unit = unit
        self.since = since
        self.due = due
        self.location = location
        self.holder = holder
        self.grade = grade
    }
}
