import Foundation
import Synchronization
import Testing

@testable import ChipReader

/// No PC/SC call may still run when the process exits (pcsc-lite's destructor frees its contexts then), and
/// none runs on Swift's cooperative pool: the monitor's cancellation included.
struct PCSCThreadsTests {
    /// What the slow fake cancellation saw: for each call, whether it ran inside a Swift task (on the
    /// cooperative pool), and how many calls returned.
    final class CancelLog: Sendable {
        struct Seen {
            var calledOnATask: [Bool] = []
            var returned = 0
        }
        let seen = Mutex(Seen())
    }

    /// The fake service, with a cancellation that takes `delay` (a loaded pcscd answering slowly).
    static func slowCancelling(_ world: FakeReaderTests.World, delay: Duration, log: CancelLog) -> ReaderServiceFactory {
        let base = world.factory
        return ReaderServiceFactory(
            connect: base.connect,
            cancel: { handle in
                let onATask = withUnsafeCurrentTask { $0 != nil }
                log.seen.withLock { $0.calledOnATask.append(onATask) }
                Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
                base.cancel(handle)
                log.seen.withLock { $0.returned += 1 }
            })
    }

    @Test func stoppingWaitsForACancellationUnderWay() async throws {
        let world = FakeReaderTests.World()
        world.plug("Reader A")
        let log = CancelLog()
        let threads = PCSCThreads()
        let exited = DispatchSemaphore(value: 0)
        let monitor = ReaderMonitor(
            policy: ReaderPolicy(allowsVirtualReaders: false), pollInterval: .milliseconds(100),
            service: Self.slowCancelling(world, delay: .milliseconds(400), log: log), threads: threads)
        let events = FakeReaderTests.Events(monitor.events(onThreadExit: { exited.signal() }))
        try await events.wait("the snapshot") { !$0.isEmpty }

        // The stream ends on a task of Swift's pool; the cancellation it starts runs elsewhere.
        events.stop()
        let deadline = ContinuousClock.now + .seconds(5)
        while log.seen.withLock({ $0.calledOnATask.isEmpty }) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(log.seen.withLock { $0.calledOnATask } == [false], "SCardCancel ran on Swift's cooperative pool")
        #expect(log.seen.withLock { $0.returned } == 0, "the fake's cancellation should still be under way")

        let stopped = await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: threads.stopAll(waitingAtMost: .seconds(5))) }.start()
        }
        #expect(stopped)
        // stopAll cancels the wait again itself (the first cancellation has not reached it yet): two calls.
        let seen = log.seen.withLock { $0 }
        #expect(seen.returned == seen.calledOnATask.count, "stopAll returned while a PC/SC call was under way")
        #expect(exited.wait(timeout: .now()) == .success, "the monitor's thread was still running")
    }

    @Test func nothingStartsOnceStopping() async throws {
        let world = FakeReaderTests.World()
        world.plug("Reader A")
        let threads = PCSCThreads()
        #expect(threads.stopAll(waitingAtMost: .seconds(1)))
        let connects = ReaderHubTests.ConnectCounter()
        let base = world.factory
        let counting = ReaderServiceFactory(
            connect: {
                connects.increment(); return try base.connect()
            }, cancel: base.cancel)
        let monitor = ReaderMonitor(
            policy: ReaderPolicy(allowsVirtualReaders: false), pollInterval: .milliseconds(100), service: counting, threads: threads)
        var seen: [ReaderEvent] = []
        for await event in monitor.events() { seen.append(event) }
        #expect(seen.isEmpty && connects.value == 0, "a monitor started after stopAll reached the service")
        await #expect(throws: ReaderError.self) { try await monitor.currentReaders() }
    }
}
