import Foundation
import Locking

/// What a finished child process left.
struct ChildResult: Sendable {
    var pid: Int32
    var status: Int32
    var output: String
    var errors: String
}

/// Runs a program to its end with standard input from /dev/null, collecting its output (on threads of their own).
func runChild(_ executable: String, _ arguments: [String]) async throws -> ChildResult {
    try await onOwnThread {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorText = ErrorCollector(errors.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ChildResult(
            pid: process.processIdentifier, status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: errorText.wait())
    }
}

/// Reads a pipe to its end on a thread of its own (so that a full stderr pipe cannot stall a child).
final class ErrorCollector: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let text = LockedText()

    init(_ handle: FileHandle) {
        Thread { [text, done] in
            text.set(String(decoding: handle.readDataToEndOfFile(), as: UTF8.self))
            done.signal()
        }.start()
    }

    func wait() -> String {
        done.wait()
        return text.get()
    }
}

final class LockedText: Sendable {
    private let value = Locked("")
    func set(_ text: String) { value.withLock { $0 = text } }
    func get() -> String { value.withLock { $0 } }
}
