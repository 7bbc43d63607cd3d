/// Reasons about the verifiable log's texts: signed notes, keys, checkpoints, receipts and proofs, carried by
/// ``NoteFormatError`` (a text that cannot be read) and ``VerificationError`` (one that does not hold).
///
/// `hash` names a hash (`leaf-hash`, `root`, `first-root`, `second-root`, `subtree-hash`); `key` and `name`
/// are key names as written in notes; sizes, indices and counts are decimal text.
extension Reason {
    /// The log's reasons.
    public static let logReasons: [ReasonSpec] = [
        // Proofs
        .init("index-not-below-size", "index", "size"), .init("inclusion-proof-length", "hashes", "index", "size", "expected"),
        .init("inclusion-proof-too-long"), .init("inclusion-proof-too-short"), .init("inclusion-proof-wrong-root"),
        .init("consistency-from-empty"), .init("consistency-sizes-reversed", "size1", "size2"),
        .init("consistency-equal-sizes-not-empty"), .init("consistency-roots-differ", "size"),
        .init("consistency-proof-length", "hashes", "size1", "size2", "expected"), .init("consistency-proof-too-long"),
        .init("consistency-proof-too-short"), .init("consistency-proof-wrong-first-root"),
        .init("consistency-proof-wrong-second-root"), .init("subtree-invalid", "start", "end"),
        .init("index-outside-subtree", "index", "start", "end"), .init("subtree-outside-tree", "start", "end", "size"),
        .init("empty-subtree-proof-not-empty"), .init("empty-subtree-hash-wrong"), .init("subtree-proof-empty"),
        .init("subtree-proof-too-long"), .init("subtree-proof-too-short"), .init("subtree-proof-wrong-subtree-hash"),
        .init("subtree-proof-wrong-root"), .init("hash-wrong-size", "hash", "bytes", "expected"),
        .init("proof-hash-wrong-size", "position", "bytes", "expected"),
        // Signed notes
        .init("note-too-large"), .init("note-control-characters"), .init("note-no-blank-line"),
        .init("note-no-final-newline"), .init("note-signature-line-malformed", "line"), .init("note-unsigned"),
        .init("note-text-no-final-newline"), .init("note-not-signed-by", "key"), .init("signature-invalid", "name"),
        // Checkpoints
        .init("checkpoint-no-final-newline"), .init("checkpoint-too-short"), .init("checkpoint-origin-empty"),
        .init("checkpoint-size-invalid", "size"), .init("checkpoint-root-invalid"), .init("checkpoint-empty-line"),
        .init("checkpoint-origin-mismatch", "origin", "key"),
        // Keys
        .init("key-empty"), .init("key-type-unsupported", "type"), .init("key-name-invalid", "name"),
        .init("verifier-key-malformed"), .init("verifier-key-id-malformed", "id"), .init("verifier-key-not-base64"),
        .init("verifier-key-id-mismatch", "id"), .init("private-key-malformed"), .init("private-key-id-malformed", "id"),
        .init("private-key-not-base64"), .init("private-key-type-unsupported", "type"), .init("private-key-id-mismatch", "id"),
        // Receipts
        .init("receipt-too-large"), .init("receipt-no-checkpoint"), .init("receipt-no-header", "header"),
        .init("receipt-extra-not-base64"), .init("receipt-no-index"), .init("receipt-proof-line-invalid", "line"),
    ]
}
