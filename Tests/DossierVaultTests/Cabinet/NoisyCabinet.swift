import DossierVault

/// A physical cabinet for the reconciler's tests: tags lying in slots, and a reader that misses tags, reads a
/// tag also by the antenna of the next slot with a weaker signal, reports each read on several antennas, and now
/// and then reads a tag just outside the cabinet once.
struct NoisyCabinet {
    struct Noise {
        /// The chance that a tag's own slot antennas miss it in a round.
        var missRate: Double
        /// The chance that the next slot's antennas read it too (independently of a miss), about 20 dB weaker.
        var neighbourRate: Double
        /// How many antennas report each read.
        var duplicateAntennas: Int
        /// The chance, per round, of one read of a tag outside the cabinet; each outside tag is read at most once.
        var strayRate: Double = 0
        /// Whether reads carry an RSSI.
        var rssi: RSSIMode = .always

        /// A reader that reads every tag in its own slot, once, every round.
        static let perfect = Noise(missRate: 0, neighbourRate: 0, duplicateAntennas: 1)
    }

    enum RSSIMode: CaseIterable {
        case always
        /// Each read lacks it with a chance of 10%.
        case sometimes
        case never
    }

    /// Slot codes in slot order: a tag in `slots[i]` is read as a neighbour by `slots[i + 1]`'s antennas.
    let slots: [String]
    var noise: Noise
    /// What is physically inside, uid → slot, in a fixed order so that a seed replays the same reads.
    private(set) var tags: [(uid: String, slot: String)]
    /// Tags outside the cabinet that may be read once each.
    var strays: [String]
    /// The strays read so far, in complete rounds or not.
    private(set) var straysRead: Set<String> = []

    private let position: [String: Int]
    /// Each slot's antenna names, made once: the reads of a round are many.
    private let antennas: [[String]]

    init(slots: [String], tags: [(uid: String, slot: String)], noise: Noise, strays: [String] = []) {
        self.slots = slots
        self.tags = tags
        self.noise = noise
        self.strays = strays
        position = Dictionary(uniqueKeysWithValues: slots.enumerated().map { ($1, $0) })
        antennas = slots.map { slot in (1...noise.duplicateAntennas).map { "\(slot)-\($0)" } }
    }

    var contents: [String: String] { Dictionary(uniqueKeysWithValues: tags.map { ($0.uid, $0.slot) }) }

    mutating func take(_ uids: Set<String>) {
        tags.removeAll { uids.contains($0.uid) }
    }

    mutating func put(_ uid: String, in slot: String) {
        take([uid])
        tags.append((uid, slot))
    }

    /// One round. An incomplete one is an interrupted pass: a random part of what a complete one would report.
    mutating func round(_ number: Int, complete: Bool = true, using random: inout SplitMix64) -> InventoryRound {
        var reads: [TagRead] = []
        reads.reserveCapacity(tags.count * noise.duplicateAntennas * 2)
        for (uid, slot) in tags {
            let index = position[slot]!
            if !random.chance(noise.missRate) {
                addReads(of: uid, in: index, around: -45, to: &reads, using: &random)
            }
            if index + 1 < slots.count, random.chance(noise.neighbourRate) {
                addReads(of: uid, in: index + 1, around: -68, to: &reads, using: &random)
            }
        }
        if random.chance(noise.strayRate), let stray = strays.popLast() {
            straysRead.insert(stray)
            addReads(of: stray, in: Int.random(in: 0..<slots.count, using: &random), around: -72, to: &reads, using: &random)
        }
        if !complete { reads = Array(reads.prefix(Int.random(in: 0...reads.count, using: &random))) }
        reads.shuffle(using: &random)
        return InventoryRound(round: number, complete: complete, tags: reads)
    }

    private func addReads(of uid: String, in slot: Int, around level: Double, to reads: inout [TagRead], using random: inout SplitMix64) {
        let base = level + Double.random(in: -6...6, using: &random)
        for antenna in antennas[slot] {
            let rssi: Double? =
                switch noise.rssi {
                case .always: base + Double.random(in: -1.5...1.5, using: &random)
                case .sometimes: random.chance(0.1) ? nil : base + Double.random(in: -1.5...1.5, using: &random)
                case .never: nil
                }
            reads.append(TagRead(uid: uid, slot: slots[slot], rssi: rssi, antenna: antenna))
        }
    }
}
