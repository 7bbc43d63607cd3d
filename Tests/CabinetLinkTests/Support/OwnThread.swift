import Foundation
import Locking

/// Runs blocking test code (socket clients, waiting for children) on a thread of its own, so that it never
/// occupies the cooperative pool that the server's handler needs.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withHandOff { (handOff: HandOff<T, any Error>) in
        Thread { handOff.resume(with: Result { try body() }) }.start()
    }
}

/// Polls `condition` until it holds or `timeout` passes; whether it held.
func eventually(within timeout: Duration = .seconds(20), _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return await condition()
}
