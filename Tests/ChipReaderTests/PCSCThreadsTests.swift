import Foundation
import Locking
import Testing

@testable import ChipReader

/// No PC/SC call may still run when the process exits (pcsc-lite's destructor frees its contexts then), and
/// none runs on Swift's cooperative pool: the monitor's cancellation included.
struct PCSCThreadsTests {
    /// The fake cancellation: its first call blocks until the test opens `gate` (a loaded pcscd answering
    /// slowly); every call records whether it ran inside a Swift task (on the cooperative pool).
    final class SlowCancel: Sendable {
        struct Seen {
            var calledOnATask: [Bool] = []
            var returned = 0
        }
        let seen = Locked(Seen())
        let gate = DispatchSemaphore(value: 0)

        func factory(over world: FakeReaderTests.World) -> ReaderServiceFactory {
            let base = world.factory
            return ReaderServiceFactory(
                connect: base.connect,
                cancel: { [self] handle in
                    let onATask = withUnsafeCurrentTask { $0 != nil }
                    let isFirst = seen.withLock { seen -> Bool in
                        seen.calledOnATask.append(onATask)
                        return seen.calledOnATask.count == 1
                    }
                    if isFirst { gate.wait() }
                    base.cancel(handle)
                    seen.withLock { $0.returned += 1 }
                })
        }
    }

    @Test func stoppingWaitsForACancellationUnderWay() async throws {
        let world = FakeReaderTests.World()
        world.plug("Reader A")
        let cancel = SlowCancel()
        let threads = PCSCThreads()
        let exited = DispatchSemaphore(value: 0)
        let monitor = ReaderMonitor(
            policy: ReaderPolicy(allowsVirtualReaders: false), pollInterval: .milliseconds(100), service: cancel.factory(over: world),
            threads: threads)
        let events = FakeReaderTests.Events(monitor.events(onThreadExit: { exited.signal() }))
        try await events.wait("the snapshot") { !$0.isEmpty }

        // The stream ends on a task of Swift's pool; the cancellation it starts runs elsewhere, and blocks.
        events.stop()
        let deadline = ContinuousClock.now + .seconds(60)
        while cancel.seen.withLock({ $0.calledOnATask.isEmpty }) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(cancel.seen.withLock { $0.calledOnATask } == [false], "SCardCancel ran on Swift's cooperative pool")

        // stopAll cancels the wait itself (which returns at once) and must then wait for the blocked call.
        let stopped = Locked<Bool?>(nil)
        Thread {
            let result = threads.stopAll(waitingAtMost: .seconds(60))
            stopped.withLock { $0 = result }
        }.start()
        try await Task.sleep(for: .milliseconds(200))
        #expect(stopped.withLock { $0 } == nil, "stopAll returned while a PC/SC call was under way")
        cancel.gate.signal()
        while stopped.withLock({ $0 }) == nil && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(stopped.withLock { $0 } == true)
        let seen = cancel.seen.withLock { $0 }
        #expect(seen.returned == seen.calledOnATask.count, "a PC/SC call was still under way when stopAll returned")
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
