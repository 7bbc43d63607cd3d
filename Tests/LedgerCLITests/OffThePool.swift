import Dispatch
import Foundation
import Locking
import Testing

/// Runs a test on threads of its own rather than on Swift's cooperative pool, a few tests at a time.
///
/// These tests run `ledger` as a child process and wait for it synchronously, hundreds of times. On the pool
/// (one thread per core, two here) two such tests would hold every thread for as long as they run, and the
/// tests that need the pool to make progress (a cabinet hook answering lines, a reader monitor's events) would
/// stall until their time limits passed; under ThreadSanitizer's slowdown they did. A fixed set of threads of
/// our own only moved the problem: a test waiting for a `scan` line could not resume from its sleep while two
/// fault-injection tests held both threads for minutes, and timed out with the line long arrived (CI, under
/// ThreadSanitizer). So a test admitted here always finds a thread when it resumes, and the load is bounded by
/// how many tests are admitted at once instead. Applied to a suite, it applies to each of its tests.
struct OffThePoolTrait: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func scopeProvider(for test: Test, testCase: Test.Case?) -> Self? {
        // Once around each test case: the suite itself needs no scope, and a test function's cases each get one.
        test.isSuite || testCase == nil ? nil : self
    }

    @concurrent func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @concurrent @Sendable () async throws -> Void
    ) async throws {
        await TestAdmission.shared.enter()
        defer { TestAdmission.shared.leave() }
        try await withTaskExecutorPreference(TestThreadsExecutor.shared) { try await function() }
    }
}

extension Trait where Self == OffThePoolTrait {
    /// The test's code, and the processes it waits for, keep Swift's cooperative pool free.
    static var offThePool: Self { OffThePoolTrait() }
}

/// Lets at most `width` tests run at once; the others wait, suspended, in the order they came.
final class TestAdmission: @unchecked Sendable {
    /// Two per core: most of an admitted test's time is spent waiting for a child process.
    static let shared = TestAdmission(width: 2 * max(1, ProcessInfo.processInfo.activeProcessorCount))

    let width: Int
    private let lock = NSLock()
    // Guarded by `lock`.
    private var running = 0
    private var waiting: [HandOff<Void, Never>] = []

    init(width: Int) { self.width = width }

    /// Returns once the caller may run.
    func enter() async {
        await withHandOff { (admitted: HandOff<Void, Never>) in
            let now = lock.withLock {
                guard running < width else {
                    waiting.append(admitted)
                    return false
                }
                running += 1
                return true
            }
            if now { admitted.resume() }
        }
    }

    /// Hands the caller's place to the longest-waiting test, if any.
    func leave() {
        let next = lock.withLock {
            guard !waiting.isEmpty else {
                running -= 1
                return HandOff<Void, Never>?.none
            }
            return waiting.removeFirst()
        }
        next?.resume()
    }

    /// How many tests run now (for the tests of this type).
    var admitted: Int { lock.withLock { running } }
}

/// A task executor that starts a thread whenever a job arrives and none of its threads is idle, so a job never
/// waits behind jobs that block. Threads stay for the next jobs; how many there are is bounded by how many
/// tests `TestAdmission` lets in and how much each runs at once.
final class TestThreadsExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = TestThreadsExecutor()

    /// Whether the calling code runs on one of these threads (Foundation's `Thread.name` cannot tell on Linux).
    static var isCurrent: Bool { Thread.current.threadDictionary[marker] as? Bool == true }
    private static let marker = "PropertyLedger.TestThreadsExecutor"

    private let condition = NSCondition()
    // Guarded by `condition`. Each job enqueued is promised a thread: a new one, or an idle one woken for it
    // (`wakeups`), so no job waits for a busy thread. A thread finishing early may take the job first; the
    // woken one then finds none and waits again.
    private var jobs: [UnownedJob] = []
    private var idle = 0
    private var wakeups = 0
    private var threads = 0

    private init() {}

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        defer { condition.unlock() }
        jobs.append(job)
        if idle > 0 {
            idle -= 1
            wakeups += 1
            condition.signal()
        } else {
            threads += 1
            let thread = Thread { [self] in
                Thread.current.threadDictionary[Self.marker] = true
                work()
            }
            thread.name = "off-the-pool \(threads)"
            thread.start()
        }
    }

    /// How many threads have been started (for the tests of this type).
    var threadCount: Int { condition.withLock { threads } }

    private func work() {
        condition.lock()
        while true {
            if !jobs.isEmpty {
                let job = jobs.removeFirst()
                condition.unlock()
                job.runSynchronously(on: asUnownedTaskExecutor())
                condition.lock()
                continue
            }
            idle += 1
            while wakeups == 0 { condition.wait() }
            wakeups -= 1
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

    /// Jobs that block every thread there was do not keep the next job from running: the one that releases them.
    /// On a fixed pool of two threads the blocked jobs would wait out their 30 s and this would fail.
    @Test func aJobRunsWhileTheOthersBlockTheirThreads() async {
        let release = DispatchSemaphore(value: 0)
        let blockers = 6
        let released = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<blockers {
                group.addTask(executorPreference: TestThreadsExecutor.shared) {
                    release.wait(timeout: .now() + 30) == .success
                }
            }
            group.addTask(executorPreference: TestThreadsExecutor.shared) {
                for _ in 0..<blockers { release.signal() }
                return true
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(released == blockers + 1)
        #expect(TestThreadsExecutor.shared.threadCount > blockers)
    }

    /// A test beyond the width waits until one of those running leaves, and then runs.
    @Test func aTestBeyondTheWidthWaitsForAPlace() async {
        let admission = TestAdmission(width: 2)
        await admission.enter()
        await admission.enter()
        let entered = Locked(false)
        let third = Task {
            await admission.enter()
            entered.withLock { $0 = true }
        }
        try? await Task.sleep(for: .milliseconds(200))
        #expect(!entered.withLock { $0 })
        #expect(admission.admitted == 2)
        admission.leave()
        await third.value
        #expect(entered.withLock { $0 })
        #expect(admission.admitted == 2)
        admission.leave()
        admission.leave()
        #expect(admission.admitted == 0)
    }
}

/// Without the trait, a test runs on the cooperative pool: the check above can tell the two apart.
struct OnThePoolTests {
    @Test func aTestWithoutTheTraitRunsOnThePool() async {
        #expect(!TestThreadsExecutor.isCurrent)
    }
}
