import Foundation
import PropertyLedger

/// Files a command reads (receipts, checkpoints, entries, verifier keys), with one-line errors.
enum InputFile {
    /// Reads a whole input file; a missing file is "not found", an oversized one "invalid input".
    static func data(_ path: String, limit: Int = 1 << 20) throws -> Data {
        guard FileManager.default.fileExists(atPath: path) else { throw LedgerError(.notFound, "no such file: \(path)") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw LedgerError(.invalidInput, "cannot read \(path)") }
        defer { try? handle.close() }
        let data = try handle.read(upToCount: limit + 1) ?? Data()
        guard data.count <= limit else { throw LedgerError(.invalidInput, "\(path) is larger than \(limit) bytes") }
        return data
    }

    static func text(_ path: String) throws -> String {
        guard let text = String(data: try data(path), encoding: .utf8) else {
            throw LedgerError(.invalidInput, "\(path) is not UTF-8 text")
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
