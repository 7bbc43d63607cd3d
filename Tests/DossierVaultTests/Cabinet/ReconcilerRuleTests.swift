import DossierVault
import Testing

/// The reconciler's rule at its boundaries, with a perfect reader unless said otherwise, so that every round
/// count below follows from the rule — at least `agreeingRounds` agreeing complete rounds, and a chance of noise
/// below `confidence` by Laplace's rule (``Laplace``) — rather than from luck.
struct ReconcilerRuleTests {
    static let slots = (1...10).map { $0 < 10 ? "S0\($0)" : "S\($0)" }

    /// `count` tags T001, T002, … in slots S01 … S10 in turn.
    static func shelf(_ count: Int, prefix: String = "T") -> [(uid: String, slot: String)] {
        (1...max(count, 1)).prefix(count).map { index in
            let digits = String(index)
            return (prefix + String(repeating: "0", count: max(0, 3 - digits.count)) + digits, slots[(index - 1) % slots.count])
        }
    }

    static func believed(_ tags: [(uid: String, slot: String)]) -> [String: String?] {
        Dictionary(uniqueKeysWithValues: tags.map { ($0.uid, String?.some($0.slot)) })
    }

    /// Round `number`, reading each of `tags` once in its slot, and `extra`.
    static func round(_ number: Int, _ tags: [(uid: String, slot: String)], complete: Bool = true, extra: [TagRead] = []) -> InventoryRound
    {
        InventoryRound(round: number, complete: complete, tags: tags.map { TagRead(uid: $0.uid, slot: $0.slot, rssi: -45) } + extra)
    }

    /// Complete rounds 1…n of `tags`, with `extra(k)` read in round k.
    static func rounds(_ n: Int, _ tags: [(uid: String, slot: String)], extra: (Int) -> [TagRead] = { _ in [] }) -> [InventoryRound] {
        (1...max(n, 1)).prefix(n).map { round($0, tags, extra: extra($0)) }
    }

    /// The fewest rounds `n` for which `chance(n)` falls below the default confidence.
    static func roundsUntil(_ chance: (Int) -> Double) -> Int {
        (2...200).first { chance($0) < 1e-6 }!
    }

    // MARK: Rounds that do not count yet

    @Test func noRoundsAskForOne() {
        let tags = Self.shelf(3)
        #expect(Reconciler(inside: Self.believed(tags)).reconcile([]) == .needsAnotherRound(undecided: tags.map(\.uid)))
    }

    @Test func oneRoundNeverSettles() {
        let tags = Self.shelf(100)
        let deposit = TagRead(uid: "D001", slot: "S03", rssi: -45)
        let result = Reconciler(inside: Self.believed(tags)).reconcile([Self.round(1, tags, extra: [deposit])])
        #expect(result == .needsAnotherRound(undecided: (tags.map(\.uid) + ["D001"]).sorted()))
    }

    @Test func anIncompleteLastRoundAsksForAnother() {
        let tags = Self.shelf(20)
        let reconciler = Reconciler(inside: Self.believed(tags))
        var rounds = Self.rounds(2, tags)
        #expect(reconciler.reconcile(rounds) == .settled(Settlement(rounds: 2, missRate: 1.0 / 22)))
        rounds.append(Self.round(3, Array(tags.prefix(5)), complete: false))
        #expect(reconciler.reconcile(rounds) == .needsAnotherRound(undecided: []))
        rounds.append(Self.round(4, tags))
        #expect(reconciler.reconcile(rounds) == .settled(Settlement(rounds: 3, missRate: 1.0 / 42)))
    }

