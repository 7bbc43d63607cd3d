import Foundation

/// Progress lines on stderr, stamped with the time since the run started, so stdout carries only the report.
enum Progress {
    private static let start = ContinuousClock.now

    static func log(_ message: String) {
        let elapsed = start.duration(to: .now).seconds
        let line = String(format: "[%7.1fs] ", elapsed) + message + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
