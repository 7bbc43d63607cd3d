import CabinetLink
import CabinetSimulator
import Dispatch
import DossierVault
import Foundation
import LedgerPresentation
import PropertyLedger

extension Benchmark {
    // MARK: (q) 20 cabinets at once

    /// (q) Every cabinet a simulated cabinet on a connection of its own, doing a door session a second for
    /// `cabinetSeconds` seconds, the cabinets' seconds staggered by a twentieth: authorize (the clerk), door
    /// opened, door closed, complete rounds of its contents until reconciled. A session counts when every answer
    /// is as it should be and it ends within its second, so that the cabinet keeps its pace.
    mutating func measureSessions(over socket: String, store: LedgerStore) async throws -> Comparison {
        let seconds = options.cabinetSeconds
        let count = CabinetScene.cabinets
        Progress.log("(q) \(count) cabinets on the socket, a session a second each, for \(seconds) s")
        var channels: [SocketCabinetChannel] = []
        var cabinets: [SimulatedCabinet] = []
        do {
            for number in 0..<count {
                let channel = try await SocketCabinetChannel.connect(to: socket)
                channels.append(channel)
                let cabinet = SimulatedCabinet(
                    code: CabinetScene.cabinet(number), slots: CabinetScene.slots(of: number), contents: CabinetScene.tags(of: number),
                    noise: .perfect, link: channel)
                let hello = try await cabinet.hello(adapter: "ledger-bench")
                guard hello.isOK, hello.cabinet?.slots.map(\.code).sorted() == CabinetScene.slots(of: number) else {
                    throw BenchError("hello at \(CabinetScene.cabinet(number)) answered \(hello.line)")
                }
                cabinets.append(cabinet)
            }
        } catch {
            for channel in channels { await channel.close() }
            throw error
        }
        let reconciledBefore = try await reconciledSessions(in: store)

        let start = ContinuousClock.now + .milliseconds(200)
        let paced = await withTaskGroup(of: [PacedSession].self) { group in
            for (number, cabinet) in cabinets.enumerated() {
                let first = start + .milliseconds(1_000 * number / count)
                group.addTask { await Self.paceSessions(of: cabinet, from: first, count: seconds) }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        for channel in channels { await channel.close() }

        let scheduled = count * seconds
        let failed = paced.filter { $0.error != nil }
        let completed = paced.count - failed.count
        let kept = paced.filter(\.isKept).count
        let durations = LatencySample(paced.map(\.duration))
        let lastEnd = paced.map(\.ended).max() ?? start
        let wallRate = Double(completed) / start.duration(to: lastEnd).seconds
        let lateness = paced.map { $0.tick.duration(to: $0.started) }.max() ?? .zero
        if failed.isEmpty {
            // What the adapters were told is what the store holds: one reconciled session more for each.
            let reconciled = try await reconciledSessions(in: store) - reconciledBefore
            guard reconciled == completed else {
                throw BenchError("\(completed) sessions were answered reconciled, the store recorded \(reconciled)")
            }
        }
        let rate = Double(kept) / Double(seconds)
        let (p50, p99) = (durations.median.milliseconds, durations.percentile(0.99).milliseconds)
        details.append(
            Figure(
                name: "(q) sessions of \(count) cabinets for \(seconds) s", value: wallRate, unit: "sessions/s",
                details: [
                    "scheduled": Double(scheduled), "completed": Double(completed), "errors": Double(failed.count),
                    "kept": Double(kept), "p50": p50, "p99": p99, "latestStartMilliseconds": lateness.milliseconds,
                ],
                display: "\(Format.count(completed)) completed of \(Format.count(scheduled)) scheduled, \(failed.count) errors, "
                    + "\(Format.rate(wallRate)) by the wall clock; a session p50 \(Format.milliseconds(p50)), "
                    + "p99 \(Format.milliseconds(p99)); latest start \(Format.milliseconds(lateness.milliseconds)) after its second began"
                    + (failed.first?.error.map { "; first error: " + $0 } ?? "")))
        return Comparison(
            key: "cabinetSessions", title: "(q) \(count) cabinets, a session a second each, for \(seconds) s",
            ledger: Figure(
                name: "sessions kept to their second", value: rate, unit: "sessions/s",
                details: ["kept": Double(kept), "errors": Double(failed.count), "p99": p99],
                display: "\(Format.rate(rate)): \(Format.count(kept)) of \(Format.count(scheduled)) sessions in their second, "
                    + "\(failed.count) errors; a session p99 \(Format.milliseconds(p99))"),
            baseline: Figure(
                name: "offered", value: Double(count), unit: "sessions/s",
                display: "\(count) cabinets × 1 session/s = \(Format.rate(Double(count)))"),
            target: .ratioAtLeast(1))
    }

    /// `count` sessions of `cabinet`, the first at `first` and each next one a second later (or as soon as the
    /// one before it ended, if that was later). A failed session is recorded and the cabinet goes on.
    private static func paceSessions(of cabinet: SimulatedCabinet, from first: ContinuousClock.Instant, count: Int) async
        -> [PacedSession]
    {
        var sessions: [PacedSession] = []
        for number in 0..<count {
            let tick = first + .seconds(number)
            try? await Task.sleep(until: tick, clock: .continuous)
            let started = ContinuousClock.now
            var failure: String?
            do {
                try await session(of: cabinet)
            } catch {
                failure = String(describing: error)
            }
            sessions.append(PacedSession(tick: tick, started: started, ended: .now, error: failure))
        }
        return sessions
    }

    /// One door session of the clerk at `cabinet`, nothing moved inside: it must settle verified, with nothing
    /// taken, returned or checked in and no finding.
    private static func session(of cabinet: SimulatedCabinet) async throws {
        let allowed = try await cabinet.authorize(badge: CustodyScene.clerk)
        guard allowed.isOK, allowed.isAllowed, let session = allowed.session else { throw BenchError("authorize answered \(allowed.line)") }
        let opened = try await cabinet.openDoor(session: session)
        guard opened.isOK else { throw BenchError("door opened answered \(opened.line)") }
        let closed = try await cabinet.closeDoor(session: session)
        guard closed.isOK else { throw BenchError("door closed answered \(closed.line)") }
        let settled = try await cabinet.inventoryUntilReconciled(session: session)
        guard settled.isOK, let reconciled = settled.reconciled, settled.fields["verified"]?.boolValue == true,
            reconciled.session == session, reconciled.taken.isEmpty, reconciled.returned.isEmpty, reconciled.checkedIn.isEmpty,
            reconciled.findings.isEmpty
        else { throw BenchError("the inventory of session \(session.jsonText) answered \(settled.line)") }
    }
}

/// One session of (q): when its second began, when it started and ended, and what went wrong, if anything.
private struct PacedSession: Sendable {
    let tick: ContinuousClock.Instant
    let started: ContinuousClock.Instant
    let ended: ContinuousClock.Instant
    let error: String?

    var duration: Duration { started.duration(to: ended) }
    /// Answered as it should be, and over before the cabinet's next second began.
    var isKept: Bool { error == nil && ended < tick + .seconds(1) }
}
