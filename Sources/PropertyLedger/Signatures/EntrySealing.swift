import Foundation

/// Signs an entry the rules allowed, just before it is appended, or refuses it unsigned.
///
/// An entry is signed by the key of whoever caused it — the device when one did, else the actor — valid now
/// (enrolled, not revoked). A holder with an active key signs everything he causes; an unsigned entry is
/// written only for a holder with none. The signature is made here, in the write transaction, and checked
/// before anything is written: a key held in this process must be the enrolled public key byte for byte; a
/// signature from elsewhere (a login agent) is verified against it, so one made with another key is refused.
struct EntrySealing {
    let projections: Projections
    let identity: LogIdentity

    /// `body` signed by `signer` at `index`, or unsigned when nothing requires a signature.
    ///
    /// - Parameter enrolment: the key the entry enrols, when it does: the first supervisor's entry enrolling his
    ///   own key is signed by that key, which is not in the tables yet.
    func seal(
        _ body: Data, at index: Int64, actor: String?, device: Device?, enrolment: KeyEnrolled?, signer: (any EntrySigner)?
    ) throws -> Data {
        guard body.range(of: EntrySignature.marker) == nil else {
            throw LedgerError(.invalidInput, .entryUsesSignatureField)
        }
        let holder = KeyHolder.signer(actor: actor, device: device)
        guard let signer else {
            if let since = try projections.signaturesRequiredSince() {
                let hasKey = try holder.map { try projections.activeKey(of: $0) != nil } ?? false
                let holder = holder?.description ?? ""
                throw LedgerError(
                    .refused,
                    hasKey ? .signaturesRequired(since: since, holder: holder) : .signaturesRequiredNoKey(since: since, holder: holder))
            }
            if let holder, let key = try projections.activeKey(of: holder) {
                throw LedgerError(.refused, .signatureRequired(holder: holder.description, key: key.id))
            }
            return body
        }
        guard let holder else { throw LedgerError(.refused, .signerWithoutActor) }
        let key = try signingKey(signer.keyID, enrolment: enrolment, holder: holder, at: index)
        guard key.holder == holder.description else {
            throw LedgerError(.refused, .signingKeyNotHolders(signer.keyID, keyHolder: key.holder, holder: holder.description))
        }
        if let enrolment, let replaced = enrolment.replaces, signer.keyID != replaced {
            throw LedgerError(.refused, .rekeyNotSignedByReplacedKey(replaced))
        }
        let message = EntrySignature.message(body: body, index: index, origin: identity.origin)
        let value = try signer.sign(message)
        // A key held in this process that is the enrolled key byte for byte signs with it; any other signer (a
        // login agent) is checked signature by signature.
        if signer.publicKey != key.publicKey {
            let verifier = try VerificationKey(algorithm: key.algorithm, subjectPublicKeyInfo: key.publicKey)
            guard try verifier.isValidSignature(value, for: message) else {
                throw LedgerError(.refused, .signatureNotByKey(signer.keyID))
            }
        }
        return EntrySignature(keyID: signer.keyID, value: value).sealing(body)
    }

    /// The key `id`, usable now: enrolled and not revoked, or the key this very entry enrols for its holder (the
    /// first supervisor's own, whose rule ``CustodyRules`` checked).
    private func signingKey(_ id: String, enrolment: KeyEnrolled?, holder: KeyHolder, at index: Int64) throws -> EnrolledKey {
        if let enrolment, enrolment.key == id, enrolment.replaces == nil, enrolment.keyHolder == holder,
            let publicKey = Data(base64Encoded: enrolment.publicKey)
        {
            return EnrolledKey(
                id: id, holder: holder.description, algorithm: enrolment.algorithm, publicKey: publicKey, enrolledAt: index)
        }
        guard let key = try projections.signingKey(id) else { throw LedgerError(.refused, .signingKeyUnknown(id)) }
        guard key.isActive else { throw LedgerError(.refused, .signingKeyRevoked(id, at: key.revokedAt ?? 0)) }
        return key
    }
}
