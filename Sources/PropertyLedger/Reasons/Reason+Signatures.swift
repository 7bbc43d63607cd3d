/// Reasons of signed entries: enrolling and revoking keys, signing at write time, and checking signatures in
/// an audit. `key` is a key id (16 hex digits); `holder` and `keyHolder` are ``KeyHolder`` texts
/// (`officer:000123`); `index`, `enrolled` and `revoked` are log indices.
extension Reason {
    // MARK: Keys

    static func keyHolderNotOfficer(_ holder: String) -> Reason { Reason("key-holder-not-officer", ["holder": holder]) }
    static func publicKeyUnusable(algorithm: String) -> Reason { Reason("public-key-unusable", ["algorithm": algorithm]) }
    static func keyAlreadyEnrolled(_ key: String) -> Reason { Reason("key-already-enrolled", ["key": key]) }
    static func keyPossessionUnproven(_ key: String) -> Reason { Reason("key-possession-unproven", ["key": key]) }
    static func rekeyByOther(actor: String, holder: String) -> Reason { Reason("rekey-by-other", ["actor": actor, "badge": holder]) }
    public static func keyNotHoldersActive(_ key: String, holder: String) -> Reason {
        Reason("key-not-holders-active", ["key": key, "badge": holder])
    }
    public static func officerHasNoKey(badge: String) -> Reason { Reason("officer-has-no-key", ["badge": badge]) }
    static func officerHasKey(badge: String, key: String) -> Reason { Reason("officer-has-key", ["badge": badge, "key": key]) }
    static func firstKeyNotSupervisorsOwn(badge: String) -> Reason { Reason("first-key-not-supervisors-own", ["badge": badge]) }
    static func enrolmentWitnessIsHolder(badge: String) -> Reason { Reason("enrolment-witness-is-holder", ["badge": badge]) }
    static func keyNotFound(_ key: String) -> Reason { Reason("key-not-found", ["key": key]) }
    static func keyAlreadyRevoked(_ key: String) -> Reason { Reason("key-already-revoked", ["key": key]) }

    public static func keyFileMissing(_ path: String) -> Reason { Reason("key-file-missing", ["path": path]) }
    public static func keyFileExposed(_ path: String, mode: String) -> Reason { Reason("key-file-exposed", ["path": path, "mode": mode]) }

    // MARK: Signing an entry

    static let entryUsesSignatureField = Reason("entry-uses-signature-field")
    static let entrySignatureMalformed = Reason("entry-signature-malformed")
    static func signatureRequired(holder: String, key: String) -> Reason {
        Reason("signature-required", ["holder": holder, "key": key])
    }
    static let signerWithoutActor = Reason("signer-without-actor")
    static func signingKeyNotHolders(_ key: String, keyHolder: String, holder: String) -> Reason {
        Reason("signing-key-not-holders", ["key": key, "keyHolder": keyHolder, "holder": holder])
    }
    static func rekeyNotSignedByReplacedKey(_ key: String) -> Reason { Reason("rekey-not-signed-by-replaced-key", ["key": key]) }
    static func signatureNotByKey(_ key: String) -> Reason { Reason("signature-not-by-key", ["key": key]) }
    static func signingKeyUnknown(_ key: String) -> Reason { Reason("signing-key-unknown", ["key": key]) }
    static func signingKeyRevoked(_ key: String, at index: Int64) -> Reason {
        Reason("signing-key-revoked", ["key": key, "index": String(index)])
    }

    static func signaturesAlreadyRequired(since: Int64) -> Reason { Reason("signatures-already-required", ["index": String(since)]) }
    static func signaturesRequired(since: Int64, holder: String) -> Reason {
        Reason("signatures-required", ["index": String(since), "holder": holder])
    }

    /// Signatures are required and the holder has no key to sign with yet.
    static func signaturesRequiredNoKey(since: Int64, holder: String) -> Reason {
        Reason("signatures-required-no-key", ["index": String(since), "holder": holder])
    }
    static func entryUnsignedAfterRequirement(since: Int64) -> Reason {
        Reason("entry-unsigned-after-requirement", ["index": String(since)])
    }

    // MARK: Approvals

