public import Foundation
public import PropertyLedger

/// An approved check-out waiting at a cabinet (``CabinetApproved``, `vault_cabinet_approvals`): the recipient
/// may take the object there until it expires; the check-out itself is recorded when reconciliation sees the
/// object gone.
public struct CabinetApproval: Sendable, Hashable {
    public let index: Int64
    public let object: String
    public let cabinet: String
    public let recipient: String
    public let reason: CheckoutReason
    public let approvedBy: String
    public let due: Date
    public let note: String?
    public let expires: Date
    /// The entry that used it (the check-out), or nil while it waits.
    public let usedBy: Int64?
}
