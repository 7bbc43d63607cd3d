import Foundation
import Testing

/// Runs a test on threads of its own rather than on Swift's cooperative pool.
///
/// These tests run `ledger` as a child process and wait for it synchronously, hundreds of times. On the pool
/// (one thread per core, two here) two such tests would hold every thread for as long as they run, and the
/// tests that need the pool to make progress (a cabinet hook answering lines, a reader monitor's events) would
/// stall until their time limits passed; under ThreadSanitizer's slowdown they did. Applied to a suite, it
/// applies to each of its tests.
struct OffThePoolTrait: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func scopeProvider(for test: Test, testCase: Test.Case?) -> Self? {
        // Once around each test case: the suite itself needs no scope, and a test function's cases each get one.
        test.isSuite || testCase == nil ? nil : self
    }

    @concurrent func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @concurrent @Sendable () async throws -> Void
    ) async throws {
        try await withTaskExecutorPreference(TestThreadsExecutor.shared) { try await function() }
    }
}

extension Trait where Self == OffThePoolTrait {
    /// The test's code, and the processes it waits for, keep Swift's cooperative pool free.
    static var offThePool: Self { OffThePoolTrait() }
}

/// A task executor of a fixed number of threads of its own, which its jobs may block.
final class TestThreadsExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = TestThreadsExecutor(threads: max(2, ProcessInfo.processInfo.activeProcessorCount))

    /// Whether the calling code runs on one of these threads (Foundation's `Thread.name` cannot tell on Linux).
    static var isCurrent: Bool { Thread.current.threadDictionary[marker] as? Bool == true }
    private static let marker = "PropertyLedger.TestThreadsExecutor"

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []  // guarded by `condition`

    private init(threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [self] in
                Thread.current.threadDictionary[Self.marker] = true
                work()
            }
            thread.name = "off-the-pool \(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

@Suite(.offThePool)
struct OffThePoolTests {
    @Test func aTestRunsOnTheThreadsOfItsOwn() {
        #expect(TestThreadsExecutor.isCurrent)
    }

    @Test(arguments: [1, 2]) func soDoesEachCaseAfterASuspension(milliseconds: Int) async throws {
        try await Task.sleep(for: .milliseconds(milliseconds))
        #expect(TestThreadsExecutor.isCurrent)
    }
}

/// Without the trait, a test runs on the cooperative pool: the check above can tell the two apart.
struct OnThePoolTests {
    @Test func aTestWithoutTheTraitRunsOnThePool() async {
        #expect(!TestThreadsExecutor.isCurrent)
    }
}
