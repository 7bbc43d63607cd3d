import Foundation
import LedgerPresentation
import PropertyLedger

/// Files a command reads (receipts, checkpoints, entries, verifier keys), with one-line errors.
enum InputFile {
    /// The largest file read: an entry's limit, which is more than any receipt, checkpoint or key needs.
    static let limit = LedgerStore.maximumEntrySize

    /// Reads a whole input file; a missing file is "not found", an oversized one "invalid input".
    static func data(_ path: String) throws -> Data {
        guard FileManager.default.fileExists(atPath: path) else { throw LedgerError(.notFound, .noSuchFile(path)) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LedgerError(.invalidInput, Reason("file-unreadable", ["path": path]))
        }
        defer { try? handle.close() }
        let data = try handle.read(upToCount: limit + 1) ?? Data()
        // The store's own reason, worded "larger than 1 MiB": the limit is the store's entry limit.
        guard data.count <= limit else { throw LedgerError(.invalidInput, Reason("file-too-large", ["path": path])) }
        return data
    }

    static func text(_ path: String) throws -> String {
        guard let text = String(data: try data(path), encoding: .utf8) else {
            throw LedgerError(.invalidInput, Reason("file-not-text", ["path": path]))
        }
        return text
    }

    static func verifier(_ path: String) throws -> NoteVerifier {
        do {
            return try NoteVerifier(text: try text(path))
        } catch let error as NoteFormatError {
            throw NotAVerifierKey(path: path, reason: error.reason)
        } catch let error as CryptoError {
            throw NotAVerifierKey(path: path, reason: error.reason)
        }
    }
}

/// A file given as a verifier key that is not one (exit 4); `reason` says what is wrong with it.
struct NotAVerifierKey: Error {
    let path: String
    let reason: Reason
}
