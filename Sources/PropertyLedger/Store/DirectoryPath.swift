/// The directory part of `path`, as `NSString.deletingLastPathComponent` gives it — `a/b` → `a`, `/b` → `/`,
/// `b` → `` (empty: the current directory) — with trailing slashes ignored.
///
/// Not NSString's: in swift-corelibs-foundation (Swift 6.3.1) `deletingLastPathComponent` traps on a path of
/// one character (`ledger init --store x` crashed with SIGILL).
public func directoryPath(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    var directory = trimmed[..<slash]
    while directory.count > 1, directory.hasSuffix("/") { directory = directory.dropLast() }
    return directory.isEmpty ? "/" : String(directory)
}
