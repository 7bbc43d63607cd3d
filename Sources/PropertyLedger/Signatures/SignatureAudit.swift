import Foundation

/// The signature part of an audit (``Auditor``): every entry's signature checked against the keys the log
/// itself enrolled before it, using nothing but the log — what a procuratorate or a court can repeat offline
/// with the public keys in the log (docs/entry-format.md).
///
/// Fed the entries in index order. For each: a signature must be well formed, by a key enrolled at or before
/// the entry and not revoked before it, held by whoever caused the entry (the device, else the actor), and
/// valid over the entry's signed bytes; an unsigned entry is a finding when its holder had an active key. A
/// key enrolment must carry a valid proof of possession, a replacement must be signed by the key it replaces,
/// and a key may sign its own enrolment only as the first key of the log's active supervisors.
struct SignatureAudit {
    let origin: String
    let hashAlgorithm: HashAlgorithm

    private struct Key {
        let holder: String
        let verifier: VerificationKey
        let enrolled: Int64
        var revoked: Int64?
    }

    private var keys: [String: Key] = [:]
    /// The key not revoked of each holder.
    private var activeKeys: [String: String] = [:]
    /// Active supervisors' holder texts (`officer:BADGE`).
    private var supervisors: Set<String> = []
    /// The entry from which every entry must be signed (`log.signatures-required`, or the entry after the first
    /// officer's in a log whose entry 0 requires signatures), once there is one.
    private var requiredSince: Int64?
    /// Entry 0 says `log.signatures` `required`.
    private var requiredAfterFirstOfficer = false
    private var hasOfficers = false

    /// How many signatures were verified, and how many entries carry none.
    private(set) var signaturesChecked: Int64 = 0
    private(set) var unsignedEntries: Int64 = 0

    init(origin: String, hashAlgorithm: HashAlgorithm) {
        self.origin = origin
        self.hashAlgorithm = hashAlgorithm
    }

