import Foundation
import Testing

@testable import PropertyLedger

#if canImport(Glibc)
    import Glibc
#endif

/// A child process appends in a loop and is killed with SIGKILL at random moments, many times. Afterwards
/// the log verifies, its indices are dense, every acknowledged append is present with its exact bytes, and
/// the store still accepts appends (no signed checkpoint ever got ahead of the committed log).
struct CrashTests {
    static let runs = 30

    @Test func killedAppendersLoseNothingAcknowledged() async throws {
        let helper = try productsDirectory().appendingPathComponent("ledger-append-loop")
        try await withTemporaryStore(profile: .gm) { store, paths in
            var acknowledged: [Int64: Data] = [:]
            var generator = SystemRandomNumberGenerator()
            for run in 1...Self.runs {
                let process = Process()
                process.executableURL = helper
                process.arguments = [paths.database, String(run), "--checkpoint-every", "7"]
                let output = Pipe()
                process.standardOutput = output
                let sizeBefore = try await store.size
                try process.run()
                // Wait until it has committed an append (opening the store takes a moment, longer on a loaded
                // machine), so that every kill lands while it is appending; then kill it at a random moment.
                let deadline = ContinuousClock.now + .seconds(30)
                while try await store.size == sizeBefore, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
                #expect(try await store.size > sizeBefore, "run \(run) appended nothing in 30 seconds")
                let delay = UInt64.random(in: 0...200_000_000, using: &generator)
                try await Task.sleep(nanoseconds: delay)
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                #expect(process.terminationReason == .uncaughtSignal, "run \(run) ended by itself: status \(process.terminationStatus)")
                let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                for line in text.split(separator: "\n") {
                    let fields = line.split(separator: " ")
                    guard fields.count == 3, fields[0] == "ack", let index = Int64(fields[1]),
                        let bytes = Data(base64Encoded: String(fields[2]))
                    else {
                        Issue.record("run \(run): malformed acknowledgement \"\(line)\"")
                        continue
                    }
                    #expect(acknowledged[index] == nil, "index \(index) acknowledged twice")
                    acknowledged[index] = bytes
                }
            }
            // Every kill landed after appends had begun (checked above); most also left acknowledgements to check.
            #expect(acknowledged.count >= Self.runs, "only \(acknowledged.count) appends were acknowledged")

            let reopened = try await LedgerStore.open(paths)
            #expect(await reopened.writeBlockedReason == nil)
            let size = try await reopened.size
            for (index, bytes) in acknowledged {
                #expect(index < size, "acknowledged entry \(index) is missing")
                if index < size { #expect(try await reopened.entry(at: index) == bytes, "entry \(index) changed") }
            }
            let report = try await reopened.audit()
            #expect(report.isIntact, "\(report.findings)")
            #expect(report.size == size)
            #expect(report.nodesChecked >= size)
            #expect(try await reopened.append(Data("after the crashes".utf8)) == size)
            _ = try await reopened.checkpoint()
            _ = store
        }
    }
}

/// The directory holding the built products (`ledger`, `ledger-append-loop`).
func productsDirectory() throws -> URL {
    var candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
    candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
    for candidate in candidates
    where FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("ledger-append-loop").path) {
        return candidate
    }
    throw LedgerError(.notFound, Reason("test-products-missing", ["near": Bundle.main.bundleURL.path]))
}