    static func approvalRequired(approver: String, key: String) -> Reason {
        Reason("approval-required", ["approver": approver, "key": key])
    }
    static let approvalMalformed = Reason("approval-malformed")
    static func approvalForOtherLog(_ origin: String) -> Reason { Reason("approval-for-other-log", ["origin": origin]) }
    static func approvalForOtherAction(_ approved: String, action: String) -> Reason {
        Reason("approval-for-other-action", ["approved": approved, "given": action])
    }
    static func approvalTermDiffers(_ term: String, approved: String, given: String) -> Reason {
        Reason("approval-term-differs", ["term": term, "approved": approved, "given": given])
    }
    static func approvalByOther(_ approved: String, approver: String) -> Reason {
        Reason("approval-by-other", ["approved": approved, "approver": approver])
    }
    static func approvalKeyNotApprovers(_ key: String, approver: String) -> Reason {
        Reason("approval-key-not-approvers", ["key": key, "approver": approver])
    }
    static func approvalSignatureInvalid(approver: String) -> Reason { Reason("approval-signature-invalid", ["approver": approver]) }
    static func approvalExpired(_ expires: String) -> Reason { Reason("approval-expired", ["expires": expires]) }
    static func approvalValidTooLong(_ expires: String, latest: String) -> Reason {
        Reason("approval-valid-too-long", ["expires": expires, "latest": latest])
    }
    static func approvalReplayed(_ index: Int64) -> Reason { Reason("approval-replayed", ["index": String(index)]) }

    // MARK: Checking signatures (audit findings)

    static let entrySignatureInvalid = Reason("entry-signature-invalid")
    static func entrySignedByUnknownKey(_ key: String) -> Reason { Reason("entry-signed-by-unknown-key", ["key": key]) }
    static func entrySignedOutsideKeyValidity(_ key: String, enrolled: Int64, revoked: Int64?) -> Reason {
        Reason(
            "entry-signed-outside-key-validity",
            ["key": key, "enrolled": String(enrolled), "revoked": revoked.map(String.init) ?? ""])
    }
    static func entrySignedByOther(_ key: String, keyHolder: String, holder: String) -> Reason {
        Reason("entry-signed-by-other", ["key": key, "keyHolder": keyHolder, "holder": holder])
    }
    static func entryUnsigned(holder: String, key: String) -> Reason { Reason("entry-unsigned", ["holder": holder, "key": key]) }
    static func keyPossessionInvalid(_ key: String) -> Reason { Reason("key-possession-invalid", ["key": key]) }
    static let keyEnrolmentUnreadable = Reason("key-enrolment-unreadable")

    public static let signatureReasons: [ReasonSpec] = [
        .init("key-holder-not-officer", "holder"), .init("public-key-unusable", "algorithm"), .init("key-already-enrolled", "key"),
        .init("key-possession-unproven", "key"), .init("rekey-by-other", "actor", "badge"), .init("key-not-holders-active", "key", "badge"),
        .init("officer-has-key", "badge", "key"), .init("officer-has-no-key", "badge"), .init("first-key-not-supervisors-own", "badge"),
        .init("enrolment-witness-is-holder", "badge"), .init("key-not-found", "key"), .init("key-already-revoked", "key"),
        .init("key-file-missing", "path"), .init("key-file-exposed", "path", "mode"),
        .init("entry-uses-signature-field"), .init("entry-signature-malformed"), .init("signature-required", "holder", "key"),
        .init("signer-without-actor"), .init("signing-key-not-holders", "key", "keyHolder", "holder"),
        .init("rekey-not-signed-by-replaced-key", "key"), .init("signature-not-by-key", "key"), .init("signing-key-unknown", "key"),
        .init("signing-key-revoked", "key", "index"),
        .init("entry-signature-invalid"), .init("entry-signed-by-unknown-key", "key"),
        .init("entry-signed-outside-key-validity", "key", "enrolled", "revoked"),
        .init("entry-signed-by-other", "key", "keyHolder", "holder"), .init("entry-unsigned", "holder", "key"),
        .init("key-possession-invalid", "key"), .init("key-enrolment-unreadable"),
        .init("signatures-already-required", "index"), .init("signatures-required", "index", "holder"),
        .init("signatures-required-no-key", "index", "holder"),
        .init("entry-unsigned-after-requirement", "index"),
        .init("approval-required", "approver", "key"), .init("approval-malformed"), .init("approval-for-other-log", "origin"),
        .init("approval-for-other-action", "approved", "given"), .init("approval-term-differs", "term", "approved", "given"),
        .init("approval-by-other", "approved", "approver"), .init("approval-key-not-approvers", "key", "approver"),
        .init("approval-signature-invalid", "approver"), .init("approval-expired", "expires"),
        .init("approval-valid-too-long", "expires", "latest"), .init("approval-replayed", "index"),
    ]
}
