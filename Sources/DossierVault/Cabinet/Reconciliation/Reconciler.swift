/// Turns inventory rounds read after a cabinet's door closed into what physically changed, believing a change
/// only when noise is very unlikely to have made it.
///
/// Cabinet readers miss tags that are there (漏读), read a tag by the antenna of the next slot (串读), report a
/// read once per antenna, and now and then read a tag just outside the cabinet. A custody entry must never come
/// from that noise, so the reconciler asks for more rounds rather than guess, and says so when it cannot tell.
///
/// ## The rule
/// - **Complete rounds only**, each counted once (a repeated round number is a retransmission). An incomplete round
///   is ignored wherever it falls, and an incomplete *last* round asks for another round. The door is closed
///   throughout, so every complete round is a fresh look at the same contents.
/// - **One read per tag per round.** Of a tag's reads in a round, the strongest that names a slot gives its slot (no
///   RSSI is the weakest; between equals, the smaller slot code).
/// - **A tag's slot is the slot most rounds gave it**; a tie goes to the stronger mean RSSI, then the smaller code.
/// - **A tag is there** when read in at least ``ReconcileParameters/agreeingRounds`` complete rounds if the ledger
///   believes it inside (no change), and in that many *consecutive* ones if it does not (a change: a deposit).
/// - **A tag is gone** when the chance that a tag that is there would be read so rarely — at most as often as this
///   one, in as many rounds — is below ``ReconcileParameters/confidence``, and, if the ledger believes it inside (a
///   change: a removal), the last `agreeingRounds` complete rounds in a row missed it. A tag not believed inside
///   and gone is ``Settlement/spurious``. A tag both there and gone (read often, then long missed) stays undecided.
/// - **A tag believed in one slot has left it** when its majority slot is another, `agreeingRounds` consecutive
///   complete rounds placed it elsewhere, and the chance that reads in wrong slots would outnumber its reads in
///   the believed slot so far, were it still there, is below `confidence`.
/// - **A tag is placed in a slot** — the destination of a move, the slot of a deposit, the slot of a tag whose
///   slot the ledger did not know (``Settlement/located``) — when it is its majority slot, `agreeingRounds`
///   consecutive complete rounds placed it there, and the same chance is below `confidence` against the
///   best-supported other slot. Otherwise its slot is left unknown (nil): a slot is never guessed.
/// - **Settled** when every tag is decided, after at least `agreeingRounds` complete rounds;
///   ``Reconciliation/unverifiable(undecided:)`` after ``ReconcileParameters/maxRounds`` complete rounds that still
///   leave some tag undecided.
///
/// ## The chance of noise
/// The reader's miss rate, and its rate of placing a tag in the wrong slot, are estimated from the rounds
/// themselves, and conservatively, because an estimate from few rounds is often too low and a change believed on a
/// low estimate is a custody entry made from noise:
/// - Only tags known to be there count for the miss rate — believed inside and read at least once, or established
///   deposits — and only the rounds *after* the one that showed them there. All rounds of the tags read at least
///   once would flatter the reader, because they leave out the tags missed every time (at a true 30%, two rounds
///   would show 23%); the rounds after a tag's first read are fresh draws.
/// - A chance is not the estimate raised to a power but averaged over everything the counts leave possible
///   (Laplace's uniform prior, updated: a Beta-binomial tail). After few trials that chance is far larger: twelve
///   misses in a row are 0.3¹² ≈ 1 in 1.9 million for a reader known to miss 30%, but 1 in 450 000 for one seen
///   to miss 30 of 100 times, and 1 in 3 000 for one seen to miss 3 of 10. With no tag known to be there —
///   everything taken, nothing read — nothing rules out a dead reader, and the session ends
///   ``Reconciliation/unverifiable(undecided:)`` rather than record every tag gone.
/// - The wrong-slot rate counts each slot-bearing read against the majority of the same tag's *other* reads, and
///   leaves out the tag being judged, so a tag cannot vouch for its own new slot.
///
/// How many rounds that takes depends on the miss rate and on how many tags show the reader's quality. A perfect
/// reader settles a cabinet where nothing changed in two rounds, a removal in three once some hundred other tags
/// are read, in twelve beside a single other tag; a deposit is there after two, but its slot is only told once
/// enough reads in the right slots rule out two in a wrong one (else it is present in no slot). At a 30% miss rate
/// a removal takes about a dozen rounds, a move up to twice that when neighbour reads are frequent.
/// `confidence` bounds the chance per change; a session of `n` tags risks at most about `n` times it.
///
/// The work is linear in the reads and the tags: one pass over the rounds, then one over the tags.
public struct Reconciler: Sendable {
    /// What the ledger believes is inside: uid → slot code (nil: in the cabinet, slot unknown). UIDs are already
    /// normalized (upper-case hex) by the caller, here and in the rounds.
    public let inside: [String: String?]
    public let parameters: ReconcileParameters

