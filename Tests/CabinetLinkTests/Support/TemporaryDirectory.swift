import Foundation

/// A fresh directory for one test (mode 0755, so that clients running as other users reach its socket),
/// removed afterwards.
func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    // Short: socket paths are limited to 107 bytes.
    let path = "/tmp/cablink-" + UUID().uuidString.prefix(8)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}
