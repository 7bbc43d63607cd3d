import Foundation
import Testing

@testable import PropertyLedger

#if canImport(Glibc)
    import Glibc
#endif

/// The real `ledger` binary run as a child process — optionally under `strace`, which fails one chosen system call —
/// with a deadline, its output in files, and what strace saw.
///
/// **How a fault is aimed.** strace counts a `when=N` per syscall *and per thread*, and the store's SQLite calls move
/// between libdispatch's worker threads from one run to the next, so "the 5th fdatasync of the process" cannot be
/// asked for directly. A fault is therefore aimed at one call of one file: an un-injected traced run lists every
/// matching call with its thread and the file it touched (`-y`); the fault run traces only that file (`-P PATH`) and
/// injects at the call's number on its own thread. Calls on one file almost always come from one thread (a temporary
/// file is written and synced in one function; the WAL's frames are written by the committing thread); when they do
/// not, the fault may land on a neighbouring call or on none. The fault run's own trace says which calls were
/// injected, so every run is checked whatever it hit, and a run that missed its target is repeated (``attempts``).
///
/// **Temporary files.** The ledger names a file it writes atomically `PATH.tmp-PID`. Each traced run starts in a
/// PID namespace of its own (`unshare --pid`), where the ledger always gets the same process id, so the temporary
/// file's name is the same in the counting run and in the fault run, and `-P` can name it.
enum FaultRig {
    static let strace = "/usr/bin/strace"
    static let unshare = "/usr/bin/unshare"
    /// How many times a fault run is tried again when strace's per-thread count made it miss its call.
    static let attempts = 3

    /// One system call strace saw: the thread that made it, the file its descriptor names (relative to the scene's
    /// directory when inside it), whether strace injected the fault into it.
    struct Call: Sendable, Equatable {
        let thread: Int
        let syscall: String
        let path: String
        /// Whether the file is in the scene's directory (not standard output, a pipe, an eventfd).
        let inScene: Bool
        var injected: Bool
    }

    /// What a run printed and how it ended.
    struct Outcome: Sendable {
        var status: Int32
        /// Ended by a signal (`status` is then the signal's number).
        var signalled: Bool
        var timedOut: Bool
        var stdout: String
        var stderr: String
        var calls: [Call]
        var stderrLines: [Substring] { stderr.split(separator: "\n") }
        var summary: String {
            (signalled ? "signal \(status)" : "exit \(status)") + (timedOut ? " (timed out)" : "") + ": " + stderr.prefix(400)
        }
    }

    /// Whether strace works here (ptrace may be forbidden in a container) and how to start it.
    struct Tools: Sendable {
        let usable: Bool
        /// `--seccomp-bpf` when strace has it: the ledger stops only at the traced calls, not at every one.
        let seccomp: [String]
        /// The command that starts strace in a PID namespace of its own, when one can be made.
        let namespace: [String]?
        let problem: String
    }

