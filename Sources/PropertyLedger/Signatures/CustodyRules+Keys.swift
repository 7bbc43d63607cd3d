import Foundation

/// Who may enrol and revoke signing keys (``CustodyCommand/enrollKey(_:)``, ``CustodyCommand/revokeKey(key:reason:)``).
///
/// An officer's key is enrolled in a supervisor's presence: the supervisor is the actor and signs the entry,
/// and the new key proves it is held by signing its possession message. While no active supervisor has a key
/// (a new log, or one made before keys), the first supervisor enrols his own, the entry signed by the new key
/// itself. A holder replaces his key himself, signing with the old one; a supervisor or the holder revokes one.
extension CustodyRules {
    func keyEnrolled(_ enrolment: KeyEnrolment, actor: String?) throws -> KeyEnrolled {
        guard case .officer(let badge) = enrolment.holder else { return try deviceKeyEnrolled(enrolment, actor: actor) }
        let holder = try requireOfficer(badge, roles: Set(Role.allCases), as: "holder")
        let id = try enrolledKeyID(enrolment)
        let current = try projections.activeKey(of: enrolment.holder)
        if let replaced = enrolment.replaces {
            // A rekey: the holder himself, replacing his own key (which signs the entry).
            try requireActor(actor, roles: Set(Role.allCases), "rekey")
            guard actor == holder.badge else { throw refused(.rekeyByOther(actor: actor ?? "", holder: holder.badge)) }
            guard let current, current.id == replaced else {
                throw refused(.keyNotHoldersActive(replaced, holder: holder.badge))
            }
        } else {
            if let current { throw refused(.officerHasKey(badge: holder.badge, key: current.id)) }
            if try projections.keyedSupervisorCount() == 0 {
                // The first key of the log's supervisors: a supervisor enrols his own.
                guard actor == holder.badge, holder.role == .supervisor else {
                    throw refused(.firstKeyNotSupervisorsOwn(badge: holder.badge))
                }
            } else {
                let witness = try requireActor(actor, roles: [.supervisor], "enroll-keys")
                guard witness.badge != holder.badge else { throw refused(.enrolmentWitnessIsHolder(badge: holder.badge)) }
            }
        }
        return enrolled(enrolment, id: id)
    }

    /// A smart cabinet's key, for its adapter or daemon: enrolled by a supervisor, for a cabinet the log knows;
    /// replaced by enrolling anew after a revocation.
    private func deviceKeyEnrolled(_ enrolment: KeyEnrolment, actor: String?) throws -> KeyEnrolled {
        guard case .device(let device) = enrolment.holder, device.kind == .cabinet, enrolment.replaces == nil else {
            throw refused(.keyHolderNotOfficer(enrolment.holder.description))
        }
        try requireActor(actor, roles: [.supervisor], "enroll-keys")
        guard let cabinet = try projections.location(device.id), cabinet.kind == .cabinet else {
            throw notFound(.locationNotFound(code: device.id))
        }
        let id = try enrolledKeyID(enrolment)
        if let current = try projections.activeKey(of: enrolment.holder) {
            throw refused(.officerHasKey(badge: enrolment.holder.description, key: current.id))
        }
        return enrolled(enrolment, id: id)
    }

    /// The new key's id, after checking that it is a key of the log's algorithm, new to the log, and held (its
    /// proof of possession).
    private func enrolledKeyID(_ enrolment: KeyEnrolment) throws -> String {
        let algorithm = identity.profile.signatureAlgorithm
        let publicKey: VerificationKey
        do {
            publicKey = try VerificationKey(algorithm: algorithm, subjectPublicKeyInfo: enrolment.publicKey)
        } catch {
            throw LedgerError(.invalidInput, .publicKeyUnusable(algorithm: algorithm.rawValue))
        }
        let id = try SigningKeyID(of: publicKey, hashAlgorithm: identity.profile.hashAlgorithm).text
        guard try projections.signingKey(id) == nil else { throw refused(.keyAlreadyEnrolled(id)) }
        let message = KeyEnrolled.possessionMessage(origin: identity.origin, key: id, holder: enrolment.holder)
        guard try publicKey.isValidSignature(enrolment.possession, for: message) else {
            throw refused(.keyPossessionUnproven(id))
        }
        return id
    }

    private func enrolled(_ enrolment: KeyEnrolment, id: String) -> KeyEnrolled {
        KeyEnrolled(
            key: id, holder: enrolment.holder.description, algorithm: identity.profile.signatureAlgorithm,
            publicKey: enrolment.publicKey.base64EncodedString(), replaces: enrolment.replaces,
            possession: enrolment.possession.base64EncodedString())
    }

    func signaturesRequired(reason: String, actor: String?) throws -> SignaturesRequired {
        let supervisor = try requireActor(actor, roles: [.supervisor], "require-signatures")
        if let since = try projections.signaturesRequiredSince() { throw refused(.signaturesAlreadyRequired(since: since)) }
        // Signed itself: a supervisor without a key could not write anything after it.
        guard try projections.activeKey(of: .officer(supervisor.badge)) != nil else {
            throw refused(.officerHasNoKey(badge: supervisor.badge))
        }
        return SignaturesRequired(reason: try FieldRules.text(reason, "reason"))
    }

    func keyRevoked(_ id: String, reason: String, actor: String?) throws -> KeyRevoked {
        let revoker = try requireActor(actor, roles: Set(Role.allCases), "revoke-keys")
        guard let key = try projections.signingKey(id) else { throw notFound(.keyNotFound(id)) }
        guard key.isActive else { throw refused(.keyAlreadyRevoked(id)) }
        guard revoker.role == .supervisor || key.holder == KeyHolder.officer(revoker.badge).description else {
            throw refused(.actorLacksRole(badge: revoker.badge, role: revoker.role, roles: [.supervisor], action: "revoke-keys"))
        }
        return KeyRevoked(key: id, reason: try FieldRules.text(reason, "reason"))
    }
}
