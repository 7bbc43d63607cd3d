import Foundation
import Testing

@testable import ChipReader

/// The monitor driven by a fake PC/SC service, for what the virtual reader cannot do: readers unplugged in the
/// middle of a wait, a tag swapped between two wake-ups, and the service away without a daemon to kill.
struct FakeReaderTests {
    /// The fake's world: readers, what lies on them, whether the service is up. Changes wake blocked waits.
    final class World: @unchecked Sendable {
        // Everything below is guarded by `condition` (its lock); waits sleep on it.
        let condition = NSCondition()
        var readers: [String: ReaderSnapshot] = [:]
        var uids: [String: TagUID] = [:]
        var isServiceUp = true
        var cancelled: Set<Int> = []
        var nextHandle = 1

        func change(_ body: (World) -> Void) {
            condition.lock()
            body(self)
            condition.broadcast()
            condition.unlock()
        }

        func place(_ uid: [UInt8], on reader: String) {
            change { world in
                world.readers[reader]?.isPresent = true
                world.readers[reader]?.eventCount &+= 1
                world.readers[reader]?.atr = [0x3B, 0x00]
                world.uids[reader] = TagUID(uid)
            }
        }

        /// Lifted and another tag placed between two wake-ups: presence unchanged, the counter moved by two.
        func swapUnseen(_ uid: [UInt8], on reader: String) {
            change { world in
                world.readers[reader]?.eventCount &+= 2
                world.uids[reader] = TagUID(uid)
            }
        }

        func plug(_ reader: String) { change { $0.readers[reader] = ReaderSnapshot(isPresent: false, eventCount: 0, atr: []) } }
        func unplug(_ reader: String) { change { $0.readers[reader] = nil } }
        func setService(up: Bool) { change { $0.isServiceUp = up } }

        var factory: ReaderServiceFactory {
            ReaderServiceFactory(
                connect: { [self] in
                    condition.lock()
                    defer { condition.unlock() }
                    guard isServiceUp else { throw ReaderError(.noService, "the fake service is down") }
                    nextHandle += 1
                    return Service(world: self, handle: nextHandle)
                },
                cancel: { [self] handle in change { $0.cancelled.insert(handle) } })
        }
    }

    final class Service: ReaderService {
        let world: World
        let cancellationHandle: Int
        init(world: World, handle: Int) {
            self.world = world
            self.cancellationHandle = handle
        }

        func readers() throws -> [String] {
            world.condition.lock()
            defer { world.condition.unlock() }
            guard world.isServiceUp else { throw ReaderError(.communication, "the fake service went away") }
            return world.readers.keys.sorted()
        }

        func waitForChange(_ readers: [(name: String, last: ReaderSnapshot?)], milliseconds: Int, watchPlugAndPlay: Bool)
            throws -> [String: ReaderSnapshot]?
        {
            let deadline = Date().addingTimeInterval(Double(milliseconds) / 1000)
            world.condition.lock()
            defer { world.condition.unlock() }
            while true {
                guard !world.cancelled.contains(cancellationHandle) else { throw ReaderError(.cancelled, "cancelled") }
                guard world.isServiceUp else { throw ReaderError(.communication, "the fake service went away") }
                guard readers.allSatisfy({ world.readers[$0.name] != nil }) else {
                    throw ReaderError(.unknownReader, "a reader vanished")
                }
                if readers.contains(where: { $0.last != world.readers[$0.name] }) {
                    return Dictionary(
                        uniqueKeysWithValues: readers.map {
                            ($0.name, world.readers[$0.name] ?? ReaderSnapshot(isPresent: false, eventCount: 0, atr: []))
                        })
                }
                guard world.condition.wait(until: deadline) else { return nil }
            }
        }

        func readUID(reader: String) throws -> TagUID {
            world.condition.lock()
            defer { world.condition.unlock() }
            guard let uid = world.uids[reader] else { throw ReaderError(.noTag, "no tag") }
            return uid
        }
    }

    /// Events collected from a stream of reader events (a monitor over the fake, or a hub).
    final class Events: @unchecked Sendable {
        // Guarded by `lock`: appended by the collecting task, read by the test.
        private let lock = NSLock()
        private var events: [ReaderEvent] = []
        private var task: Task<Void, Never>?

        init(_ stream: AsyncStream<ReaderEvent>) {
            task = Task { [weak self] in for await event in stream { self?.append(event) } }
        }

        /// A monitor over `world`'s fake service.
        convenience init(_ world: World) {
            let monitor = ReaderMonitor(
                policy: ReaderPolicy(allowsVirtualReaders: false), pollInterval: .milliseconds(100), service: world.factory)
            self.init(monitor.events())
        }

        private func append(_ event: ReaderEvent) { lock.withLock { events.append(event) } }
        var all: [ReaderEvent] { lock.withLock { events } }

