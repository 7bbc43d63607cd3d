import Foundation

/// Signed approvals: what needs a second person carries that person's own signature over exactly what he
/// approved (``ApprovalStatement``), checked before the entry is written.
///
/// Once an approver has an enrolled key, his name on a command is not enough: the command must carry his
/// approval, for this log and this action, with every term equal to the command's, signed by his active key,
/// not expired, and never used before. An approver without a key (a log from before keys) approves by name, as
/// before. A cabinet's check-out is exempt here: its approval was given, and checked, when it was recorded at the
/// desk (`checkout --at-cabinet`, through ``RuleContext/checkedApproval(_:of:terms:by:)``).
extension CustodyRules {
    func approvalChecked(
        _ approval: SignedApproval?, of action: ApprovalStatement.Action, terms: [String: String], by approver: Officer, at date: Date,
        device: Device?
    ) throws -> SignedApproval? {
        try ApprovalCheck(projections: projections, identity: identity).checked(
            approval, of: action, terms: terms, by: approver, at: date, device: device)
    }
}
