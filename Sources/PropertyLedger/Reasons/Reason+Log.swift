/// Reasons about the verifiable log's texts: signed notes, keys, checkpoints, receipts and proofs.
extension Reason {
    /// The log's reasons. ``NoteFormatError`` and ``VerificationError`` still carry English messages; they move
    /// here next.
    public static let logReasons: [ReasonSpec] = []
}
