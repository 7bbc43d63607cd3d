import Foundation

/// Compares a store with the checkpoints it signed: the last one in the database and the copy published in a
/// file beside it.
///
/// A store that is behind a signed checkpoint has lost entries (a restored backup, a truncated WAL); a store
/// whose root at a signed size differs has been rewritten or forked. Either way it must not append, or it
/// would sign a history that contradicts one it already published.
///
/// The file must have been read *before* the database snapshot the guard looks at: a checkpoint is committed
/// to the database before it is published to the file, so a snapshot taken after reading the file holds that
/// checkpoint. Read the other way round, a checkpoint signed by another process in between looks like a loss.
struct CheckpointGuard {
    let database: Database
    let tree: MerkleTree
    let verifier: NoteVerifier
    let paths: StorePaths
    let size: Int64

    /// The reason the store conflicts with what it signed, or nil when it agrees.
    ///
    /// - Parameter published: the checkpoint file's text, read before the current snapshot; nil if absent.
    func conflict(published: String?) throws -> Reason? {
        if let note = try database.firstRow(
            "SELECT note FROM log_checkpoints ORDER BY size DESC LIMIT 1", row: { $0.text(0) })
        {
            guard let checkpoint = try? SignedCheckpoint(parsing: note, verifier: verifier).checkpoint else {
                return .storedCheckpointUnverifiable(detail: "")
            }
            if let problem = try disagreement(with: checkpoint, source: "store") { return problem }
        }
        guard let published else { return nil }
        guard let checkpoint = try? SignedCheckpoint(parsing: published, verifier: verifier).checkpoint else {
            return .checkpointFileUnverifiable(paths.checkpoint)
        }
        if let problem = try disagreement(with: checkpoint, source: "file") { return problem }
        let stored = try database.firstRow("SELECT root FROM log_checkpoints WHERE size = ?", Int64(checkpoint.size)) { $0.data(0) }
        guard let stored else {
            return .checkpointLost(size: Int64(checkpoint.size), file: paths.checkpoint)
        }
        guard stored == checkpoint.rootHash else {
            return .checkpointForked(size: Int64(checkpoint.size), file: paths.checkpoint)
        }
        return nil
    }

    /// Why the store's entries disagree with `checkpoint` from `source` (`store` or `file`), or nil.
    private func disagreement(with checkpoint: Checkpoint, source: String) throws -> Reason? {
        guard Int64(checkpoint.size) <= size else {
            return .entriesLost(entries: size, size: Int64(checkpoint.size), source: source, file: paths.checkpoint)
        }
        guard try tree.root(size: Int64(checkpoint.size)) == checkpoint.rootHash else {
            return .treeAltered(size: Int64(checkpoint.size), source: source, file: paths.checkpoint)
        }
        return nil
    }
}
