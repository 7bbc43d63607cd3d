import Foundation
import Glibc
import PropertyLedger

/// The audit run in a process of its own, so its peak memory is the audit's and not the benchmark's (which
/// has built two logs by then).
///
/// The parent re-executes its own binary with the hidden flag `--audit-child PATH`; the child opens the store,
/// audits it, and prints one JSON line with its figures.
enum AuditChild {
    /// What the child reports about its audit.
    struct Result: Codable, Sendable {
        var size: Int64
        var isIntact: Bool
        var seconds: Double
        /// The peak resident set once the store was open, before the audit: the process's fixed cost.
        var peakBeforeAuditKiB: Int
        /// The peak resident set of the whole child (`VmHWM`), audit included.
        var peakKiB: Int
        /// The child's `ru_maxrss` as the parent's `wait4` reports it. Filled in by the parent.
        var maxRSSFromWait4KiB: Int?
    }

    // MARK: The child

    /// The child's whole life: audit the store at `databasePath`, print the result, exit 0 if it is intact.
    static func run(databasePath: String) async throws -> Int32 {
        let store = try await LedgerStore.open(StorePaths(database: databasePath))
        let peakBefore = try ProcessMemory.peakKiB()
        let stopwatch = Stopwatch()
        let report = try await store.audit()
        let seconds = stopwatch.elapsed.seconds
        let result = Result(
            size: report.size, isIntact: report.isIntact, seconds: seconds,
            peakBeforeAuditKiB: peakBefore, peakKiB: try ProcessMemory.peakKiB())
        print(String(decoding: try JSONEncoder().encode(result), as: UTF8.self))
        return report.isIntact ? 0 : 2
    }

    // MARK: The parent

    /// Audits the store at `databasePath` in a child process and returns what the child reported.
    ///
    /// The memory figure used is the child's own `VmHWM`. The `ru_maxrss` that `wait4` returns is kept only as
    /// a cross-check: Linux folds the high-water mark of the address space a process had before `exec` into
    /// it, and `posix_spawn` runs the child in the parent's address space until then, so it can report the
    /// parent's peak rather than the audit's.
    static func audit(databasePath: String) throws -> Result {
        let outcome = try ChildProcess.run(arguments: [try executablePath(), "--audit-child", databasePath])
        guard outcome.exitStatus == 0 else {
            throw BenchError("the audit child for \(databasePath) exited with status \(outcome.exitStatus)")
        }
        var result: Result
        do {
            result = try JSONDecoder().decode(Result.self, from: outcome.output)
        } catch {
            throw BenchError("the audit child printed something unreadable: \(String(decoding: outcome.output, as: UTF8.self))")
        }
        result.maxRSSFromWait4KiB = outcome.maxRSSKiB
        return result
    }

    /// This binary, resolved through `/proc/self/exe` so that a relative or `PATH`-found argv[0] does not matter.
    private static func executablePath() throws -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        guard let first = CommandLine.arguments.first, FileManager.default.isExecutableFile(atPath: first) else {
            throw BenchError("cannot find this program's own executable to run the audit child")
        }
        return first
    }
}

/// The current process's memory, from `/proc/self/status`.
enum ProcessMemory {
    /// `VmHWM`: the peak resident set size of this process so far, in KiB.
    static func peakKiB() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count >= 2, let kib = Int(fields[1]) { return kib }
        }
        throw BenchError("/proc/self/status has no readable VmHWM line")
    }
}

/// A child process whose stdout is captured and whose resource usage is collected with `wait4`.
enum ChildProcess {
    struct Outcome {
        var output: Data
        /// The exit code, or 128 + the signal number if a signal ended it (as shells report it).
        var exitStatus: Int32
        var maxRSSKiB: Int
    }

    /// Runs `arguments[0]` with `arguments`, the same environment and stderr, and waits for it.
    ///
    /// Blocks the calling thread until the child exits: the benchmark does nothing else meanwhile, and a
    /// blocked thread cannot disturb the child's measurement the way a busy one could.
    static func run(arguments: [String]) throws -> Outcome {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { throw BenchError("pipe failed: \(String(cString: strerror(errno)))") }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        let pid: pid_t
        do {
            pid = try spawn(arguments, stdout: writeEnd, closing: readEnd)
        } catch {
            close(readEnd)
            close(writeEnd)
            throw error
        }
        close(writeEnd)
        // Read to the end before waiting, so a child that writes more than a pipe holds cannot deadlock.
        let output = Result { try FileHandle(fileDescriptor: readEnd, closeOnDealloc: true).readToEnd() ?? Data() }
        // Reap the child even if reading failed, so it does not linger as a zombie.
        let (status, usage) = try wait(for: pid)
        return Outcome(output: try output.get(), exitStatus: exitStatus(decoding: status), maxRSSKiB: usage.ru_maxrss)
    }

    private static func spawn(_ arguments: [String], stdout writeEnd: Int32, closing readEnd: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, writeEnd, STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        posix_spawn_file_actions_addclose(&actions, readEnd)

        let argv = arguments.map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            environment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, arguments[0], &actions, nil, argv, environment)
        guard code == 0 else { throw BenchError("cannot start \(arguments[0]): \(String(cString: strerror(code)))") }
        return pid
    }

    private static func wait(for pid: pid_t) throws -> (status: Int32, usage: rusage) {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 {
            guard errno == EINTR else { throw BenchError("wait4 failed: \(String(cString: strerror(errno)))") }
        }
        return (status, usage)
    }

    /// Decodes a wait status without the C macros, which do not import into Swift.
    private static func exitStatus(decoding status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
