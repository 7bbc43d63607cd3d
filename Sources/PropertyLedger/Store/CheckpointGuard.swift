import Foundation

/// Compares a store with the checkpoints it signed: the last one in the database and the copy kept in a
/// file beside it.
///
/// A store that is behind a signed checkpoint has lost entries (a restored backup, a truncated WAL); a store
/// whose root at a signed size differs has been rewritten or forked. Either way it must not append, or it
/// would sign a history that contradicts one it already published.
struct CheckpointGuard {
    let database: Database
    let tree: MerkleTree
    let verifier: NoteVerifier
    let paths: StorePaths
    let size: Int64

    /// The reason the store conflicts with what it signed, or nil when it agrees.
    func conflict() throws -> String? {
        var signed: [(source: String, checkpoint: Checkpoint)] = []
        if let note = try database.firstRow(
            "SELECT note FROM log_checkpoints ORDER BY size DESC LIMIT 1", row: { $0.text(0) })
        {
            guard let checkpoint = try? SignedCheckpoint(parsing: note, verifier: verifier).checkpoint else {
                return "the last checkpoint in the store does not verify"
            }
            signed.append(("the store's last checkpoint", checkpoint))
        }
        if let note = try DurableFile.readText(paths.checkpoint) {
            guard let checkpoint = try? SignedCheckpoint(parsing: note, verifier: verifier).checkpoint else {
                return "the checkpoint file \(paths.checkpoint) does not verify against this log's key"
            }
            signed.append(("the checkpoint file \(paths.checkpoint)", checkpoint))
        }
        for (source, checkpoint) in signed {
            guard Int64(checkpoint.size) <= size else {
                return "the store has \(size) entries but \(source) was signed at size \(checkpoint.size): "
                    + "entries were lost (a restored backup or a truncated file?)"
            }
            guard try tree.root(size: Int64(checkpoint.size)) == checkpoint.rootHash else {
                return "the store's tree at size \(checkpoint.size) differs from \(source): the log was altered or forked"
            }
        }
        if signed.count == 2, signed[1].checkpoint.size > signed[0].checkpoint.size {
            return "the store has lost the checkpoint signed at size \(signed[1].checkpoint.size) (a restored backup?)"
        }
        return nil
    }
}
