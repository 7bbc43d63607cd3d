public import Foundation

/// A C2SP signed note: UTF-8 text ending in a newline, a blank line, and one or more signature lines
/// `— <key name> <base64(key ID ‖ signature)>`.
public struct SignedNote: Sendable, Equatable {
    public struct Signature: Sendable, Equatable {
        public var name: String
        public var keyID: UInt32
        /// The signature bytes, without the key ID.
        public var bytes: Data
    }

    /// The signed text, ending with "\n".
    public var text: String
    public var signatures: [Signature]

    /// Notes are small; anything larger is refused before parsing.
    static let maximumSize = 1 << 20
    private static let dash = "\u{2014} "

    public init(text: String, signatures: [Signature]) {
        self.text = text
        self.signatures = signatures
    }

    /// Parses a note. Signatures are not checked here; see ``verified(by:)``.
    public init(parsing note: String) throws {
        guard note.utf8.count <= Self.maximumSize else { throw NoteFormatError(Reason("note-too-large")) }
        guard !note.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) else {
            throw NoteFormatError(Reason("note-control-characters"))
        }
        // The text is everything up to and including the first "\n" that is followed by a blank line.
        guard let split = note.range(of: "\n\n") else { throw NoteFormatError(Reason("note-no-blank-line")) }
        let text = String(note[..<split.lowerBound]) + "\n"
        let signatureBlock = note[split.upperBound...]
        guard signatureBlock.hasSuffix("\n") else { throw NoteFormatError(Reason("note-no-final-newline")) }
        var signatures: [Signature] = []
        for line in signatureBlock.dropLast().split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix(Self.dash) else { throw NoteFormatError(Reason("note-signature-line-malformed", ["line": String(line)])) }
            let fields = line.dropFirst(Self.dash.count).split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 2, NoteKeyType.isValidName(String(fields[0])),
                let blob = Data(canonicalBase64: fields[1]), blob.count > 4
            else { throw NoteFormatError(Reason("note-signature-line-malformed", ["line": String(line)])) }
            let keyID = blob.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
            signatures.append(Signature(name: String(fields[0]), keyID: keyID, bytes: Data(blob.dropFirst(4))))
        }
        guard !signatures.isEmpty else { throw NoteFormatError(Reason("note-unsigned")) }
        self.init(text: text, signatures: signatures)
    }

    /// Signs `text` with `signer`.
    public static func sign(_ text: String, with signer: NoteSigner) throws -> SignedNote {
        guard text.hasSuffix("\n") else { throw NoteFormatError(Reason("note-text-no-final-newline")) }
        let bytes = try signer.key.sign(Data(text.utf8))
        return SignedNote(text: text, signatures: [Signature(name: signer.name, keyID: signer.keyID, bytes: bytes)])
    }

    /// The note as text, signatures in order.
    public var formatted: String {
        var result = text + "\n"
        for signature in signatures {
            var blob = Data()
            withUnsafeBytes(of: signature.keyID.bigEndian) { blob.append(contentsOf: $0) }
            blob.append(signature.bytes)
            result += "\(Self.dash)\(signature.name) \(blob.base64EncodedString())\n"
        }
        return result
    }

    /// Checks that `verifier` signed this note.
    ///
    /// Signatures under other keys are ignored (a note may carry witness cosignatures); a line that names
    /// the verifier's key but does not verify is an error, never skipped.
    public func verify(with verifier: NoteVerifier) throws {
        let mine = signatures.filter { $0.name == verifier.name && $0.keyID == verifier.keyID }
        guard !mine.isEmpty else {
            throw VerificationError(Reason("note-not-signed-by", ["key": "\(verifier.name)+\(hexKeyID(verifier.keyID))"]))
        }
        let message = Data(text.utf8)
        for signature in mine where try !verifier.isValid(signature.bytes, for: message) {
            throw VerificationError(Reason("signature-invalid", ["name": verifier.name]))
        }
    }
}
