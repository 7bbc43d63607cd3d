import Dispatch
import Foundation
import Locking
import Synchronization
import Testing

/// What `withHandOff` returns, whether the other thread finishes before or after the task suspends. Under
/// `make sanitize-thread` the first case is the one a plain continuation gets reported for: an object built on a
/// dispatch thread, read on the thread that asked for it.
struct HandOffTests {
    /// Built on one thread, read on another.
    final class Made: @unchecked Sendable {
        var values: [Int]
        init(_ count: Int) { values = Array(0..<count) }
    }

    @Test(arguments: [true, false]) func theValueArrivesWhoeverFinishesFirst(resumerFirst: Bool) async {
        let resumed = Atomic<Bool>(false)
        let made = await withHandOff { (handOff: HandOff<Made, Never>) in
            DispatchQueue.global().async {
                if !resumerFirst { usleep(50_000) }  // the task is suspended by then
                handOff.resume(returning: Made(100))
                resumed.store(true, ordering: .relaxed)
            }
            // Waiting here makes the resume come before the task's await. The flag is relaxed: it orders nothing
            // for the sanitizer, so only the hand-off's lock can (with a plain continuation, TSan reports `values`).
            while resumerFirst && !resumed.load(ordering: .relaxed) { usleep(1000) }
        }
        #expect(made.values.count == 100)
        #expect(made.values.last == 99)
    }

    struct Refused: Error, Equatable {}

    @Test func anErrorIsThrownWithItsType() async {
        do {
            _ = try await withHandOff { (handOff: HandOff<Int, Refused>) in
                Thread { handOff.resume(throwing: Refused()) }.start()
            }
            Issue.record("no error thrown")
        } catch {
            #expect(error == Refused())
        }
    }

    @Test func aResultResumesOnTheCallersThreadToo() async throws {
        let value = try await withHandOff { (handOff: HandOff<String, any Error>) in
            handOff.resume(with: .success("at once"))
        }
        #expect(value == "at once")
    }
}
