import COpenSSL
import CSQLite
import Foundation

/// The machine and libraries the figures were taken on: without them a rate means little.
struct MachineInfo: Encodable, Sendable {
    var processors: Int
    var cpuModel: String
    var memoryGiB: Double
    var system: String
    var kernel: String
    var sqliteVersion: String
    var openSSLVersion: String
    /// The directory whose disk was measured.
    var directory: String

    init(directory: String) {
        processors = ProcessInfo.processInfo.activeProcessorCount
        cpuModel = Self.cpuModel() ?? "unknown"
        memoryGiB = Double(ProcessInfo.processInfo.physicalMemory) / Double(1 << 30)
        system = ProcessInfo.processInfo.operatingSystemVersionString
        kernel =
            (try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown"
        sqliteVersion = String(cString: sqlite3_libversion())
        openSSLVersion = OpenSSL_version(OPENSSL_VERSION).map { String(cString: $0) } ?? "unknown"
        self.directory = directory
    }

    /// The first "model name" in /proc/cpuinfo.
    private static func cpuModel() -> String? {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        let line = info.split(separator: "\n").first { $0.hasPrefix("model name") }
        return line?.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces)
    }
}
