/// What a run of complete rounds says about every tag in question, built in one pass over the reads.
struct InventoryEvidence {
    /// The tags believed inside (read or not), then those read in some complete round, in the order first seen.
    private(set) var tags: [TagEvidence] = []
    /// How many complete rounds.
    let rounds: Int

    /// - Parameter rounds: Complete rounds only, each counted once, in the order the adapter sent them.
    init(rounds: [InventoryRound], inside: [String: String?], agreeingRounds: Int) {
        self.rounds = rounds.count
        var index: [String: Int] = [:]
        index.reserveCapacity(inside.count)
        tags.reserveCapacity(inside.count)
        for (uid, slot) in inside {
            index[uid] = tags.count
            tags.append(TagEvidence(uid: uid, isBelieved: true, believedSlot: slot))
        }
        // This round's read of each tag so far, valid where `mark` holds the round, and the tags read in it:
        // arrays rather than a dictionary or optionals, since every read passes here.
        var pending = Array(repeating: RoundRead(), count: tags.count)
        var mark = Array(repeating: -1, count: tags.count)
        var touched: [Int] = []
        for (number, round) in rounds.enumerated() {
            for read in round.tags {
                let position: Int
                if let known = index[read.uid] {
                    position = known
                } else {
                    position = tags.count
                    index[read.uid] = position
                    tags.append(TagEvidence(uid: read.uid, isBelieved: false, believedSlot: nil))
                    pending.append(RoundRead())
                    mark.append(-1)
                }
                if mark[position] != number {
                    mark[position] = number
                    pending[position] = RoundRead()
                    touched.append(position)
                }
                pending[position].merge(read)
            }
            for position in touched {
                tags[position].record(pending[position], round: number, agreeingRounds: agreeingRounds)
            }
            touched.removeAll(keepingCapacity: true)
        }
    }
}
