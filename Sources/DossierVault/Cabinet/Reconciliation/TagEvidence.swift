/// What the complete rounds say about one tag: the tags the ledger believes inside, and every other tag read in
/// a complete round.
struct TagEvidence {
    let uid: String
    /// Whether the ledger believes the tag inside.
    let isBelieved: Bool
    /// The slot the ledger believes it in, if it is believed inside in a known slot.
    let believedSlot: String?
    /// The complete rounds that read it.
    private(set) var reads = 0
    /// The first and the last of those rounds (0-based among the complete rounds).
    private(set) var firstRead: Int?
    private(set) var lastRead: Int?
    private var readRun = 0
    /// The longest run of consecutive complete rounds that read it.
    private(set) var longestReadRun = 0
    /// The round that completed its first run of `agreeingRounds` consecutive reads, and its reads by then.
    private(set) var established: (round: Int, reads: Int)?
    /// The slots the rounds placed it in, in the order first seen (rarely more than two).
    private(set) var slots: [SlotEvidence] = []
    private var lastRoundAway = -2
    private var runAway = 0
    /// The longest run of consecutive complete rounds that placed it in a slot other than the believed one.
    private(set) var longestRunAway = 0

    init(uid: String, isBelieved: Bool, believedSlot: String?) {
        self.uid = uid
        self.isBelieved = isBelieved
        self.believedSlot = believedSlot
    }

    mutating func record(_ read: RoundRead, round: Int, agreeingRounds: Int) {
        reads += 1
        readRun = lastRead == round - 1 ? readRun + 1 : 1
        if firstRead == nil { firstRead = round }
        lastRead = round
        longestReadRun = max(longestReadRun, readRun)
        if established == nil, readRun >= agreeingRounds { established = (round, reads) }
        guard let code = read.slot else { return }
        if let believedSlot, code != believedSlot {
            runAway = lastRoundAway == round - 1 ? runAway + 1 : 1
            lastRoundAway = round
            longestRunAway = max(longestRunAway, runAway)
        }
        for index in slots.indices where slots[index].code == code {
            slots[index].record(round: round, rssi: read.rssi)
            return
        }
        var slot = SlotEvidence(code: code)
        slot.record(round: round, rssi: read.rssi)
        slots.append(slot)
    }

    /// How many of the last of `rounds` complete rounds in a row missed it.
    func trailingMisses(of rounds: Int) -> Int {
        rounds - 1 - (lastRead ?? -1)
    }

    /// The slot most rounds placed it in (ties: stronger mean RSSI, then smaller code), and how many rounds placed
    /// it in the next best slot (0 when none did).
    var majority: (slot: SlotEvidence, runnerUp: Int)? {
        guard var best = slots.first else { return nil }
        var runnerUp = 0
        for slot in slots.dropFirst() {
            if slot.outranks(best) {
                runnerUp = best.rounds
                best = slot
            } else {
                runnerUp = max(runnerUp, slot.rounds)
            }
        }
        return (best, runnerUp)
    }

    /// The complete rounds that placed it in slot `code`.
    func rounds(in code: String) -> Int {
        slots.first { $0.code == code }?.rounds ?? 0
    }

    /// The complete rounds that placed it in some slot.
    var slotReads: Int { slots.reduce(0) { $0 + $1.rounds } }

    /// Its part of the reader's record of misses, as unbiased trials: the rounds after the one that showed it
    /// there (its first read when it is believed inside, its first run of agreeing reads otherwise), and the misses
    /// among them. Nil when nothing showed it there.
    ///
    /// Counting all rounds of the tags read at least once would flatter the reader: it leaves out exactly the
    /// tags missed every time, so the miss rate of few rounds comes out low (at 30%, two rounds show 23%). After the
    /// round that selected the tag, each round is a fresh draw.
    func missTrials(of rounds: Int) -> (misses: Int, trials: Int)? {
        let since: (round: Int, reads: Int)?
        if isBelieved {
            since = firstRead.map { ($0, 1) }
        } else {
            since = established
        }
        guard let since else { return nil }
        let trials = rounds - 1 - since.round
        return (trials - (reads - since.reads), trials)
    }

    /// Its part of the reader's record of reads in the wrong slot: each of its slot-bearing reads is a trial,
    /// and a wrong one unless its slot is strictly the majority of the tag's other reads (leave-one-out, so that
    /// a read is not judged by itself; a tie counts as wrong). Tags read in fewer than two rounds give nothing.
    var wrongSlotTrials: (wrong: Int, trials: Int) {
        var (first, second, total) = (0, 0, 0)
        for slot in slots {
            total += slot.rounds
            if slot.rounds > first {
                (first, second) = (slot.rounds, first)
            } else if slot.rounds > second {
                second = slot.rounds
            }
        }
        guard total >= 2 else { return (0, 0) }
        var wrong = 0
        for slot in slots {
            let others = slot.rounds == first ? second : first
            if slot.rounds - 1 <= others { wrong += slot.rounds }
        }
        return (wrong, total)
    }
}