    static let tools: Tools = {
        func works(_ argv: [String]) -> (ok: Bool, stderr: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: argv[0])
            process.arguments = Array(argv.dropFirst())
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return (false, "cannot run \(argv[0])") }
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus == 0, text)
        }
        let plain = works([strace, "-f", "-qq", "-o", "/dev/null", "/bin/true"])
        guard plain.ok else {
            return Tools(usable: false, seccomp: [], namespace: nil, problem: "strace cannot trace here: \(plain.stderr)")
        }
        let bpf = works([strace, "-f", "-qq", "--seccomp-bpf", "-o", "/dev/null", "/bin/true"])
        let seccomp = bpf.ok && bpf.stderr.isEmpty ? ["--seccomp-bpf"] : []
        var namespace: [String]?
        for candidate in [
            [unshare, "--pid", "--fork", "--mount-proc", "--kill-child"],
            [unshare, "--user", "--map-root-user", "--pid", "--fork", "--mount-proc", "--kill-child"],
        ] where namespace == nil && works(candidate + [strace, "-f", "-qq", "-o", "/dev/null", "/bin/true"]).ok {
            namespace = candidate
        }
        return Tools(usable: true, seccomp: seccomp, namespace: namespace, problem: "")
    }()

    /// The environment every run gets: English words, the directory as home, nothing of the caller's ledger.
    static func environment(_ directory: URL, _ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in [
            "LEDGER_STORE", "LEDGER_PRIVATE_KEY", "LEDGER_ACTOR", "LEDGER_KEY_DIR", "XDG_DATA_HOME", "LC_ALL", "LC_MESSAGES", "LANG",
        ] {
            environment[key] = nil
        }
        environment["HOME"] = directory.path
        environment["LEDGER_LANG"] = "en"
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// Runs `argv` in `directory`, standard input from `stdin`, killing it after `timeout`; output goes to files in
    /// `scratch` (a pipe left unread could block the child).
    static func run(
        _ argv: [String], environment: [String: String], in directory: URL, stdin: URL?, scratch: URL,
        timeout: Duration = .seconds(120)
    ) async throws -> Outcome {
        let name = UUID().uuidString.prefix(8)
        let outURL = scratch.appendingPathComponent("out-\(name)")
        let errURL = scratch.appendingPathComponent("err-\(name)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: argv[0])
        process.arguments = Array(argv.dropFirst())
        process.currentDirectoryURL = directory
        process.environment = environment
        let output = try FileHandle(forWritingTo: outURL)
        let errors = try FileHandle(forWritingTo: errURL)
        defer {
            try? output.close()
            try? errors.close()
        }
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin.flatMap { FileHandle(forReadingAtPath: $0.path) } ?? FileHandle.nullDevice
        let ended = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in ended.continuation.finish() }
        try process.run()
        let pid = process.processIdentifier
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            // `unshare --kill-child` takes the namespace, strace and the ledger with it.
            kill(pid, SIGKILL)
            return true
        }
        for await _ in ended.stream {}
        watchdog.cancel()
        let timedOut = (try? await watchdog.value) ?? false
        var (status, signalled) = (process.terminationStatus, process.terminationReason == .uncaughtSignal)
        // `unshare --fork` ends with 128 + N when its child died of signal N (the ledger never exits above 70).
        if argv.first == unshare, !signalled, status > 128, status <= 128 + 64 { (status, signalled) = (status - 128, true) }
        return Outcome(
            status: status, signalled: signalled, timedOut: timedOut,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "",
            calls: [])
    }

    /// A child this test started: its output goes to files, read when it has ended. (`Process` is not `Sendable`; the
    /// child is only started, killed and waited for.)
    final class Running: @unchecked Sendable {
        let process: Process
        let started = ContinuousClock.now
        private let outURL, errURL: URL
        private let output, errors: FileHandle
        private let ended: AsyncStream<Void>

        init(_ argv: [String], environment: [String: String], in directory: URL, scratch: URL) throws {
            let name = UUID().uuidString.prefix(8)
            outURL = scratch.appendingPathComponent("out-\(name)")
            errURL = scratch.appendingPathComponent("err-\(name)")
            _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            process = Process()
            process.executableURL = URL(fileURLWithPath: argv[0])
            process.arguments = Array(argv.dropFirst())
            process.currentDirectoryURL = directory
            process.environment = environment
            output = try FileHandle(forWritingTo: outURL)
            errors = try FileHandle(forWritingTo: errURL)
            process.standardOutput = output
            process.standardError = errors
            process.standardInput = FileHandle.nullDevice
            let (stream, continuation) = AsyncStream<Void>.makeStream()
            ended = stream
            process.terminationHandler = { _ in continuation.finish() }
            try process.run()
        }

        /// SIGKILL, to the child this test started (the shell has exec'd the ledger: its id is the ledger's).
        func kill() { _ = Glibc.kill(process.processIdentifier, SIGKILL) }
        var isRunning: Bool { process.isRunning }

        func outcome() async -> Outcome {
            for await _ in ended {}
            try? output.close()
            try? errors.close()
            return Outcome(
                status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal, timedOut: false,
                stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "", calls: [])
        }
    }

    /// Runs `argv` and sends it SIGKILL `after` it started, if it is still running then.
    static func runKilled(_ argv: [String], environment: [String: String], in directory: URL, scratch: URL, after delay: Duration)
        async throws -> Outcome
    {
        let running = try Running(argv, environment: environment, in: directory, scratch: scratch)
        let killer = Task {
            try await Task.sleep(until: running.started + delay)
            running.kill()
        }
        let outcome = await running.outcome()
        killer.cancel()
        return outcome
    }

    /// The calls in strace's output (`-f -y`), in the order they were entered; paths inside `directory` are made
    /// relative to it. A call split by another thread's (`<unfinished ...>` … `<... resumed>`) is one call.
    static func calls(inTrace text: String, relativeTo directory: URL) -> [Call] {
        var calls: [Call] = []
        var pending: [Int: Int] = [:]
        let prefix = directory.standardizedFileURL.path + "/"
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard fields.count == 2, let thread = Int(fields[0]) else { continue }
            let rest = fields[1].drop { $0 == " " }
            if rest.hasPrefix("<... ") {
                // `<... fdatasync resumed>) = -1 EIO (Input/output error) (INJECTED)`
                if let index = pending.removeValue(forKey: thread), rest.hasSuffix("(INJECTED)") { calls[index].injected = true }
                continue
            }
            guard let open = rest.firstIndex(of: "("), rest[rest.startIndex..<open].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
            else { continue }
            let syscall = String(rest[rest.startIndex..<open])
            // The first argument: a descriptor, `7</dir/ledger.db-wal>`, or a path, `"/dir/ledger.db.checkpoint.tmp-4"`.
            var path = ""
            var inScene = false
            let argument = rest[rest.index(after: open)...]
            if argument.hasPrefix("\""), let close = argument.dropFirst().firstIndex(of: "\"") {
                path = String(argument[argument.index(after: argument.startIndex)..<close])
            } else if let less = argument.firstIndex(of: "<"), argument[argument.startIndex..<less].allSatisfy(\.isNumber),
                let greater = argument[less...].firstIndex(of: ">")
            {
                path = String(argument[argument.index(after: less)..<greater])
            }
            if !path.isEmpty {
                if path.hasPrefix(prefix) {
                    (path, inScene) = (String(path.dropFirst(prefix.count)), true)
                } else if path == String(prefix.dropLast()) {
                    (path, inScene) = (".", true)
                } else if !path.hasPrefix("/") && argument.hasPrefix("\"") {
                    // A path the ledger was given relative (`--out bundle.txt`): relative to the scene, its directory.
                    inScene = true
                }
            }
            calls.append(Call(thread: thread, syscall: syscall, path: path, inScene: inScene, injected: rest.hasSuffix("(INJECTED)")))
            if rest.hasSuffix("<unfinished ...>") { pending[thread] = calls.count - 1 }
        }
        return calls
    }
}

