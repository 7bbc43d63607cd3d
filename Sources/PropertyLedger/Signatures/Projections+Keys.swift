import Foundation

/// The enrolled keys (`signing_keys`), as the rules and the sealing of entries read them.
extension Projections {
    static let keyColumns = "key, holder, algorithm, public_key, enrolled, revoked"

    private static func enrolledKey(_ row: Statement) -> EnrolledKey {
        EnrolledKey(
            id: row.text(0), holder: row.text(1), algorithm: SignatureAlgorithm(rawValue: row.text(2)) ?? .ed25519,
            publicKey: row.data(3), enrolledAt: row.int64(4), revokedAt: row.isNull(5) ? nil : row.int64(5))
    }

    func signingKey(_ id: String) throws -> EnrolledKey? {
        try database.firstRow("SELECT \(Self.keyColumns) FROM \(schema).signing_keys WHERE key = ?", id, row: Self.enrolledKey)
    }

    /// The holder's key not revoked, if any (a holder has at most one).
    func activeKey(of holder: KeyHolder) throws -> EnrolledKey? {
        try database.firstRow(
            "SELECT \(Self.keyColumns) FROM \(schema).signing_keys WHERE holder = ? AND revoked IS NULL", holder.description,
            row: Self.enrolledKey)
    }

    /// Every key the holder ever had, oldest first.
    func signingKeys(of holder: KeyHolder) throws -> [EnrolledKey] {
        try database.rows(
            "SELECT \(Self.keyColumns) FROM \(schema).signing_keys WHERE holder = ? ORDER BY enrolled", [holder.description],
            row: Self.enrolledKey)
    }

    /// Active supervisors with a key not revoked: while there is none, the first supervisor enrolls himself.
    func keyedSupervisorCount() throws -> Int64 {
        try database.queryInt(
            """
            SELECT count(*) FROM \(schema).signing_keys k JOIN \(schema).officers o ON k.holder = 'officer:' || o.badge
            WHERE o.role = 'supervisor' AND o.retired = 0 AND k.revoked IS NULL
            """) ?? 0
    }

    func applyKeyEnrolled(_ e: KeyEnrolled, at index: Int64) throws {
        guard let holder = e.keyHolder, let publicKey = Data(base64Encoded: e.publicKey) else { return }
        if let replaced = e.replaces {
            try database.execute("UPDATE \(schema).signing_keys SET revoked = ? WHERE key = ? AND revoked IS NULL", index, replaced)
        }
        try database.execute(
            "INSERT INTO \(schema).signing_keys (key, holder, algorithm, public_key, enrolled) VALUES (?, ?, ?, ?, ?)", e.key,
            holder.description, e.algorithm.rawValue, publicKey, index)
    }

    /// The entry from which every entry must be signed, if one says so.
    func signaturesRequiredSince() throws -> Int64? {
        try database.firstRow("SELECT entry FROM \(schema).log_settings WHERE name = 'signatures-required'") { $0.int64(0) }
    }

    /// In a log whose entry 0 requires signatures, every entry after the first officer's must be signed: his
    /// entry sets the requirement from the next index on. Called before the officer is added.
    func requireSignaturesAfterFirstOfficer(at index: Int64) throws {
        guard try officerCount() == 0,
            try database.firstRow("SELECT value FROM main.log_meta WHERE key = ?", StoreCreation.signaturesKey, row: { $0.text(0) })
                == SignatureRequirement.required.rawValue
        else { return }
        try applySignaturesRequired(at: index + 1)
    }

    func applySignaturesRequired(at index: Int64) throws {
        try database.execute(
            "INSERT INTO \(schema).log_settings (name, value, entry) VALUES ('signatures-required', 'on', ?)", index)
    }

    func applyKeyRevoked(_ e: KeyRevoked, at index: Int64) throws {
        try database.execute("UPDATE \(schema).signing_keys SET revoked = ? WHERE key = ? AND revoked IS NULL", index, e.key)
    }

    /// A retired officer's keys sign nothing after the retirement.
    func revokeKeys(of holder: KeyHolder, at index: Int64) throws {
        try database.execute(
            "UPDATE \(schema).signing_keys SET revoked = ? WHERE holder = ? AND revoked IS NULL", index, holder.description)
    }
}

/// The nonces of the approvals entries carried (`approval_nonces`): an approval is used once.
extension Projections {
    /// The entry that used the approval nonce `nonce`, if one did.
    func approvalNonceUse(_ nonce: String) throws -> Int64? {
        try database.firstRow("SELECT entry FROM \(schema).approval_nonces WHERE nonce = ?", nonce) { $0.int64(0) }
    }

    func recordApproval(_ approval: SignedApproval?, at index: Int64) throws {
        guard let approval, let statement = try? ApprovalStatement(parsing: approval.statement) else { return }
        try database.execute("INSERT INTO \(schema).approval_nonces (nonce, entry) VALUES (?, ?)", statement.nonce, index)
    }
}