    /// Incomplete rounds full of nonsense — a taken tag read, a foreign tag read twice, a tag in the wrong slot,
    /// most tags missing — change nothing, wherever they fall.
    @Test func anIncompleteRoundBetweenCompleteOnesIsIgnored() {
        let all = Self.shelf(20)
        let taken = all[7]
        let tags = all.filter { $0.uid != taken.uid }
        let reconciler = Reconciler(inside: Self.believed(all))
        let junk = [
            TagRead(uid: taken.uid, slot: taken.slot, rssi: -40), TagRead(uid: "F001", slot: "S01", rssi: -50),
            TagRead(uid: "F001", slot: "S02", rssi: -51), TagRead(uid: tags[0].uid, slot: "S09", rssi: -30),
        ]
        var complete: [InventoryRound] = []
        var mixed: [InventoryRound] = []
        var number = 0
        for _ in 1...6 {
            number += 1
            mixed.append(Self.round(number, Array(tags.prefix(3)), complete: false, extra: junk))
            number += 1
            complete.append(Self.round(number, tags))
            mixed.append(Self.round(number, tags))
            #expect(reconciler.reconcile(mixed) == reconciler.reconcile(complete))
        }
        #expect(reconciler.reconcile(complete) == .settled(Settlement(absent: [taken.uid], rounds: 6, missRate: 1.0 / Double(19 * 5 + 2))))
    }

    @Test func aRetransmittedRoundCountsOnce() {
        let tags = Self.shelf(20)
        let reconciler = Reconciler(inside: Self.believed(tags))
        let first = Self.round(1, tags)
        #expect(reconciler.reconcile([first, first]) == .needsAnotherRound(undecided: tags.map(\.uid)))
        #expect(reconciler.reconcile([first, first, Self.round(2, tags)]) == .settled(Settlement(rounds: 2, missRate: 1.0 / 22)))
    }

    // MARK: A perfect reader

    @Test func twoAgreeingRoundsSettleWhatDidNotChange() {
        let tags = Self.shelf(100)
        let result = Reconciler(inside: Self.believed(tags)).reconcile(Self.rounds(2, tags))
        #expect(result == .settled(Settlement(rounds: 2, missRate: 1.0 / 102)))
    }

    /// Two rounds prove a deposit there, but 200 reads in the right slot do not yet rule out two in a wrong one.
    @Test func twoAgreeingRoundsSettleADepositInNoSlotYet() {
        let tags = Self.shelf(100)
        let deposit = TagRead(uid: "D001", slot: "S03", rssi: -45)
        let placed = Laplace.chance(ofAtLeast: 2, in: 2, events: 0, trials: 200) < 1e-6
        #expect(!placed)
        let result = Reconciler(inside: Self.believed(tags)).reconcile(Self.rounds(2, tags) { _ in [deposit] })
        #expect(result == .settled(Settlement(present: ["D001": placed ? "S03" : nil], rounds: 2, missRate: 1.0 / 102)))
    }

