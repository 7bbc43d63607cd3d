import Foundation

/// The enrolled signing keys, and what a signature in an entry says.
extension LedgerStore {
    /// The holder's key not revoked, if any: what the holder must sign with.
    public func activeKey(of holder: KeyHolder) throws -> EnrolledKey? {
        try Projections(database).activeKey(of: holder)
    }

    /// Every key the holder ever had, oldest first.
    public func signingKeys(of holder: KeyHolder) throws -> [EnrolledKey] {
        try Projections(database).signingKeys(of: holder)
    }

    /// The enrolled key `id`, if any.
    public func signingKey(_ id: String) throws -> EnrolledKey? {
        try Projections(database).signingKey(id)
    }

    /// `key` unlocked for signing in this log: its id is the log's id of its public key.
    public nonisolated func unlocked(_ key: SigningKey) throws -> UnlockedKey {
        try UnlockedKey(key, hashAlgorithm: identity.profile.hashAlgorithm)
    }
}