    public init(inside: [String: String?], parameters: ReconcileParameters = ReconcileParameters()) {
        self.inside = inside
        self.parameters = parameters
    }

    /// What the rounds read after the door closed say, so far.
    ///
    /// - Parameter rounds: Every round since the door closed, complete or not, in the order the adapter sent them.
    public func reconcile(_ rounds: [InventoryRound]) -> Reconciliation {
        var numbers = Set<Int>()
        var complete: [InventoryRound] = []
        var completeGiven = 0
        for round in rounds where round.complete {
            completeGiven += 1
            if numbers.insert(round.round).inserted { complete.append(round) }
        }
        let evidence = InventoryEvidence(rounds: complete, inside: inside, agreeingRounds: parameters.agreeingRounds)
        let count = evidence.rounds

        var (misses, missTrials, wrong, slotTrials) = (0, 0, 0, 0)
        let ownWrongSlots = evidence.tags.map(\.wrongSlotTrials)
        for (tag, own) in zip(evidence.tags, ownWrongSlots) {
            if let part = tag.missTrials(of: count) {
                misses += part.misses
                missTrials += part.trials
            }
            wrong += own.wrong
            slotTrials += own.trials
        }
        let missBelief = RateBelief(events: misses, trials: missTrials)

        var settlement = Settlement(rounds: count, missRate: missBelief.estimate)
        var undecided: [String] = []
        for (tag, own) in zip(evidence.tags, ownWrongSlots) {
            let wrongSlots = RateBelief(events: wrong - own.wrong, trials: slotTrials - own.trials)
            switch verdict(on: tag, rounds: count, misses: missBelief, wrongSlots: wrongSlots) {
            case .unchanged: break
            case .absent: settlement.absent.append(tag.uid)
            case .present(let slot): settlement.present[tag.uid] = slot
            case .moved(let change): settlement.moved[tag.uid] = change
            case .located(let slot): settlement.located[tag.uid] = slot
            case .spurious: settlement.spurious.append(tag.uid)
            case .undecided: undecided.append(tag.uid)
            }
        }
        undecided.sort()

        let exhausted = completeGiven >= parameters.maxRounds
        let lastIsComplete = rounds.last?.complete ?? false
        if undecided.isEmpty, count >= parameters.agreeingRounds, lastIsComplete || exhausted {
            settlement.absent.sort()
            settlement.spurious.sort()
            return .settled(settlement)
        }
        return exhausted ? .unverifiable(undecided: undecided) : .needsAnotherRound(undecided: undecided)
    }

    private func verdict(on tag: TagEvidence, rounds: Int, misses: RateBelief, wrongSlots: RateBelief) -> TagVerdict {
        let agreeing = parameters.agreeingRounds
        let isThere = tag.isBelieved ? tag.reads >= agreeing : tag.longestReadRun >= agreeing
        // Gone needs the last rounds to agree only where it is a change: a stray read is not worth waiting for.
        let isGone =
            (!tag.isBelieved || tag.trailingMisses(of: rounds) >= agreeing)
            && misses.chance(ofAtLeast: rounds - tag.reads, in: rounds) < parameters.confidence
        switch (isThere, isGone) {
        case (true, true), (false, false): return .undecided
        case (false, true): return tag.isBelieved ? .absent : .spurious
        case (true, false): break
        }
        guard let (best, runnerUp) = tag.majority else {
            return tag.isBelieved ? .unchanged : .present(slot: nil)
        }
        if best.code == tag.believedSlot { return .unchanged }
        let reads = tag.slotReads
        // Whether the reads rule out a slot that has `support` of them: were the tag there, all the others would be
        // reads in wrong slots, and that many are too unlikely.
        func rulesOut(support: Int) -> Bool {
            wrongSlots.chance(ofAtLeast: reads - support, in: reads) < parameters.confidence
        }
        let isPlaced = best.longestRun >= agreeing && rulesOut(support: runnerUp)
        if !tag.isBelieved { return .present(slot: isPlaced ? best.code : nil) }
        guard let from = tag.believedSlot else { return isPlaced ? .located(slot: best.code) : .unchanged }
        let hasLeft = tag.longestRunAway >= agreeing && rulesOut(support: tag.rounds(in: from))
        return hasLeft ? .moved(SlotChange(from: from, to: isPlaced ? best.code : nil)) : .undecided
    }
}
