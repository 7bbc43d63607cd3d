import Foundation
import PCSCTestSupport
import Testing

@testable import ChipReader

/// ReaderMonitor against a real pcscd with the vpcd virtual readers (run under `scripts/pcscd-rig.sh run`).
extension PCSCRigSuites {
    @Suite struct MonitorIntegrationTests {
        /// Collects a monitor's events on a task, for a test to wait on.
        final class Recorder: @unchecked Sendable {
            private let lock = NSLock()
            private var events: [ReaderEvent] = []
            private var task: Task<Void, Never>?
            let exited = DispatchSemaphore(value: 0)

            init(_ monitor: ReaderMonitor) {
                let stream = monitor.events(onThreadExit: { [exited] in exited.signal() })
                task = Task { [weak self] in
                    for await event in stream { self?.append(event) }
                }
            }

            private func append(_ event: ReaderEvent) { lock.withLock { events.append(event) } }

            var all: [ReaderEvent] { lock.withLock { events } }

            var arrivals: [TagArrival] { all.compactMap { if case .tagArrived(let a) = $0 { a } else { nil } } }

            func departures(from reader: String) -> Int {
                all.filter { $0 == .tagLeft(reader: reader) }.count
            }

            /// Waits until `condition` holds of the events, or fails after `seconds`.
            func wait(_ what: String, seconds: Double = 30, until condition: ([ReaderEvent]) -> Bool) async throws {
                let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
                while !condition(all) {
                    guard ContinuousClock.now < deadline else {
                        Issue.record("timed out waiting for \(what); events: \(all)")
                        throw CancellationError()
                    }
                    try await Task.sleep(for: .milliseconds(20))
                }
            }

            func stop() { task?.cancel() }
        }

        static func monitor() -> ReaderMonitor {
            ReaderMonitor(policy: ReaderPolicy(allowsVirtualReaders: true), pollInterval: .milliseconds(200))
        }

        @Test func arrivalUIDAndDeparture() async throws {
            let rig = try PCSCRig.required()
            let recorder = Recorder(Self.monitor())
            defer { recorder.stop() }
            try await recorder.wait("the snapshot") { $0.contains { if case .snapshot = $0 { true } else { false } } }
            guard case .snapshot(let readers) = recorder.all.first else { throw CancellationError() }
            #expect(readers.map(\.reader).contains(rig.readerName))

            let tag = VirtualTag(uid: [0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0x80])
            try tag.place(onPort: rig.port(slot: 0))
            try await recorder.wait("the arrival") { _ in !recorder.arrivals.isEmpty }
            let arrival = try #require(recorder.arrivals.first)
            #expect(arrival.reader == rig.readerName)
            #expect(arrival.uid?.hex == "04A1B2C3D4E580")
            #expect(arrival.parsedATR?.standardName == "ISO 14443A (part 3)")
            #expect(arrival.parsedATR?.cardNameDescription == "MIFARE Classic 1K")
            #expect(tag.receivedAPDUs.first == [0xFF, 0xCA, 0x00, 0x00, 0x00])

            tag.lift()
            try await recorder.wait("the departure") { _ in recorder.departures(from: rig.readerName) == 1 }
            // Acted on once per arrival: lying on the reader for a while produced no second arrival.
            #expect(recorder.arrivals.count == 1)
        }

        @Test func twoReadersAtOnce() async throws {
            let rig = try PCSCRig.required()
            let recorder = Recorder(Self.monitor())
            defer { recorder.stop() }
            let first = VirtualTag(uid: [0x04, 0x00, 0x00, 0x01])
            let second = VirtualTag(
                uid: [0xE0, 0x04, 0x01, 0x50, 0xA1, 0xB2, 0xC3, 0xD4], atr: VirtualTag.contactlessATR(standard: 0x0B, cardName: 0x0014))
            try first.place(onPort: rig.port(slot: 0))
            try second.place(onPort: rig.port(slot: 1))
            try await recorder.wait("two arrivals") { _ in recorder.arrivals.count == 2 }
            let byReader = Dictionary(uniqueKeysWithValues: recorder.arrivals.map { ($0.reader, $0) })
            #expect(byReader[PCSCRig.readerName(slot: 0)]?.uid?.hex == "04000001")
            #expect(byReader[PCSCRig.readerName(slot: 1)]?.uid?.hex == "E0040150A1B2C3D4")
            #expect(byReader[PCSCRig.readerName(slot: 1)]?.parsedATR?.standardName == "ISO 15693 (part 3)")
            first.lift()
            second.lift()
            try await recorder.wait("two departures") { _ in
                recorder.departures(from: PCSCRig.readerName(slot: 0)) == 1 && recorder.departures(from: PCSCRig.readerName(slot: 1)) == 1
            }
        }

