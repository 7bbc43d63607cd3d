import Foundation

/// Signed approvals: what needs a second person carries that person's own signature over exactly what he
/// approved (``ApprovalStatement``), checked before the entry is written.
///
/// Once an approver has an enrolled key, his name on a command is not enough: the command must carry his
/// approval, for this log and this action, with every term equal to the command's, signed by his active key,
/// not expired, and never used before. An approver without a key (a log from before keys) approves by name, as
/// before. A cabinet's check-out is exempt here: its approval was given, and checked, when it was recorded at the
/// desk (`checkout --at-cabinet`).
extension CustodyRules {
    /// The longest an approval may be valid for: a week.
    static let longestApproval: TimeInterval = 7 * 86_400

    func approvalChecked(
        _ approval: SignedApproval?, of action: ApprovalStatement.Action, terms: [String: String], by approver: Officer, at date: Date,
        device: Device?
    ) throws -> SignedApproval? {
        guard device == nil, let key = try projections.activeKey(of: .officer(approver.badge)) else {
            // Without a key to check it against, an approval is not written: it would claim what nobody checked.
            return nil
        }
        guard let approval else { throw refused(.approvalRequired(approver: approver.badge, key: key.id)) }
        let statement = try ApprovalStatement(parsing: approval.statement)
        guard statement.origin == identity.origin else { throw refused(.approvalForOtherLog(statement.origin)) }
        guard statement.action == action else {
            throw refused(.approvalForOtherAction(statement.action.rawValue, action: action.rawValue))
        }
        for name in action.termNames where statement.terms[name] != terms[name] {
            throw refused(.approvalTermDiffers(name, approved: statement.terms[name] ?? "", given: terms[name] ?? ""))
        }
        guard statement.approver == approver.badge else {
            throw refused(.approvalByOther(statement.approver, approver: approver.badge))
        }
        guard approval.key == key.id else { throw refused(.approvalKeyNotApprovers(approval.key, approver: approver.badge)) }
        let verifier = try VerificationKey(algorithm: key.algorithm, subjectPublicKeyInfo: key.publicKey)
        guard let signature = Data(base64Encoded: approval.signature),
            try verifier.isValidSignature(signature, for: Data(approval.statement.utf8))
        else { throw refused(.approvalSignatureInvalid(approver: approver.badge)) }
        guard let expires = Timestamp.storedDate(statement.expires), expires > date else {
            throw refused(.approvalExpired(statement.expires))
        }
        guard expires <= date.addingTimeInterval(Self.longestApproval) else {
            throw refused(.approvalValidTooLong(statement.expires, latest: Timestamp.string(date.addingTimeInterval(Self.longestApproval))))
        }
        if let used = try projections.approvalNonceUse(statement.nonce) { throw refused(.approvalReplayed(used)) }
        return approval
    }
}
