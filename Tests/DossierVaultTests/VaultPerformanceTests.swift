import Foundation
import PropertyLedger
import Testing

@testable import DossierVault

/// How long the deadline report and the sweep take on a large store: only with `VAULT_PERF=OBJECTS` (e.g.
/// 100000), as building the store takes minutes. The CLI's benchmark measures the same through `ledger due`.
struct VaultPerformanceTests {
    static let objects = ProcessInfo.processInfo.environment["VAULT_PERF"].flatMap(Int.init)

    @Test(.enabled(if: objects != nil)) func deadlinesOnALargeStore() async throws {
        let total = try #require(Self.objects)
        let start = VaultScene.date("2026-01-05T00:00:00Z")
        try await VaultScene.with(at: start) { scene in
            var clock = start
            func tick() -> Date {
                clock = clock.addingTimeInterval(1)
                return clock
            }
            // One case per ten objects: three in five unsolved criminal, one administrative property crime, one
            // administrative other; every third object a dossier.
            let cases = max(1, total / 10)
            var batch: [CustodyCommand] = []
            for number in 0..<cases {
                let kind: CaseKind = number % 5 < 3 ? .criminal : .administrative
                batch.append(.openCase(number: "K\(number)", title: "案件", kind: kind, isPropertyCrime: number % 5 != 4))
                if batch.count == 1000 {
                    try await scene.store.record(contentsOf: batch, actor: "O1", at: tick())
                    batch = []
                }
            }
            if !batch.isEmpty { try await scene.store.record(contentsOf: batch, actor: "O1", at: tick()) }
            batch = []
            var ids: [String] = []
            for index in 0..<total {
                let caseNumber = "K\(index % cases)"
                batch.append(
                    index % 3 == 0
                        ? .registerDossier(DossierRegistration(caseNumber: caseNumber, volume: 1, volumes: 1, pages: 10))
                        : .registerItem(
                            ItemRegistration(caseNumber: caseNumber, name: "物品", quantity: "1", unit: "件", seizedBy: ["O1", "O2"])))
                if batch.count == 1000 || index == total - 1 {
                    ids += try await scene.store.record(contentsOf: batch, actor: "O1", at: tick()).compactMap(\.entry.event.object)
                    batch = []
                }
            }
            // Almost everything checked in (dossiers half at central storage), one in fifty checked out.
            var checkIns: [CustodyCommand] = []
            var checkOuts: [CustodyCommand] = []
            for (index, id) in ids.enumerated() where index % 100 != 7 {
                let central = index % 3 == 0 && index % 2 == 0
                checkIns.append(.checkIn(object: id, location: central ? "CENTRAL-CAB" : "CAB", caseNumber: nil))
                if index % 50 == 1 {
                    checkOuts.append(
                        .checkOut(
                            object: id, to: "O1", reason: .examination, approvedBy: "S1", due: start.addingTimeInterval(40 * 86_400),
                            note: nil,
                            caseNumber: nil))
                }
            }
            for slice in stride(from: 0, to: checkIns.count, by: 1000) {
                try await scene.store.record(
                    contentsOf: Array(checkIns[slice..<min(slice + 1000, checkIns.count)]), actor: "C1", at: tick())
            }
            for slice in stride(from: 0, to: checkOuts.count, by: 1000) {
                try await scene.store.record(
                    contentsOf: Array(checkOuts[slice..<min(slice + 1000, checkOuts.count)]), actor: "C1", at: tick())
            }
            let asOf = start.addingTimeInterval(45 * 86_400)
            var found: [Deadline] = []
            var swept: [SweepItem] = []
            let clock0 = ContinuousClock()
            var best = Duration.seconds(1000)
            for _ in 0..<5 {
                let elapsed = try await clock0.measure { found = try await scene.deadlines(asOf: asOf) }
                best = min(best, elapsed)
            }
            var bestSweep = Duration.seconds(1000)
            for _ in 0..<5 {
                let elapsed = try await clock0.measure { swept = try await scene.sweep(asOf: asOf) }
                bestSweep = min(bestSweep, elapsed)
            }
            print(
                "VaultPerformanceTests: \(total) objects, \(try await scene.store.size) entries: \(found.count) deadlines in \(best), \(swept.count) on the sweep in \(bestSweep)"
            )
            #expect(!found.isEmpty)
        }
    }
}
