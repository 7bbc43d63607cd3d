import CommandLineSupport
import Foundation
import LedgerPresentation

/// The benchmark's own directory: a fresh subdirectory of the one given with `--dir` (or of the system's
/// temporary directory), so every file the benchmark makes lies on the disk being measured and removing the
/// subdirectory never touches anything else there.
struct Workspace: Sendable {
    let root: String

    init(parent: String?) throws {
        let parentURL =
            parent.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.temporaryDirectory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parentURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ArgumentError(.optionNotDirectory("--dir", path: parentURL.path))
        }
        let name = "ledger-bench-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let url = parentURL.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        root = url.path
    }

    /// The path of a file in the workspace.
    func path(_ name: String) -> String {
        URL(fileURLWithPath: root, isDirectory: true).appendingPathComponent(name).path
    }

    /// Removes the workspace and everything in it; a failure is reported, not thrown, since it happens on the
    /// way out.
    func remove() {
        do {
            try FileManager.default.removeItem(atPath: root)
        } catch {
            Progress.log("could not remove \(root): \(error)")
        }
    }
}