extension FaultRig {
    /// `command` run in `scene` under strace, which makes call number `call` (on its thread) of `kind.syscall` on the
    /// file `path` (relative to `scene`; `.` is the directory itself) fail with `kind.error`. The outcome's calls are
    /// those strace saw on that file.
    static func inject(_ kind: FaultKind, at path: String, call: Int, _ command: WriteCommand, in scene: URL, scratch: URL) async throws
        -> Outcome
    {
        let trace = scratch.appendingPathComponent("trace-\(UUID().uuidString.prefix(8))")
        let target = path == "." ? scene.path : scene.appendingPathComponent(path).path
        // A path argument is matched as the ledger spells it: a file it was given relative is also named relative.
        let paths = path == "." ? [target] : [target, path]
        let argv =
            (tools.namespace ?? []) + [strace, "-f", "--quiet=all"] + tools.seccomp
            + ["-o", trace.path, "-y", "-e", "trace=\(kind.syscall)"] + paths.flatMap { ["-P", $0] }
            + ["-e", "inject=\(kind.syscall):\(kind.injection):when=\(call)"]
            + command.argv(ledger: try CLITests.productsDirectory().appendingPathComponent("ledger").path, scratch: scratch)
        var outcome = try await run(
            argv, environment: try command.environment(scene, scratch: scratch), in: scene, stdin: nil, scratch: scratch)
        outcome.calls = calls(inTrace: (try? String(contentsOf: trace, encoding: .utf8)) ?? "", relativeTo: scene)
            .filter { $0.syscall == kind.syscall && $0.path == path }
        return outcome
    }
}

/// A fault strace injects: a system call and the error it returns — or a signal (`SIGKILL`) delivered as the call
/// is entered, before it runs: a kill at an exact point of a write.
struct FaultKind: Sendable, Hashable, CustomStringConvertible {
    let syscall: String
    let error: String
    var description: String { "\(syscall) \(error)" }
    /// strace's words for it: `error=EIO`, `signal=SIGKILL`.
    var injection: String { error.hasPrefix("SIG") ? "signal=\(error)" : "error=\(error)" }

    /// `fsync` is what the ledger's own durable files call (the checkpoint file, keys, bundles); SQLite calls
    /// `fdatasync` instead (on Linux it is built with HAVE_FDATASYNC), so both are injected, each on its own.
    static let all = [
        FaultKind(syscall: "fsync", error: "EIO"), FaultKind(syscall: "fdatasync", error: "EIO"),
        FaultKind(syscall: "write", error: "ENOSPC"), FaultKind(syscall: "pwrite64", error: "EIO"),
    ]
    static var traced: String { Set(all.map(\.syscall)).sorted().joined(separator: ",") }
}

