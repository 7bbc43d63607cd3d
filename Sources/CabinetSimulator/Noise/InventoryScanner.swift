/// The simulated reader: turns what is physically inside into one round of noisy reads.
///
/// A value type holding its generator, so a copy replays the same rounds.
public struct InventoryScanner: Sendable, Hashable {
    /// Where a read's RSSI lies (dBm): a tag in the antenna's own slot, and one in the slot before it.
    static let ownSlotRSSI: ClosedRange<Double> = -50 ... -40
    static let neighbourRSSI: ClosedRange<Double> = -72 ... -60

    /// The slots in the reader's order: a tag's neighbour is the next slot.
    public var slots: [String]
    public let noise: ReadNoise
    private var generator: SplitMix64

    public init(slots: [String], noise: ReadNoise) {
        self.slots = slots
        self.noise = noise
        generator = SplitMix64(seed: noise.seed)
    }

    /// One round over `contents`, in the arbitrary order a reader reports tags.
    ///
    /// A complete round covers every slot. An incomplete one stops part-way, as an interrupted scan does: only
    /// the antennas of the slots before a random cut (never all of them) report.
    public mutating func scan(_ contents: [SimulatedTag], complete: Bool = true) -> [SimulatedRead] {
        let scanned = complete ? slots.count : generator.nextIndex(below: max(slots.count, 1))
        let reporting = Set(slots.prefix(scanned))
        var reads: [SimulatedRead] = []
        for tag in contents {
            guard let index = slots.firstIndex(of: tag.slot) else { continue }
            let missed = generator.happens(withProbability: noise.missRate)
            if !missed && reporting.contains(tag.slot) {
                reads += readings(of: tag.uid, in: tag.slot, strength: Self.ownSlotRSSI)
            }
            if index + 1 < slots.count, generator.happens(withProbability: noise.neighbourRate),
                reporting.contains(slots[index + 1])
            {
                reads += readings(of: tag.uid, in: slots[index + 1], strength: Self.neighbourRSSI)
            }
        }
        shuffle(&reads)
        return reads
    }

    /// The read each antenna of `slot` reports.
    private mutating func readings(of uid: String, in slot: String, strength: ClosedRange<Double>) -> [SimulatedRead] {
        (1...noise.duplicateAntennas).map { antenna in
            let rssi = strength.lowerBound + generator.nextUnit() * (strength.upperBound - strength.lowerBound)
            return SimulatedRead(
                uid: uid, slot: slot, rssi: noise.reportsRSSI ? (rssi * 10).rounded() / 10 : nil,
                antenna: "\(slot)#\(antenna)")
        }
    }

    /// Fisher–Yates with the scanner's own generator.
    private mutating func shuffle(_ reads: inout [SimulatedRead]) {
        guard reads.count > 1 else { return }
        for index in stride(from: reads.count - 1, to: 0, by: -1) {
            reads.swapAt(index, generator.nextIndex(below: index + 1))
        }
    }
}
