import Foundation

/// The check of a signed approval against the command it approves: for this log and this action, every term
/// equal to the command's, by the named approver's active key, valid now and for at most a week, never used
/// before. The custody rules check check-outs, extensions and disposals with it; a module's rules through
/// ``RuleContext/checkedApproval(_:of:terms:by:)``.
struct ApprovalCheck {
    /// The longest an approval may be valid for: a week.
    static let longestApproval: TimeInterval = 7 * 86_400

    let projections: Projections
    let identity: LogIdentity

    /// The approval to write into the entry, checked; nil when the approver has no key (he approves by name,
    /// as before keys) or a device acts (its approval was checked when it was given).
    ///
    /// - Throws: ``LedgerError`` (`refused`): `approval-required`, `approval-for-other-log`,
    ///   `approval-for-other-action`, `approval-term-differs`, `approval-by-other`, `approval-key-not-approvers`,
    ///   `approval-signature-invalid`, `approval-expired`, `approval-valid-too-long`, `approval-replayed`;
    ///   `approval-malformed` (`invalidInput`).
    func checked(
        _ approval: SignedApproval?, of action: ApprovalStatement.Action, terms: [String: String], by approver: Officer, at date: Date,
        device: Device?
    ) throws -> SignedApproval? {
        guard device == nil, let key = try projections.activeKey(of: .officer(approver.badge)) else {
            // Without a key to check it against, an approval is not written: it would claim what nobody checked.
            return nil
        }
        guard let approval else { throw LedgerError(.refused, .approvalRequired(approver: approver.badge, key: key.id)) }
        let statement = try ApprovalStatement(parsing: approval.statement)
        guard statement.origin == identity.origin else { throw LedgerError(.refused, .approvalForOtherLog(statement.origin)) }
        guard statement.action == action else {
            throw LedgerError(.refused, .approvalForOtherAction(statement.action.rawValue, action: action.rawValue))
        }
        for name in action.termNames where statement.terms[name] != terms[name] {
            throw LedgerError(.refused, .approvalTermDiffers(name, approved: statement.terms[name] ?? "", given: terms[name] ?? ""))
        }
        guard statement.approver == approver.badge else {
            throw LedgerError(.refused, .approvalByOther(statement.approver, approver: approver.badge))
        }
        guard approval.key == key.id else { throw LedgerError(.refused, .approvalKeyNotApprovers(approval.key, approver: approver.badge)) }
        let verifier = try VerificationKey(algorithm: key.algorithm, subjectPublicKeyInfo: key.publicKey)
        guard let signature = Data(base64Encoded: approval.signature),
            try verifier.isValidSignature(signature, for: Data(approval.statement.utf8))
        else { throw LedgerError(.refused, .approvalSignatureInvalid(approver: approver.badge)) }
        guard let expires = Timestamp.storedDate(statement.expires), expires > date else {
            throw LedgerError(.refused, .approvalExpired(statement.expires))
        }
        guard expires <= date.addingTimeInterval(ApprovalCheck.longestApproval) else {
            throw LedgerError(
                .refused,
                .approvalValidTooLong(statement.expires, latest: Timestamp.string(date.addingTimeInterval(ApprovalCheck.longestApproval))))
        }
        if let used = try projections.approvalNonceUse(statement.nonce) { throw LedgerError(.refused, .approvalReplayed(used)) }
        return approval
    }
}
