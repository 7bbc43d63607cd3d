import DossierVault
import Testing

/// Seeded random door sessions at miss rates of 0–30%, with neighbour reads, duplicate antennas, single stray
/// reads of tags outside, incomplete rounds and readers with and without RSSI: cabinets of 1–500 tags, some taken,
/// some put in, some moved to another slot. The reconciler is asked after every round, as the engine asks it, and
/// the first answer that is not "another round" must be the truth: every removal absent, every deposit present
/// (in its slot or in none), every move found, and nothing else — noise never makes a change.
struct ReconcilerRandomizedTests {
    static let trials = 100

    /// What the trials of one miss rate came to.
    struct Tally {
        var settledRounds: [Int] = []
        var unverifiable = 0
        /// Unverifiable sessions that left at most one believed tag inside: nothing to check the reader against.
        var unverifiableAlone = 0
        var unverifiableBySize: [String: Int] = [:]
        var trialsBySize: [String: Int] = [:]
        var deposits = 0
        var depositsWithoutSlot = 0
        var moves = 0
        var movesWithoutSlot = 0
        var removals = 0

        func summary(missRate: Double) -> String {
            let sorted = settledRounds.sorted()
            func percentile(_ p: Double) -> Int { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
            var histogram: [Int: Int] = [:]
            for rounds in sorted { histogram[rounds, default: 0] += 1 }
            let counts = histogram.keys.sorted().map { "\($0):\(histogram[$0]!)" }.joined(separator: " ")
            let bySize = ReconcilerRandomizedTests.bands.map {
                "\($0.name) \(unverifiableBySize[$0.name] ?? 0)/\(trialsBySize[$0.name] ?? 0)"
            }
            return """
                miss \(Int(missRate * 100))%: \(sorted.count) settled, rounds min \(sorted.first ?? 0) median \(percentile(0.5)) \
                p90 \(percentile(0.9)) max \(sorted.last ?? 0) [\(counts)]; unverifiable \(unverifiable) \
                (\(unverifiableAlone) with at most one believed tag left; by size \(bySize.joined(separator: ", "))); \
                \(removals) removals, \(moves) moves (\(movesWithoutSlot) to no slot), \(deposits) deposits (\(depositsWithoutSlot) placed in no slot)
                """
        }
    }

    static let bands: [(name: String, sizes: ClosedRange<Int>, weight: Double)] = [
        ("1–10", 1...10, 0.25), ("11–100", 11...100, 0.4), ("101–500", 101...500, 0.35),
    ]

    @Test(arguments: [0.0, 0.1, 0.2, 0.3])
    func noiseNeverChangesCustody(missRate: Double) {
        var tally = Tally()
        for trial in 0..<Self.trials {
            let seed = UInt64(missRate * 100) << 32 | UInt64(trial)
            Self.session(seed: seed, missRate: missRate, into: &tally)
        }
        print(tally.summary(missRate: missRate))
        // Unverifiable only where a person must look: where the reader cannot be checked against tags that stayed,
        // or at most 1% of the rest.
        #expect(Double(tally.unverifiable - tally.unverifiableAlone) <= 0.01 * Double(Self.trials))
    }

