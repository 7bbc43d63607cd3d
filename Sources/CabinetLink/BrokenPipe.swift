import Glibc

/// Keeps a write to a closed pipe or socket from killing the process, without changing the process's signal
/// disposition (the `ledger` tool and its tests share the process with code that may rely on the default).
///
/// `SIGPIPE` raised by `write` is directed at the writing thread; blocked on that thread, it stays pending
/// there and the write fails with `EPIPE` instead. The pending signal is then taken away, so that nothing else
/// ever sees it.
enum BrokenPipe {
    /// Blocks `SIGPIPE` on the calling thread (one of our own; the mask dies with it).
    static func blockOnThisThread() {
        var set = pipeSignal
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Takes away a `SIGPIPE` pending on the calling thread, if any (after a write failed with `EPIPE`).
    static func discardPending() {
        var set = pipeSignal
        var pending = sigset_t()
        sigpending(&pending)
        guard sigismember(&pending, SIGPIPE) == 1 else { return }
        var noWait = timespec(tv_sec: 0, tv_nsec: 0)
        _ = sigtimedwait(&set, nil, &noWait)
    }

    private static var pipeSignal: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGPIPE)
        return set
    }
}
