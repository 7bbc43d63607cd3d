public import Foundation

/// Signs entries for one enrolled key: an officer's key unlocked in this process (``UnlockedKey``), or one
/// held by the login agent in another.
///
/// A signer is called inside the write transaction, on the store's own dispatch queue (never the cooperative
/// pool), so it may block briefly: the login agent answers over a Unix socket.
public protocol EntrySigner: Sendable {
    /// The enrolled key's id.
    var keyID: String { get }
    /// The signature of `message` with the key.
    func sign(_ message: Data) throws -> Data
    /// The key's DER SubjectPublicKeyInfo when the signer holds the key in this process (nil for an agent's): a
    /// signer whose key is byte for byte the enrolled one is not verified again on every entry.
    var publicKey: Data? { get }
}

extension EntrySigner {
    public var publicKey: Data? { nil }
}

/// A private key in this process's memory, with its id: what unlocking a key file gives.
public struct UnlockedKey: EntrySigner {
    public let key: SigningKey
    public let keyID: String
    public let publicKey: Data?

    /// `key`, named by its id in a log that hashes with `hashAlgorithm`.
    public init(_ key: SigningKey, hashAlgorithm: HashAlgorithm) throws {
        self.key = key
        let verifier = try key.publicKey
        self.keyID = try SigningKeyID(of: verifier, hashAlgorithm: hashAlgorithm).text
        self.publicKey = verifier.subjectPublicKeyInfo
    }

    public func sign(_ message: Data) throws -> Data { try key.sign(message) }
}