    static func uid(_ random: inout SplitMix64) -> String {
        let hex = String(random.next(), radix: 16, uppercase: true)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func session(seed: UInt64, missRate: Double, into tally: inout Tally) {
        var random = SplitMix64(seed: seed)
        var pick = Double.random(in: 0..<1, using: &random)
        var band = bands[bands.count - 1]
        for candidate in bands {
            if pick < candidate.weight {
                band = candidate
                break
            }
            pick -= candidate.weight
        }
        let size = Int.random(in: band.sizes, using: &random)
        let slots = (1...Int.random(in: 1...40, using: &random)).map { $0 < 10 ? "S0\($0)" : "S\($0)" }

        var believed: [String: String?] = [:]
        var physical: [(uid: String, slot: String)] = []
        for _ in 0..<size {
            let uid = uid(&random)
            let slot = slots.randomElement(using: &random)!
            believed[uid] = random.chance(0.1) ? String?.none : slot
            physical.append((uid, slot))
        }
        let noise = NoisyCabinet.Noise(
            missRate: missRate, neighbourRate: [0.1, 0.3, 0.5].randomElement(using: &random)!,
            duplicateAntennas: Int.random(in: 1...3, using: &random), strayRate: 0.05,
            rssi: NoisyCabinet.RSSIMode.allCases.randomElement(using: &random)!)
        var cabinet = NoisyCabinet(slots: slots, tags: physical, noise: noise, strays: (0..<6).map { _ in uid(&random) })

        // The door session: takes, deposits, moves.
        let takeRate = random.chance(0.04) ? 1 : [0, 0.02, 0.1, 0.3].randomElement(using: &random)!
        let removed = physical.map(\.uid).filter { _ in random.chance(takeRate) }
        cabinet.take(Set(removed))
        var deposited: [String: String] = [:]
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            let uid = uid(&random)
            let slot = slots.randomElement(using: &random)!
            cabinet.put(uid, in: slot)
            deposited[uid] = slot
        }
        var moved: [String: SlotChange] = [:]
        if slots.count > 1 {
            let movable = cabinet.tags.filter { believed[$0.uid] != nil && believed[$0.uid]! != nil }
            for (uid, slot) in movable.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random)) {
                let to = slots.filter { $0 != slot }.randomElement(using: &random)!
                cabinet.put(uid, in: to)
                moved[uid] = SlotChange(from: slot, to: to)
            }
        }

        let reconciler = Reconciler(inside: believed)
        var rounds: [InventoryRound] = []
        var completeRounds = 0
        var result = Reconciliation.needsAnotherRound(undecided: [])
        while case .needsAnotherRound = result, rounds.count < 200 {
            let complete = !random.chance(0.1)
            rounds.append(cabinet.round(rounds.count + 1, complete: complete, using: &random))
            if complete { completeRounds += 1 }
            result = reconciler.reconcile(rounds)
            if !complete, case .settled = result { Issue.record("seed \(seed): settled on an incomplete last round") }
        }

        tally.trialsBySize[band.name, default: 0] += 1
        let inside = cabinet.contents
        switch result {
        case .settled(let settlement):
            tally.settledRounds.append(settlement.rounds)
            tally.removals += removed.count
            tally.moves += moved.count
            tally.deposits += deposited.count
            tally.depositsWithoutSlot += settlement.present.values.filter { $0 == nil }.count
            #expect(settlement.rounds == completeRounds && completeRounds >= 2, "seed \(seed)")
            #expect(settlement.absent == removed.sorted(), "seed \(seed)")
            #expect(Set(settlement.present.keys) == Set(deposited.keys), "seed \(seed)")
            for (uid, slot) in settlement.present {
                #expect(slot == nil || slot == deposited[uid], "seed \(seed): deposit \(uid) placed in \(slot ?? "-")")
            }
            #expect(Set(settlement.moved.keys) == Set(moved.keys), "seed \(seed)")
            for (uid, change) in settlement.moved {
                #expect(
                    change.from == moved[uid]?.from && (change.to == nil || change.to == moved[uid]?.to), "seed \(seed): \(uid) \(change)")
            }
            tally.movesWithoutSlot += settlement.moved.values.filter { $0.to == nil }.count
            for (uid, slot) in settlement.located {
                #expect(believed[uid] == .some(nil) && inside[uid] == slot, "seed \(seed): \(uid) located in \(slot)")
            }
            #expect(Set(settlement.spurious).isSubset(of: cabinet.straysRead), "seed \(seed)")
        case .unverifiable:
            #expect(completeRounds == ReconcileParameters().maxRounds, "seed \(seed)")
            tally.unverifiable += 1
            tally.unverifiableBySize[band.name, default: 0] += 1
            if inside.keys.filter({ believed[$0] != nil }).count <= 1 { tally.unverifiableAlone += 1 }
        case .needsAnotherRound:
            Issue.record("seed \(seed): still asking after \(rounds.count) rounds")
        }
    }
}
