import Dispatch
import Foundation
import Glibc
import Locking

/// A child process started with `posix_spawn`, whose end a thread of its own waits for: it is signalled only
/// while its pid is still its own.
///
/// Not Foundation's `Process`, for three reasons. It reaps the child on its manager thread and calls the
/// termination handler later, on a new thread: a signal sent in between, guarded by "not ended yet", goes to a
/// pid that may be another process's by then (with many tests spawning, the pid space wraps within seconds).
/// It learns of the end from end of file on a socket pair that the child inherits, and reports exit status 0
/// when its `waitpid` then fails. And its children inherit what this process's spawning thread blocks and what
/// this process ignores.
///
/// Here the waiting thread learns of the end with `waitid(WNOWAIT)`, which leaves the child a zombie that keeps
/// its pid; records it under the lock that ``signal(_:)`` holds around `kill`; and only then reaps the child.
final class ChildProcess: Sendable {
    typealias Exit = ProcessCabinetChannel.Exit

    private struct State {
        /// Set before the child is reaped: once it is, no signal goes to the pid.
        var end: Result<Exit, CabinetChannelError>?
        var waiters: [Int: HandOff<Exit, any Error>] = [:]
        var nextToken = 0
    }

    /// The child's pid.
    let identifier: pid_t
    private let state = Locked(State())

    /// Starts `executable` with `arguments` and `environment` (nil: this process's).
    ///
    /// `input`, `output` and `error` become the child's descriptors 0, 1 and 2 (`error` nil: this process's
    /// standard error). The child holds no other descriptor of this process, whatever its close-on-exec flag;
    /// blocks no signal and has each at its default action; and runs in a process group of its own, as
    /// Foundation's children do. Blocks until the child has executed `executable` or failed to.
    /// - Throws: ``CabinetChannelError/spawnFailed(executable:message:)``.
    init(
        executable: String, arguments: [String], environment: [String: String]?, input: Int32, output: Int32,
        error: Int32?
    ) throws {
        func failure(_ code: Int32) -> CabinetChannelError {
            .spawnFailed(executable: executable, message: String(cString: strerror(code)))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        let results = [
            posix_spawn_file_actions_adddup2(&actions, input, STDIN_FILENO),
            posix_spawn_file_actions_adddup2(&actions, output, STDOUT_FILENO),
            error.map { posix_spawn_file_actions_adddup2(&actions, $0, STDERR_FILENO) } ?? 0,
            // Last, after the dups: Foundation's pipes and sockets are not close-on-exec.
            GNULibc.addCloseFrom(STDERR_FILENO + 1, to: &actions),
            posix_spawnattr_setsigmask(&attributes, &noSignals),
            posix_spawnattr_setsigdefault(&attributes, &allSignals),
            posix_spawnattr_setpgroup(&attributes, 0),
            posix_spawnattr_setflags(
                &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP)),
        ]
        if let code = results.first(where: { $0 != 0 }) { throw failure(code) }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        let envp = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for variable in envp { free(variable) } }
        var pid: pid_t = 0
        let code = argv.withUnsafeBufferPointer { argv in
            envp.withUnsafeBufferPointer { envp in
                posix_spawn(&pid, executable, &actions, &attributes, argv.baseAddress!, envp.baseAddress!)
            }
        }
        guard code == 0 else { throw failure(code) }
        identifier = pid
        let thread = Thread { [self] in waitForTheEnd() }
        thread.name = "cabinet-sim.process.\(pid).wait"
        thread.start()
    }

    /// How the child ended; nil while it runs (or if its end could not be learned).
    var exit: Exit? {
        state.withLock { try? $0.end?.get() }
    }

    /// Sends `signal` to the child unless its end is known. Under the lock, so that the child cannot be reaped
    /// between the look and `kill`: the pid is still the child's, alive or a zombie.
    func signal(_ signal: Int32) {
        state.withLock { state in
            guard state.end == nil else { return }
            _ = kill(identifier, signal)
        }
    }

    /// How the child ended, once it has, waiting at most `timeout`.
    /// - Throws: ``CabinetChannelError/timedOut(_:)``, or the failed `waitid` (`ECHILD`: someone else reaped it).
    func wait(timeout: Duration) async throws -> Exit {
        try await withHandOff { (handOff: HandOff<Exit, any Error>) in
            let (end, token) = state.withLock { state -> (Result<Exit, CabinetChannelError>?, Int) in
                if let end = state.end { return (end, 0) }
                state.nextToken += 1
                state.waiters[state.nextToken] = handOff
                return (nil, state.nextToken)
            }
            if let end { return handOff.resume(with: end.mapError { $0 as any Error }) }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout.dispatchInterval) {
                let waiter = self.state.withLock { $0.waiters.removeValue(forKey: token) }
                waiter?.resume(throwing: CabinetChannelError.timedOut(timeout))
            }
        }
    }

    /// On the waiting thread: learns of the end without reaping, records it, then reaps.
    private func waitForTheEnd() {
        var info = siginfo_t()
        var result: Int32
        repeat {
            result = waitid(P_PID, id_t(identifier), &info, WEXITED | WNOWAIT)
        } while result != 0 && errno == EINTR
        let end: Result<Exit, CabinetChannelError> =
            result == 0 ? .success(Self.exit(from: info)) : .failure(.system(call: "waitid", errno: errno))
        let waiters = state.withLock { state in
            state.end = end
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        // From here on no signal goes to the pid: it may be released.
        var status: Int32 = 0
        while waitpid(identifier, &status, 0) == -1 && errno == EINTR {}
        for waiter in waiters { waiter.resume(with: end.mapError { $0 as any Error }) }
    }

    private static func exit(from info: siginfo_t) -> Exit {
        let status = info._sifields._sigchld.si_status
        // CLD_KILLED or CLD_DUMPED: a signal, which `si_status` holds.
        return Int(info.si_code) == Int(CLD_EXITED) ? .exited(status) : .signalled(status)
    }
}