    /// A removal must outlast the chance that the reader missed the tag every time: with 99 other tags read in
    /// every round, three rounds.
    @Test(arguments: [100, 2])
    func aRemovalTakesAsManyRoundsAsRuleOutMisses(cabinet size: Int) {
        let all = Self.shelf(size)
        let tags = Array(all.dropFirst())
        let needed = Self.roundsUntil { n in Laplace.chance(ofAtLeast: n, in: n, events: 0, trials: (size - 1) * (n - 1)) }
        #expect(needed == (size == 100 ? 3 : 12))  // as the documentation says
        let reconciler = Reconciler(inside: Self.believed(all))
        #expect(reconciler.reconcile(Self.rounds(needed - 1, tags)) == .needsAnotherRound(undecided: [all[0].uid]))
        let missRate = 1.0 / Double((size - 1) * (needed - 1) + 2)
        #expect(
            reconciler.reconcile(Self.rounds(needed, tags))
                == .settled(Settlement(absent: [all[0].uid], rounds: needed, missRate: missRate)))
    }

    @Test func moreAgreeingRoundsWaitLonger() {
        let tags = Self.shelf(20)
        let reconciler = Reconciler(inside: Self.believed(tags), parameters: ReconcileParameters(agreeingRounds: 3))
        #expect(reconciler.reconcile(Self.rounds(2, tags)) == .needsAnotherRound(undecided: tags.map(\.uid)))
        #expect(reconciler.reconcile(Self.rounds(3, tags)) == .settled(Settlement(rounds: 3, missRate: 1.0 / 42)))
    }

    // MARK: Disagreement

    /// A tag missed in one round, a foreign tag read in one, a tag read in another slot in one: at no point does
    /// the reconciler believe any of it.
    @Test func aSingleDisagreeingRoundNeverSettlesAChange() {
        let tags = Self.shelf(50)
        let (missed, strayed) = (tags[3], tags[4])
        let reconciler = Reconciler(inside: Self.believed(tags))
        var rounds: [InventoryRound] = []
        for number in 1...8 {
            var reads = tags.filter { !(number == 2 && $0.uid == missed.uid) && !(number == 3 && $0.uid == strayed.uid) }
            if number == 3 { reads.append((strayed.uid, "S10")) }
            let stray = number == 4 ? [TagRead(uid: "F001", slot: "S01", rssi: -70)] : []
            rounds.append(Self.round(number, reads, extra: stray))
            let result = reconciler.reconcile(rounds)
            if case .settled(let settlement) = result {
                #expect(settlement.absent.isEmpty && settlement.present.isEmpty && settlement.moved.isEmpty)
            }
            if number == 2 { #expect(result == .needsAnotherRound(undecided: [missed.uid])) }
            if number == 4 { #expect(result == .needsAnotherRound(undecided: ["F001"])) }
        }
    }

    /// Long missed, but read in the round before last: not gone until the last two rounds agree, however unlikely
    /// the misses before.
    @Test func aRemovalWaitsForTheLastRoundsToAgree() {
        let tags = Self.shelf(50)
        let returned = [TagRead(uid: "X", slot: "S01", rssi: -45)]
        var inside = Self.believed(tags)
        inside["X"] = "S01"
        let reconciler = Reconciler(inside: inside)
        let rounds = Self.rounds(12, tags) { $0 == 10 ? returned : [] }
        #expect(Laplace.chance(ofAtLeast: 10, in: 11, events: 1, trials: 50 * 10 + 1) < 1e-6)
        #expect(reconciler.reconcile(Array(rounds.prefix(11))) == .needsAnotherRound(undecided: ["X"]))
        // The others: no miss in 50 × 11 trials; X: missed in both rounds after its read.
        #expect(
            reconciler.reconcile(rounds) == .settled(Settlement(absent: ["X"], rounds: 12, missRate: 3.0 / Double(50 * 11 + 2 + 2))))
    }

    /// Read in two rounds, then missed in every one after: there, and gone — never believed gone.
    @Test func aTagReadThenLongMissedIsNeverBelievedGone() {
        let tags = Self.shelf(30)
        let others = Array(tags.dropFirst())
        let reconciler = Reconciler(inside: Self.believed(tags), parameters: ReconcileParameters(maxRounds: 12))
        let rounds = (1...12).map { Self.round($0, $0 <= 2 ? tags : others) }
        for n in 2..<12 {
            if case .settled(let settlement) = reconciler.reconcile(Array(rounds.prefix(n))) { #expect(settlement.absent.isEmpty) }
        }
        #expect(reconciler.reconcile(rounds) == .unverifiable(undecided: [tags[0].uid]))
    }

    // MARK: Tags outside

    /// A tag passing the cabinet, read once: ignored as spurious as soon as a tag inside could not have been
    /// missed so often.
    @Test func aSpuriousSingleReadIsIgnored() {
        let tags = Self.shelf(50)
        let reconciler = Reconciler(inside: Self.believed(tags))
        let stray: (Int) -> [TagRead] = { $0 == 1 ? [TagRead(uid: "F001", slot: "S05", rssi: -72)] : [] }
        let needed = Self.roundsUntil { n in Laplace.chance(ofAtLeast: n - 1, in: n, events: 0, trials: 50 * (n - 1)) }
        #expect(reconciler.reconcile(Self.rounds(needed - 1, tags, extra: stray)) == .needsAnotherRound(undecided: ["F001"]))
        let missRate = 1.0 / Double(50 * (needed - 1) + 2)
        #expect(
            reconciler.reconcile(Self.rounds(needed, tags, extra: stray))
                == .settled(Settlement(spurious: ["F001"], rounds: needed, missRate: missRate)))
    }

    /// Two reads in rounds apart are not two agreeing rounds; two in a row are, unless three are asked for.
    @Test func aForeignTagNeedsAgreeingConsecutiveRounds() {
        let tags = Self.shelf(50)
        let apart: (Int) -> [TagRead] = { [1, 3].contains($0) ? [TagRead(uid: "F001", slot: "S05", rssi: -72)] : [] }
        let inARow: (Int) -> [TagRead] = { [1, 2].contains($0) ? [TagRead(uid: "F001", slot: "S05", rssi: -72)] : [] }
        for n in 3...8 {
            let result = Reconciler(inside: Self.believed(tags)).reconcile(Self.rounds(n, tags, extra: apart))
            if case .settled(let settlement) = result { #expect(settlement.spurious == ["F001"] && settlement.present.isEmpty) }
        }
        let twice = Reconciler(inside: Self.believed(tags)).reconcile(Self.rounds(3, tags, extra: inARow))
        // The deposit, there from round 2, is missed in round 3: one miss in 50 × 2 + 1 trials.
        #expect(twice == .settled(Settlement(present: ["F001": nil], rounds: 3, missRate: 2.0 / 103)))
        let strict = Reconciler(inside: Self.believed(tags), parameters: ReconcileParameters(agreeingRounds: 3))
        #expect(strict.reconcile(Self.rounds(3, tags, extra: inARow)) == .needsAnotherRound(undecided: ["F001"]))
    }

    // MARK: Empty and emptied cabinets

    @Test func anEmptyCabinetSettlesOnTwoEmptyRounds() {
        let reconciler = Reconciler(inside: [:])
        #expect(reconciler.reconcile([]) == .needsAnotherRound(undecided: []))
        #expect(reconciler.reconcile(Self.rounds(1, [])) == .needsAnotherRound(undecided: []))
        #expect(reconciler.reconcile(Self.rounds(2, [])) == .settled(Settlement(rounds: 2, missRate: 0.5)))
    }

    /// Nothing read at all: an emptied cabinet and a dead reader look the same, so nothing is believed.
    @Test func everythingTakenIsUnverifiable() {
        let tags = Self.shelf(5)
        let reconciler = Reconciler(inside: Self.believed(tags))
        let maxRounds = ReconcileParameters().maxRounds
        for n in 1..<maxRounds {
            #expect(reconciler.reconcile(Self.rounds(n, [])) == .needsAnotherRound(undecided: tags.map(\.uid)))
        }
        #expect(reconciler.reconcile(Self.rounds(maxRounds, [])) == .unverifiable(undecided: tags.map(\.uid)))
    }

    /// A tag put in while everything else was taken shows the reader works, once it has been read enough.
    @Test func everythingTakenBesideADepositSettles() {
        let tags = Self.shelf(5)
        let deposit = [(uid: "D001", slot: "S02")]
        let reconciler = Reconciler(inside: Self.believed(tags))
        // The deposit is there from its second read on; each round after it is a trial of the reader.
        let needed = Self.roundsUntil { n in Laplace.chance(ofAtLeast: n, in: n, events: 0, trials: n - 2) }
        #expect(reconciler.reconcile(Self.rounds(needed - 1, deposit)) == .needsAnotherRound(undecided: tags.map(\.uid)))
        let settled = Settlement(absent: tags.map(\.uid), present: ["D001": nil], rounds: needed, missRate: 1.0 / Double(needed - 2 + 2))
        #expect(reconciler.reconcile(Self.rounds(needed, deposit)) == .settled(settled))
    }

    // MARK: The miss rate

    /// Only rounds after a tag's first read count: a miss before it is the reason it was nearly left out.
    @Test func theMissRateCountsTheRoundsAfterEachFirstRead() {
        let tags = Self.shelf(4)
        let rounds = (1...4).map { number in
            Self.round(number, tags.filter { !($0.uid == "T001" && number == 1) && !($0.uid == "T002" && number == 3) })
        }
        // T001: rounds 3–4, no miss; T002: rounds 2–4, one miss; T003, T004: rounds 2–4 each. 1 miss in 11.
        let result = Reconciler(inside: Self.believed(tags)).reconcile(rounds)
        #expect(result == .settled(Settlement(rounds: 4, missRate: 2.0 / 13)))
    }
}
