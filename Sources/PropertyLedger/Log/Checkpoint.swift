public import Foundation

/// A C2SP tlog-checkpoint: the body of a signed note naming a log, a tree size and the root at that size.
///
/// ```
/// <origin>
/// <tree size in decimal>
/// <base64 root hash>
/// [extension lines]
/// ```
public struct Checkpoint: Sendable, Equatable {
    public var origin: String
    public var size: UInt64
    public var rootHash: Data
    /// Optional lines after the root; we write none and keep what we read.
    public var extensions: [String]

    public init(origin: String, size: UInt64, rootHash: Data, extensions: [String] = []) {
        self.origin = origin
        self.size = size
        self.rootHash = rootHash
        self.extensions = extensions
    }

    /// Parses a checkpoint body (a signed note's text).
    public init(text: String) throws {
        guard text.hasSuffix("\n") else { throw NoteFormatError(Reason("checkpoint-no-final-newline")) }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3 else { throw NoteFormatError(Reason("checkpoint-too-short")) }
        guard !lines[0].isEmpty else { throw NoteFormatError(Reason("checkpoint-origin-empty")) }
        let sizeText = lines[1]
        // Decimal without sign or leading zeros, as C2SP requires; UInt64 alone would accept "+5" or "007".
        guard !sizeText.isEmpty, sizeText.allSatisfy({ $0.isASCII && $0.isNumber }),
            sizeText == "0" || !sizeText.hasPrefix("0"), let size = UInt64(sizeText), size <= UInt64(Int64.max)
        else { throw NoteFormatError(Reason("checkpoint-size-invalid", ["size": String(sizeText)])) }
        guard let root = Data(base64Encoded: String(lines[2])), root.count == HashAlgorithm.digestSize else {
            throw NoteFormatError(Reason("checkpoint-root-invalid"))
        }
        let extensions = lines.dropFirst(3).map(String.init)
        guard !extensions.contains(where: \.isEmpty) else { throw NoteFormatError(Reason("checkpoint-empty-line")) }
        self.init(origin: String(lines[0]), size: size, rootHash: root, extensions: extensions)
    }

    public var text: String {
        ([origin, String(size), rootHash.base64EncodedString()] + extensions).joined(separator: "\n") + "\n"
    }
}

/// A checkpoint together with the signed note that carries it.
public struct SignedCheckpoint: Sendable, Equatable {
    public let checkpoint: Checkpoint
    public let note: SignedNote

    /// Parses a signed checkpoint and verifies it with `verifier`.
    ///
    /// The origin must equal the verifier's key name: a checkpoint is only meaningful for the log it names.
    public init(parsing text: String, verifier: NoteVerifier) throws {
        let note = try SignedNote(parsing: text)
        let checkpoint = try Checkpoint(text: note.text)
        try note.verify(with: verifier)
        guard checkpoint.origin == verifier.name else {
            throw VerificationError(Reason("checkpoint-origin-mismatch", ["origin": checkpoint.origin, "key": verifier.name]))
        }
        self.checkpoint = checkpoint
        self.note = note
    }

    init(checkpoint: Checkpoint, note: SignedNote) {
        self.checkpoint = checkpoint
        self.note = note
    }
}
