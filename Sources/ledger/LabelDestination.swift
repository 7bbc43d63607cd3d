import Foundation
import LabelRenderer
import PropertyLedger

/// Where `ledger label` puts what it rendered: standard output, one file, or a file per label in a directory.
///
/// ZPL is a stream of labels, so any number go to standard output or one file; SVG and PNG are a document per
/// label, so several need a directory; a PNG never goes to a terminal.
struct LabelDestination {
    enum Place {
        case standardOutput
        case file(String)
        case directory(String)
    }

    let place: Place

    init(_ out: String?, count: Int, format: LabelFormat) throws {
        guard let out else {
            guard format != .png else { throw LedgerError(.invalidInput, Reason("label-png-needs-out")) }
            guard format == .zpl || count == 1 else {
                throw LedgerError(.invalidInput, Reason("label-out-needs-directory", ["count": String(count), "format": format.rawValue]))
            }
            place = .standardOutput
            return
        }
        let path = URL(fileURLWithPath: out).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            place = .directory(path)
        } else {
            guard format == .zpl || count == 1 else {
                throw LedgerError(.invalidInput, Reason("label-out-needs-directory", ["count": String(count), "format": format.rawValue]))
            }
            place = .file(path)
        }
    }

    /// The one file written to, for the store-file check; nil for standard output or a directory.
    var path: String? {
        if case .file(let path) = place { path } else { nil }
    }

    /// Writes the labels (each file whole or not at all) and returns the paths, one per label; empty for
    /// standard output.
    func write(_ labels: [(object: String, bytes: [UInt8])], format: LabelFormat) throws -> [String] {
        switch place {
        case .standardOutput:
            Output.write(Data(labels.flatMap(\.bytes)))
            return []
        case .file(let path):
            try OutputFile.write(Data(labels.flatMap(\.bytes)), to: path)
            return labels.map { _ in path }
        case .directory(let directory):
            return try labels.map { label in
                // Ids are letters, digits, '-', '_' and '.': safe as names, but for a leading dot (hidden, or `..`).
                let name = (label.object.hasPrefix(".") ? "_" : "") + label.object + "." + format.fileExtension
                let path = (directory as NSString).appendingPathComponent(name)
                try OutputFile.write(Data(label.bytes), to: path)
                return path
            }
        }
    }
}