/// A write command as the fault and kill suites run it, in a copy of a scene's directory.
struct WriteCommand: Sendable {
    var name: String
    var arguments: [String]
    /// The store, relative to the directory (`LEDGER_STORE`).
    var store = "ledger.db"
    /// Standard input (a reader on stdin, a passphrase-less script).
    var stdin = ""
    /// What descriptors 3 and 4 read: passphrases, given as `--passphrase-fd 3`, `--new-passphrase-fd 4`.
    var fd3 = ""
    var fd4 = ""
    /// Done to the copy before the command runs (damaging a projection for `rebuild --repair`).
    var prepare: (@Sendable (URL) throws -> Void)?
    /// What the command changes: entries and checkpoints, or (`rebuild --repair`) the projections only.
    var effect = Effect.log
    /// A loop (`scan`) that says on standard output how each action went and goes on: an action the fault made fail
    /// is reported there, and the loop still ends with 0.
    var reportsEachAction = false
    /// For a command that can fail after recording its entries: the commands that finish its work, made from the
    /// failure it reported (the id its message names); each must succeed.
    var finish: (@Sendable (String) -> [WriteCommand])?
    /// The write that shows the store works once this command has committed, when the scene's own is not enough (a
    /// signature with the key a rekey made).
    var afterCommit: (@Sendable () -> WriteCommand)?

    enum Effect: Sendable { case log, projections, newStore }

    /// The argument vector: `sh` opens descriptors 0, 3 and 4 and execs the ledger, so that its process id is the
    /// shell's (the same in every run in a fresh PID namespace).
    func argv(ledger: String, scratch: URL) -> [String] {
        ["/bin/sh", "-c", #"exec "$0" "$@" <"$FX_IN" 3<"$FX_FD3" 4<"$FX_FD4""#, ledger] + arguments
    }

    func environment(_ directory: URL, scratch: URL) throws -> [String: String] {
        for (name, text) in [("in", stdin), ("fd3", fd3), ("fd4", fd4)] {
            try text.write(to: scratch.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        return FaultRig.environment(
            directory,
            [
                "LEDGER_STORE": directory.appendingPathComponent(store).path,
                "LEDGER_KEY_DIR": directory.appendingPathComponent("keys").path,
                "XDG_RUNTIME_DIR": directory.appendingPathComponent("run").path, "FX_IN": scratch.appendingPathComponent("in").path,
                "FX_FD3": scratch.appendingPathComponent("fd3").path, "FX_FD4": scratch.appendingPathComponent("fd4").path,
            ])
    }
}

/// What a store holds, read straight from its file: the entries' exact bytes and the checkpoints signed.
struct StoreState: Sendable, Equatable {
    var entries: [Data]
    var checkpoints: Int

    static let empty = StoreState(entries: [], checkpoints: 0)

    /// Read with a read-only connection, after a `ledger verify` has opened (and closed) the store, so that any
    /// committed WAL is in the file.
    static func read(_ path: URL) throws -> StoreState {
        guard FileManager.default.fileExists(atPath: path.path) else { return .empty }
        let database = try Database(path: path.path, readOnly: true)
        return StoreState(
            entries: try database.rows("SELECT bytes FROM log_entries ORDER BY idx") { $0.data(0) },
            checkpoints: Int(try database.queryInt("SELECT count(*) FROM log_checkpoints") ?? 0))
    }
}

/// The files of a directory (recursively, relative paths) and their sizes, to see what a command created.
func fileListing(_ directory: URL) -> [String: Int] {
    var files: [String: Int] = [:]
    let root = directory.standardizedFileURL.path + "/"
    guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return files }
    while let name = walker.nextObject() as? String {
        let path = root + name
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
        files[name] = Int(info.st_size)
    }
    return files
}

/// A scene's directory, built once through the real binary and copied for each run.
actor SceneTemplates {
    static let shared = SceneTemplates()
    private var built: [String: Task<URL, any Error>] = [:]
    /// Every scene and run of this test process, removed when it exits.
    static let rootPath = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-faults-\(getpid())").path
    let root = URL(fileURLWithPath: SceneTemplates.rootPath)

    private init() {
        atexit { try? FileManager.default.removeItem(atPath: SceneTemplates.rootPath) }
    }

    /// The template of `name`, built by `build` the first time it is asked for.
    func template(_ name: String, build: @escaping @Sendable (URL) async throws -> Void) async throws -> URL {
        if let task = built[name] { return try await task.value }
        let directory = root.appendingPathComponent(name)
        let task = Task {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try await build(directory)
            return directory
        }
        built[name] = task
        return try await task.value
    }

    /// A fresh copy of `template` for one run: `scene` holds the copy, the run's scratch files sit beside it.
    func copy(_ template: URL) throws -> (scene: URL, scratch: URL) {
        let run = root.appendingPathComponent("runs").appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        let scene = run.appendingPathComponent("scene")
        try FileManager.default.copyItem(at: template, to: scene)
        return (scene, run)
    }

    func remove(_ run: URL) {
        try? FileManager.default.removeItem(at: run)
    }
}