    mutating func check(_ stored: Data, at index: Int64, into report: inout AuditReport) {
        guard index > 0 else {
            // The log's own description, written before anyone: only what it requires of signatures matters here.
            let created = try? JSONDecoder().decode(LogCreatedEntry.self, from: stored)
            requiredAfterFirstOfficer = created?.log.signatures == .required
            return
        }
        let place = Reason.auditEntry(index)
        let body: Data
        let signature: EntrySignature?
        do {
            (body, signature) = try EntrySignature.split(stored)
        } catch {
            report.record(index, place, .entrySignatureMalformed)
            return
        }
        // Most of a log before keys is unsigned entries nobody's key concerns: they are counted without being
        // parsed, which would cost more than the rest of the audit of the entry.
        if signature == nil, activeKeys.isEmpty, requiredSince == nil, !Self.mayConcernKeys(body) {
            unsignedEntries += 1
            return
        }
        guard let fields = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any], let type = fields["type"] as? String else {
            return  // not an entry: the rebuild check names it
        }
        let holder = Self.holder(of: fields)
        let enrolment = type == "key.enrolled" ? Enrolment(fields) : nil
        if let signature {
            check(signature, of: body, at: index, holder: holder, enrolment: enrolment, into: &report)
        } else {
            unsignedEntries += 1
            if let since = requiredSince {
                report.record(index, place, .entryUnsignedAfterRequirement(since: since))
            } else if let holder, let key = activeKeys[holder] {
                report.record(index, place, .entryUnsigned(holder: holder, key: key))
            }
        }
        if let approval = fields["approval"] as? [String: Any] { check(approval, of: fields, at: index, into: &report) }
        apply(type, fields, enrolment: enrolment, at: index, into: &report)
    }

    /// An approval an entry carries: the statement signed by the key of the entry's `approvedBy`, valid at the
    /// entry, for this log, naming the same approver. (Its terms were compared with the entry's fields when it
    /// was written; a reader can compare them again from the statement's text.)
    private func check(_ approval: [String: Any], of fields: [String: Any], at index: Int64, into report: inout AuditReport) {
        let place = Reason.auditEntry(index)
        let approver = fields["approvedBy"] as? String ?? ""
        guard let text = approval["statement"] as? String, let id = approval["key"] as? String,
            let signature = (approval["signature"] as? String).flatMap({ Data(base64Encoded: $0) }),
            let statement = try? ApprovalStatement(parsing: text)
        else {
            report.record(index, place, .approvalMalformed)
            return
        }
        guard statement.origin == origin, statement.approver == approver else {
            report.record(index, place, .approvalByOther(statement.approver, approver: approver))
            return
        }
        guard let key = keys[id], key.holder == KeyHolder.officer(approver).description, index >= key.enrolled,
            key.revoked.map({ index <= $0 }) ?? true
        else {
            report.record(index, place, .approvalKeyNotApprovers(id, approver: approver))
            return
        }
        guard (try? key.verifier.isValidSignature(signature, for: Data(text.utf8))) == true else {
            report.record(index, place, .approvalSignatureInvalid(approver: approver))
            return
        }
    }

    private mutating func check(
        _ signature: EntrySignature, of body: Data, at index: Int64, holder: String?, enrolment: Enrolment?,
        into report: inout AuditReport
    ) {
        let place = Reason.auditEntry(index)
        let id = signature.keyID
        let key: Key
        if let known = keys[id] {
            key = known
            guard index >= key.enrolled, key.revoked.map({ index <= $0 }) ?? true else {
                report.record(index, place, .entrySignedOutsideKeyValidity(id, enrolled: key.enrolled, revoked: key.revoked))
                return
            }
        } else if let enrolment, enrolment.key == id, enrolment.replaces == nil, let new = enrolment.verifier(hashAlgorithm) {
            // A key signing its own enrolment: only the first key of the active supervisors, enrolled by himself.
            guard holder == enrolment.holder, supervisors.contains(enrolment.holder ?? ""),
                !activeKeys.contains(where: { supervisors.contains($0.key) })
            else {
                report.record(index, place, .entrySignedByOther(id, keyHolder: enrolment.holder ?? "", holder: holder ?? ""))
                return
            }
            key = Key(holder: enrolment.holder ?? "", verifier: new, enrolled: index)
        } else {
            report.record(index, place, .entrySignedByUnknownKey(id))
            return
        }
        guard key.holder == holder else {
            report.record(index, place, .entrySignedByOther(id, keyHolder: key.holder, holder: holder ?? ""))
            return
        }
        if let replaced = enrolment?.replaces, replaced != id {
            report.record(index, place, .rekeyNotSignedByReplacedKey(replaced))
            return
        }
        let message = EntrySignature.message(body: body, index: index, origin: origin)
        guard (try? key.verifier.isValidSignature(signature.value, for: message)) == true else {
            report.record(index, place, .entrySignatureInvalid)
            return
        }
        signaturesChecked += 1
    }

    /// What the entry changes about keys and supervisors, after its own signature was judged.
    private mutating func apply(
        _ type: String, _ fields: [String: Any], enrolment: Enrolment?, at index: Int64, into report: inout AuditReport
    ) {
        switch type {
        case "officer.added":
            if requiredAfterFirstOfficer, !hasOfficers, requiredSince == nil { requiredSince = index + 1 }
            hasOfficers = true
            if fields["role"] as? String == Role.supervisor.rawValue, let badge = fields["badge"] as? String {
                supervisors.insert(KeyHolder.officer(badge).description)
            }
        case "officer.retired":
            guard let badge = fields["badge"] as? String else { return }
            let holder = KeyHolder.officer(badge).description
            supervisors.remove(holder)
            if let id = activeKeys.removeValue(forKey: holder) { keys[id]?.revoked = index }
        case "log.signatures-required":
            if requiredSince == nil { requiredSince = index }
        case "key.revoked":
            guard let id = fields["key"] as? String, let key = keys[id], key.revoked == nil else { return }
            keys[id]?.revoked = index
            activeKeys.removeValue(forKey: key.holder)
        case "key.enrolled":
            guard let enrolment, let holder = enrolment.holder, let verifier = enrolment.verifier(hashAlgorithm) else {
                report.record(index, .auditEntry(index), .keyEnrolmentUnreadable)
                return
            }
            let message = KeyEnrolled.possessionMessage(origin: origin, key: enrolment.key, holder: enrolment.holderValue!)
            guard let proof = enrolment.possession, (try? verifier.isValidSignature(proof, for: message)) == true else {
                report.record(index, .auditEntry(index), .keyPossessionInvalid(enrolment.key))
                return
            }
            if let replaced = enrolment.replaces, keys[replaced]?.revoked == nil {
                keys[replaced]?.revoked = index
            }
            if let previous = activeKeys[holder], previous != enrolment.replaces { keys[previous]?.revoked = index }
            keys[enrolment.key] = Key(holder: holder, verifier: verifier, enrolled: index)
            activeKeys[holder] = enrolment.key
        default:
            break
        }
    }

    private static let typeKey = Data(#""type":""#.utf8)
    private static let approvalKey = Data(#""approval":{"#.utf8)
    private static let keyTypes = [Data("officer.".utf8), Data("key.".utf8), Data("log.signatures-required".utf8)]

    /// Whether an unsigned entry may change what the audit knows of keys and supervisors (its `type` is an
    /// officer's, a key's or the signatures switch) or carries an approval. A quick look at the bytes: the keys
    /// searched for cannot occur inside a JSON string, where their quotes would be escaped, and no entry has a
    /// nested `type`; when in doubt it says yes, and the entry is parsed.
    private static func mayConcernKeys(_ body: Data) -> Bool {
        if body.range(of: approvalKey) != nil { return true }
        guard let type = body.range(of: typeKey) else { return true }
        let value = body[type.upperBound...]
        return keyTypes.contains { value.starts(with: $0) }
    }

    /// Whose key must sign an entry: the device's when it names one, else the actor's.
    private static func holder(of fields: [String: Any]) -> String? {
        if let device = fields["device"] as? [String: Any], let kind = device["kind"] as? String, let id = device["id"] as? String {
            return "\(kind):\(id)"
        }
        return (fields["actor"] as? String).map { KeyHolder.officer($0).description }
    }

    /// The fields of a `key.enrolled` entry the audit needs.
    private struct Enrolment {
        let key: String
        let holderValue: KeyHolder?
        let algorithm: SignatureAlgorithm?
        let publicKey: Data?
        let replaces: String?
        let possession: Data?

        var holder: String? { holderValue?.description }

        init(_ fields: [String: Any]) {
            key = fields["key"] as? String ?? ""
            holderValue = (fields["holder"] as? String).flatMap(KeyHolder.init)
            algorithm = (fields["algorithm"] as? String).flatMap(SignatureAlgorithm.init)
            publicKey = (fields["publicKey"] as? String).flatMap { Data(base64Encoded: $0) }
            replaces = fields["replaces"] as? String
            possession = (fields["possession"] as? String).flatMap { Data(base64Encoded: $0) }
        }

        /// The enrolled public key, when it is one of the algorithm named whose id is the one given.
        func verifier(_ hashAlgorithm: HashAlgorithm) -> VerificationKey? {
            guard let algorithm, let publicKey, let key = try? VerificationKey(algorithm: algorithm, subjectPublicKeyInfo: publicKey),
                (try? SigningKeyID(of: key, hashAlgorithm: hashAlgorithm).text) == self.key
            else { return nil }
            return key
        }
    }
}