        @Test func statusWordsAreHandled() async throws {
            let rig = try PCSCRig.required()
            let recorder = Recorder(Self.monitor())
            defer { recorder.stop() }
            let answers: [(VirtualTag.UIDAnswer, String?)] = [
                (.resendWithLe(4), "04A1B2C3"),  // 6C 04, then the UID on the resend
                (.shortened(length: 3), "04A1B2"),  // 62 82: fewer bytes, still valid
                (.statusOnly(0x6A, 0x81), nil),  // not supported: an error, never a UID
                (.statusOnly(0x63, 0x00), nil),
            ]
            for (number, (answer, expected)) in answers.enumerated() {
                let tag = VirtualTag(uid: [0x04, 0xA1, 0xB2, 0xC3])
                tag.uidAnswer = answer
                try tag.place(onPort: rig.port(slot: 0))
                try await recorder.wait("arrival \(number + 1)") { _ in recorder.arrivals.count == number + 1 }
                let arrival = recorder.arrivals[number]
                #expect(arrival.uid?.hex == expected, "\(answer)")
                if expected == nil {
                    #expect((try? arrival.result.get()) == nil)
                    if case .failure(let error) = arrival.result { #expect(error.code == .statusWord) }
                }
                tag.lift()
                try await recorder.wait("departure \(number + 1)") { _ in recorder.departures(from: rig.readerName) == number + 1 }
            }
        }

        @Test func aTagLiftedMidReadIsAnErrorAndTheLoopGoesOn() async throws {
            let rig = try PCSCRig.required()
            let recorder = Recorder(Self.monitor())
            defer { recorder.stop() }
            let dropping = VirtualTag(uid: [0x04, 0x11, 0x22, 0x33])
            dropping.dropAfterAPDUs = 1
            try dropping.place(onPort: rig.port(slot: 0))
            try await recorder.wait("the failed arrival or a departure") { _ in
                !recorder.arrivals.isEmpty || recorder.departures(from: rig.readerName) > 0
            }
            #expect(recorder.arrivals.allSatisfy { $0.uid == nil }, "a UID was read from a tag that left mid-read")
            dropping.lift()
            try await Task.sleep(for: .milliseconds(800))
            let good = VirtualTag(uid: [0x04, 0x44, 0x55, 0x66])
            try good.place(onPort: rig.port(slot: 0))
            try await recorder.wait("the next tag") { _ in recorder.arrivals.contains { $0.uid?.hex == "04445566" } }
            good.lift()
        }

        @Test func theThreadEndsWithinASecondOfCancellation() async throws {
            _ = try PCSCRig.required()
            let recorder = Recorder(Self.monitor())
            try await recorder.wait("the snapshot") { !$0.isEmpty }
            // Let the monitor block in SCardGetStatusChange, then cancel: SCardCancel must end the wait.
            try await Task.sleep(for: .milliseconds(300))
            let cancelled = ContinuousClock.now
            recorder.stop()
            let ended = recorder.exited.wait(timeout: .now() + 1)
            #expect(ended == .success, "the monitor thread was still running a second after cancellation")
            #expect(cancelled.duration(to: .now) < .seconds(1))
        }

        @Test func pcscdKilledAndRestartedIsSurvived() async throws {
            let rig = try PCSCRig.required()
            let recorder = Recorder(Self.monitor())
            defer { recorder.stop() }
            try await recorder.wait("the snapshot") { !$0.isEmpty }
            try rig.stop()
            try await recorder.wait("service lost") { $0.contains { if case .serviceLost = $0 { true } else { false } } }
            try rig.start()
            try await recorder.wait("service restored", seconds: 10) { $0.contains(.serviceRestored) }
            let tag = VirtualTag(uid: [0x04, 0x77, 0x88, 0x99])
            try tag.place(onPort: rig.port(slot: 0))
            try await recorder.wait("an arrival after the restart") { _ in recorder.arrivals.contains { $0.uid?.hex == "04778899" } }
            tag.lift()
        }

        @Test func virtualReadersAreRefusedByDefault() async throws {
            let rig = try PCSCRig.required()
            let strict = ReaderMonitor(policy: ReaderPolicy(allowsVirtualReaders: false))
            let (readers, refused) = try await strict.currentReaders()
            #expect(readers.isEmpty)
            #expect(refused.contains(rig.readerName))
        }
    }
}
