import Testing

@testable import DossierVault

/// Which slot the reads put a tag in: within a round the strongest read that names a slot (no RSSI is the
/// weakest, then the smaller code); across rounds the majority, then the stronger mean RSSI, then the smaller
/// code; and when that is believed enough to report a move, a deposit's slot or a slot the ledger did not know.
struct ReconcilerSlotTests {
    typealias Rule = ReconcilerRuleTests

    static func evidence(_ rounds: [[TagRead]]) -> TagEvidence {
        let complete = rounds.enumerated().map { InventoryRound(round: $0 + 1, complete: true, tags: $1) }
        let evidence = InventoryEvidence(rounds: complete, inside: ["X": "S01"], agreeingRounds: 2)
        return evidence.tags.first { $0.uid == "X" }!
    }

    static func read(_ slot: String?, _ rssi: Double?, antenna: String? = nil) -> TagRead {
        TagRead(uid: "X", slot: slot, rssi: rssi, antenna: antenna)
    }

    // MARK: Within a round

    @Test func theStrongestReadGivesTheRoundItsSlot() {
        let tag = Self.evidence([[Self.read("S01", -60), Self.read("S02", -40), Self.read("S03", nil)]])
        #expect(tag.reads == 1)
        #expect(tag.slots.map(\.code) == ["S02"])
    }

    @Test func noRSSIIsTheWeakest() {
        #expect(Self.evidence([[Self.read("S01", nil), Self.read("S02", -90)]]).slots.map(\.code) == ["S02"])
        #expect(Self.evidence([[Self.read("S03", nil), Self.read("S02", nil)]]).slots.map(\.code) == ["S02"])
        #expect(Self.evidence([[Self.read("S03", -50), Self.read("S02", -50)]]).slots.map(\.code) == ["S02"])
    }

    /// A read that names no slot shows the tag there but places it nowhere, and does not outweigh one that does.
    @Test func aReadWithoutASlotPlacesNothing() {
        let placed = Self.evidence([[Self.read(nil, -30), Self.read("S04", -70)]])
        #expect(placed.reads == 1 && placed.slots.map(\.code) == ["S04"])
        let unplaced = Self.evidence([[Self.read(nil, -30)], [Self.read(nil, nil)]])
        #expect(unplaced.reads == 2 && unplaced.slots.isEmpty && unplaced.majority == nil)
    }

    @Test func duplicateAntennasAreOneRead() {
        let antennas = (1...3).map { Self.read("S01", -45 - Double($0), antenna: "S01-\($0)") }
        let tag = Self.evidence([antennas, antennas.reversed()])
        #expect(tag.reads == 2 && tag.slots.count == 1 && tag.slots[0].rounds == 2 && tag.slots[0].meanRSSI == -46)
    }

    /// The same noisy rounds with every read repeated by two more, weaker antennas reconcile identically, round
    /// after round.
    @Test func duplicateAntennasChangeNothing() {
        var random = SplitMix64(seed: 10)
        let all = Rule.shelf(60)
        let noise = NoisyCabinet.Noise(missRate: 0.2, neighbourRate: 0.3, duplicateAntennas: 1, strayRate: 0.2)
        var cabinet = NoisyCabinet(slots: Rule.slots, tags: all, noise: noise, strays: ["F001", "F002", "F003"])
        cabinet.take(Set(all.prefix(3).map(\.uid)))
        cabinet.put(all[10].uid, in: "S09")
        cabinet.put("D001", in: "S04")
        let reconciler = Reconciler(inside: Rule.believed(all))
        var (single, repeated): ([InventoryRound], [InventoryRound]) = ([], [])
        var outcomes: Set<String> = []
        for number in 1...20 {
            let round = cabinet.round(number, using: &random)
            single.append(round)
            let copies = round.tags.flatMap { read in
                [read]
                    + [3.0, 6.0].map { weaker in
                        TagRead(uid: read.uid, slot: read.slot, rssi: read.rssi.map { $0 - weaker }, antenna: "copy")
                    }
            }
            repeated.append(InventoryRound(round: number, complete: true, tags: copies.shuffled(using: &random)))
            let result = reconciler.reconcile(single)
            #expect(reconciler.reconcile(repeated) == result, "round \(number)")
            outcomes.insert(String(describing: result).prefix(12).description)
        }
        #expect(outcomes.count > 1)  // the rounds went from undecided to settled
    }

    // MARK: Across rounds

    @Test func theMajorityOfRoundsThenTheStrongerMeanThenTheSmallerCode() {
        #expect(Self.evidence([[Self.read("S02", -40)], [Self.read("S01", -70)], [Self.read("S01", -70)]]).majority?.slot.code == "S01")
        let tie = Self.evidence([[Self.read("S01", -70)], [Self.read("S02", -40)]])
        #expect(tie.majority?.slot.code == "S02" && tie.majority?.runnerUp == 1)
        #expect(Self.evidence([[Self.read("S02", -50)], [Self.read("S01", -50)]]).majority?.slot.code == "S01")
        #expect(Self.evidence([[Self.read("S01", nil)], [Self.read("S02", -90)]]).majority?.slot.code == "S02")
        #expect(Self.evidence([[Self.read("S02", nil)], [Self.read("S01", nil)]]).majority?.slot.code == "S01")
    }

