import Foundation

/// An enrolled key's id: the first 8 bytes of the log's hash (SM3 or SHA-256) of its DER SubjectPublicKeyInfo,
/// as 16 lower-case hex digits. Entries name their signing key by it; the log maps it to the key and its holder.
public struct SigningKeyID: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    /// A well-formed id: exactly 16 lower-case hex digits.
    public init?(_ text: String) {
        guard text.utf8.count == 16, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            return nil
        }
        self.text = text
    }

    /// The id of `key` in a log hashing with `algorithm`.
    public init(of key: VerificationKey, hashAlgorithm algorithm: HashAlgorithm) throws {
        let digest = try algorithm.hash(key.subjectPublicKeyInfo)
        text = digest.prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    public var description: String { text }
}
