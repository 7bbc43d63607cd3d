import Foundation
import LabelRenderer
import LedgerPresentation
import PropertyLedger

/// Where `ledger label --template` finds a template: a built-in name, or a path to an agency's own file.
enum LabelTemplateSource {
    /// The template `name` names: a built-in one, or — when the name has a `/` or ends in `.json` — the file.
    static func load(_ name: String) throws -> LabelTemplate {
        let vocabulary = { (object: LabelObject) in LabelValues.vocabulary(for: object == .item ? .item : .dossier) }
        do {
            if name.contains("/") || name.hasSuffix(".json") {
                return try LabelTemplate(parsing: try read(name), name: name, vocabulary: vocabulary)
            }
            guard let template = try LabelTemplate.builtIn(named: name, vocabulary: vocabulary) else {
                throw LedgerError(
                    .notFound,
                    Reason("label-template-unknown", ["template": name, "known": LabelTemplate.builtInNames.joined(separator: ", ")]))
            }
            return template
        } catch let error as LabelTemplateError {
            throw LedgerError(.invalidInput, Reason(error.reason, error.arguments))
        }
    }

    /// The file's bytes, at most one more than a template may have (so a huge file is refused, not read).
    private static func read(_ path: String) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let code = errno
            throw LedgerError(
                code == ENOENT ? .notFound : .invalidInput,
                Reason("label-template-unreadable", ["path": path, "detail": String(cString: strerror(code))]))
        }
        defer { try? handle.close() }
        do {
            return try handle.read(upToCount: LabelTemplate.maximumSize + 1) ?? Data()
        } catch {
            throw LedgerError(.invalidInput, Reason("label-template-unreadable", ["path": path, "detail": "\(error)"]))
        }
    }
}