    /// A tag believed in S02, read once in S01 and once in S02: where the stronger reads are decides whether the
    /// ledger's slot stands or the reconciler must look again.
    @Test func aTieBetweenTwoSlotsGoesToTheStrongerReads() {
        let tags = Rule.shelf(20)
        var inside = Rule.believed(tags)
        inside["X"] = "S02"
        let reconciler = Reconciler(inside: inside)
        func rounds(_ first: Double, _ second: Double) -> [InventoryRound] {
            [
                Rule.round(1, tags, extra: [TagRead(uid: "X", slot: "S01", rssi: first)]),
                Rule.round(2, tags, extra: [TagRead(uid: "X", slot: "S02", rssi: second)]),
            ]
        }
        #expect(reconciler.reconcile(rounds(-60, -40)) == .settled(Settlement(rounds: 2, missRate: 1.0 / 23)))
        #expect(reconciler.reconcile(rounds(-40, -60)) == .needsAnotherRound(undecided: ["X"]))
    }

    // MARK: Moves and slots

    /// With 50 other tags read in their slots every round, a tag read in another slot every round is moved once
    /// wrong-slot reads that many times in a row are ruled out.
    @Test func aMoveIsFoundWhenWrongSlotReadsAreRuledOut() {
        let tags = Rule.shelf(50)
        var inside = Rule.believed(tags)
        inside["X"] = "S01"
        let moved = [(uid: "X", slot: "S02")]
        let needed = Rule.roundsUntil { n in Laplace.chance(ofAtLeast: n, in: n, events: 0, trials: 50 * n) }
        let reconciler = Reconciler(inside: inside)
        #expect(reconciler.reconcile(Rule.rounds(needed - 1, tags + moved)) == .needsAnotherRound(undecided: ["X"]))
        let settled = Settlement(
            moved: ["X": SlotChange(from: "S01", to: "S02")], rounds: needed, missRate: 1.0 / Double(51 * (needed - 1) + 2))
        #expect(reconciler.reconcile(Rule.rounds(needed, tags + moved)) == .settled(settled))
    }

    /// Alone in the cabinet, a tag read in another slot every round cannot vouch for that slot itself: nothing
    /// shows that the reader places tags right.
    @Test func aTagCannotVouchForItsOwnNewSlot() {
        let reconciler = Reconciler(inside: ["X": "S01"])
        let rounds = Rule.rounds(ReconcileParameters().maxRounds, [(uid: "X", slot: "S02")])
        #expect(reconciler.reconcile(rounds) == .unverifiable(undecided: ["X"]))
    }

    /// Gone from its slot for certain, but read in two others by turns: moved, to no slot it could tell.
    @Test func aMoveBetweenTwoSlotsHasNoDestination() {
        let tags = Rule.shelf(50)
        var inside = Rule.believed(tags)
        inside["X"] = "S01"
        let reconciler = Reconciler(inside: inside)
        let turns: (Int) -> [TagRead] = { [TagRead(uid: "X", slot: ($0 / 2) % 2 == 0 ? "S02" : "S03", rssi: -45)] }
        let needed = Rule.roundsUntil { n in Laplace.chance(ofAtLeast: n, in: n, events: 0, trials: 50 * n) }
        let result = reconciler.reconcile(Rule.rounds(max(needed, 4), tags, extra: turns))
        guard case .settled(let settlement) = result else {
            Issue.record("not settled: \(result)")
            return
        }
        #expect(settlement.moved == ["X": SlotChange(from: "S01", to: nil)])
    }

    /// A tag the ledger knows only to be in the cabinet is placed once the rounds agree well enough — here while a
    /// removal is still being made sure of.
    @Test func aTagOfUnknownSlotIsLocated() {
        let tags = Rule.shelf(50)
        var inside = Rule.believed(tags)
        inside["X"] = String?.none
        inside["GONE"] = "S03"
        let reconciler = Reconciler(inside: inside)
        let known = [(uid: "X", slot: "S07")]
        let removal = Rule.roundsUntil { n in Laplace.chance(ofAtLeast: n, in: n, events: 0, trials: 51 * (n - 1)) }
        let placement = Rule.roundsUntil { n in Laplace.chance(ofAtLeast: n, in: n, events: 0, trials: 50 * n) }
        #expect(placement <= removal)
        let missRate = 1.0 / Double(51 * (removal - 1) + 2)
        let settled = Settlement(absent: ["GONE"], located: ["X": "S07"], rounds: removal, missRate: missRate)
        #expect(reconciler.reconcile(Rule.rounds(removal, tags + known)) == .settled(settled))
        // Settled sooner, it would have left the slot unknown rather than guess.
        let early = Reconciler(inside: inside.filter { $0.key != "GONE" }).reconcile(Rule.rounds(2, tags + known))
        #expect(early == .settled(Settlement(rounds: 2, missRate: 1.0 / 53)))
    }
}
