public import Foundation

/// A c2sp.org/tlog-proof@v1 receipt: an entry's index, its inclusion proof, and a signed checkpoint.
///
/// ```
/// c2sp.org/tlog-proof@v1
/// [extra <base64>]
/// index <n>
/// <base64 proof hash>…
///
/// <signed checkpoint>
/// ```
/// With the entry's bytes and the log's verifier key it proves offline that the entry is in the log.
public struct Receipt: Sendable, Equatable {
    public static let header = "c2sp.org/tlog-proof@v1"

    public var index: UInt64
    public var proof: [Data]
    /// The signed checkpoint, as text.
    public var checkpoint: String
    /// Opaque application data; we write none.
    public var extra: Data?

    public init(index: UInt64, proof: [Data], checkpoint: String, extra: Data? = nil) {
        self.index = index
        self.proof = proof
        self.checkpoint = checkpoint
        self.extra = extra
    }

    public init(parsing text: String) throws {
        guard text.utf8.count <= SignedNote.maximumSize else { throw NoteFormatError(Reason("receipt-too-large")) }
        guard let split = text.range(of: "\n\n") else { throw NoteFormatError(Reason("receipt-no-checkpoint")) }
        var lines = text[..<split.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.popFirst() == Substring(Self.header) else {
            throw NoteFormatError(Reason("receipt-no-header", ["header": Self.header]))
        }
        var extra: Data?
        if let line = lines.first, line.hasPrefix("extra ") {
            guard let bytes = Data(canonicalBase64: line.dropFirst(6)) else {
                throw NoteFormatError(Reason("receipt-extra-not-base64"))
            }
            extra = bytes
            lines = lines.dropFirst()
        }
        guard let indexLine = lines.popFirst(), indexLine.hasPrefix("index "),
            case let digits = indexLine.dropFirst(6), !digits.isEmpty,
            digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits == "0" || !digits.hasPrefix("0"),
            let index = UInt64(digits)
        else { throw NoteFormatError(Reason("receipt-no-index")) }
        var proof: [Data] = []
        for line in lines {
            guard let hash = Data(canonicalBase64: line), hash.count == HashAlgorithm.digestSize else {
                throw NoteFormatError(Reason("receipt-proof-line-invalid", ["line": String(proof.count + 1)]))
            }
            proof.append(hash)
        }
        let checkpoint = String(text[split.upperBound...])
        guard !checkpoint.isEmpty else { throw NoteFormatError(Reason("receipt-no-checkpoint")) }
        self.init(index: index, proof: proof, checkpoint: checkpoint, extra: extra)
    }

    public var text: String {
        var lines = [Self.header]
        if let extra { lines.append("extra \(extra.base64EncodedString())") }
        lines.append("index \(index)")
        lines += proof.map { $0.base64EncodedString() }
        return lines.joined(separator: "\n") + "\n\n" + checkpoint
    }

    /// Verifies offline that `entry` is the entry at ``index`` in the log `verifier` signs for, and returns
    /// the verified checkpoint.
    ///
    /// The root comes from the checkpoint only after its signature has been verified.
    @discardableResult
    public func verify(entry: Data, verifier: NoteVerifier) throws -> Checkpoint {
        let signed = try SignedCheckpoint(parsing: checkpoint, verifier: verifier)
        // The key's algorithm fixes the log's profile, and with it the tree's hash.
        let profile = CryptoProfile(signatureAlgorithm: verifier.key.algorithm)
        let proofVerifier = try ProofVerifier(profile.hashAlgorithm)
        let leaf = proofVerifier.hasher.leafHash(entry)
        try proofVerifier.verifyInclusion(
            leafHash: leaf, index: index, size: signed.checkpoint.size, proof: proof, root: signed.checkpoint.rootHash)
        return signed.checkpoint
    }
}
