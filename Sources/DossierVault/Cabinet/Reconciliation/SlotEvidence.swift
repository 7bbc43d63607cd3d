/// What the complete rounds say about a tag being in one slot.
struct SlotEvidence {
    let code: String
    /// The complete rounds that placed the tag here.
    private(set) var rounds = 0
    private var rssiSum = 0.0
    private var rssiCount = 0
    private var lastRound = -2
    private var run = 0
    /// The longest run of consecutive complete rounds that placed the tag here.
    private(set) var longestRun = 0

    init(code: String) {
        self.code = code
    }

    /// The mean RSSI of those rounds that reported one.
    var meanRSSI: Double? { rssiCount == 0 ? nil : rssiSum / Double(rssiCount) }

    mutating func record(round: Int, rssi: Double?) {
        rounds += 1
        if let rssi {
            rssiSum += rssi
            rssiCount += 1
        }
        run = lastRound == round - 1 ? run + 1 : 1
        lastRound = round
        longestRun = max(longestRun, run)
    }

    /// Whether more rounds place the tag here than in `other` — or as many, with a stronger mean RSSI (none is
    /// the weakest), or as strong, with a smaller code.
    func outranks(_ other: SlotEvidence) -> Bool {
        if rounds != other.rounds { return rounds > other.rounds }
        switch (meanRSSI, other.meanRSSI) {
        case (let mine?, let theirs?) where mine != theirs: return mine > theirs
        case (.some, nil): return true
        case (nil, .some): return false
        default: return code < other.code
        }
    }
}
