import Foundation

/// Entry 0 of every log: who runs it and how it is signed.
///
/// Entries are JSON objects with sorted keys, a format version `v` and a `type`. Their bytes are stored
/// exactly as written and never re-serialised, so the encoding only has to be deterministic when written.
struct LogCreatedEntry: Codable, Equatable {
    struct Log: Codable, Equatable {
        var origin: String
        var profile: CryptoProfile
        /// Absent in logs made before keys (``SignatureRequirement/optional``).
        var signatures: SignatureRequirement?
        var verifier: String
    }

    var v = 1
    var type = "log.created"
    var at: String
    var agency: Agency
    var log: Log

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
