import Dispatch
import Glibc

/// SIGTERM and SIGINT for a command that serves until stopped (`cabinet serve`, `witness serve`): while the
/// returned sources live, either signal calls `stop` instead of ending the process. Cancel them when done.
enum StopSignals {
    static func install(_ stop: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: stop)
            source.resume()
            return source
        }
    }
}