        func wait(_ what: String, until condition: @escaping ([ReaderEvent]) -> Bool) async throws {
            let deadline = ContinuousClock.now + .seconds(5)
            while !condition(all) {
                guard ContinuousClock.now < deadline else {
                    Issue.record("timed out waiting for \(what); events: \(all)")
                    throw CancellationError()
                }
                try await Task.sleep(for: .milliseconds(10))
            }
        }

        func stop() { task?.cancel() }
    }

    @Test func aReaderUnpluggedMidWaitIsSurvived() async throws {
        let world = World()
        world.plug("Reader A")
        world.plug("Reader B")
        world.place([0x04, 0x01], on: "Reader A")
        let events = Events(world)
        defer { events.stop() }
        try await events.wait("the snapshot") { $0.contains { if case .snapshot(let r) = $0 { r.count == 2 } else { false } } }
        try await Task.sleep(for: .milliseconds(200))  // the monitor is now blocked in its wait
        world.unplug("Reader A")
        try await events.wait("the removal") { $0.contains(.readersChanged(added: [], removed: ["Reader A"])) }
        #expect(events.all.contains(.tagLeft(reader: "Reader A")))
        world.plug("Reader C")
        try await events.wait("the new reader") { $0.contains(.readersChanged(added: ["Reader C"], removed: [])) }
        world.place([0x04, 0x02], on: "Reader B")
        try await events.wait("an arrival on the remaining reader") {
            $0.contains { if case .tagArrived(let a) = $0 { a.reader == "Reader B" && a.uid?.hex == "0402" } else { false } }
        }
    }

    @Test func aTagSwappedBetweenWakeUpsIsSeenThroughTheCounter() async throws {
        let world = World()
        world.plug("Reader A")
        let events = Events(world)
        defer { events.stop() }
        try await events.wait("the snapshot") { !$0.isEmpty }
        world.place([0x04, 0xAA], on: "Reader A")
        try await events.wait("the first arrival") {
            $0.contains { if case .tagArrived(let a) = $0 { a.uid?.hex == "04AA" } else { false } }
        }
        world.swapUnseen([0x04, 0xBB], on: "Reader A")
        try await events.wait("the swapped tag") { $0.contains { if case .tagArrived(let a) = $0 { a.uid?.hex == "04BB" } else { false } } }
        let tail = events.all.suffix(2)
        #expect(tail.first == .tagLeft(reader: "Reader A"))
    }

    @Test func theServiceGoingAwayAndComingBack() async throws {
        let world = World()
        world.plug("Reader A")
        let events = Events(world)
        defer { events.stop() }
        try await events.wait("the snapshot") { !$0.isEmpty }
        world.setService(up: false)
        try await events.wait("service lost") { $0.contains { if case .serviceLost = $0 { true } else { false } } }
        try await Task.sleep(for: .milliseconds(400))  // several failed reconnections, each reported once at most
        #expect(events.all.filter { if case .serviceLost = $0 { true } else { false } }.count == 1)
        world.setService(up: true)
        try await events.wait("service restored and a new snapshot") {
            guard let restored = $0.firstIndex(of: .serviceRestored) else { return false }
            return $0[restored...].contains { if case .snapshot = $0 { true } else { false } }
        }
    }
}

/// The shared hub: one monitor for every subscriber.
struct ReaderHubTests {
    @Test func subscribersShareOneMonitorAndLateOnesGetASnapshot() async throws {
        let world = FakeReaderTests.World()
        world.plug("Reader A")
        let connects = ConnectCounter()
        let exited = DispatchSemaphore(value: 0)
        let base = world.factory
        let counting = ReaderServiceFactory(
            connect: {
                connects.increment(); return try base.connect()
            }, cancel: base.cancel)
        let monitor = ReaderMonitor(policy: ReaderPolicy(allowsVirtualReaders: false), pollInterval: .milliseconds(100), service: counting)
        let hub = ReaderHub(source: { monitor.events(onThreadExit: { exited.signal() }) })

        let first = FakeReaderTests.Events(hub.events())
        let second = FakeReaderTests.Events(hub.events())
        try await first.wait("the snapshot") { !$0.isEmpty }
        world.place([0x04, 0x01], on: "Reader A")
        for collector in [first, second] {
            try await collector.wait("the arrival") {
                $0.contains { if case .tagArrived(let a) = $0 { a.uid?.hex == "0401" } else { false } }
            }
        }
        // A late subscriber learns at once that a tag lies on Reader A.
        let late = FakeReaderTests.Events(hub.events())
        try await late.wait("a snapshot with the tag") {
            $0.first == .snapshot([ReaderStatus(reader: "Reader A", hasTag: true, atr: [0x3B, 0x00], uid: TagUID([0x04, 0x01]))])
        }
        #expect(connects.value == 1, "each subscriber started a monitor of its own")

        for collector in [first, second, late] { collector.stop() }
        #expect(exited.wait(timeout: .now() + 2) == .success, "the monitor kept running after the last subscriber left")
    }

    final class ConnectCounter: @unchecked Sendable {
        // Guarded by `lock`; incremented on the monitor's thread.
        private let lock = NSLock()
        private var count = 0
        func increment() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }
}
