import CabinetSimulator
import Testing

/// The noise model's statistics over many seeded rounds.
struct InventoryScannerTests {
    static let slots = ["A1", "A2", "A3", "A4", "A5"]
    /// Four tags in each slot.
    static let contents = slots.flatMap { slot in (1...4).map { SimulatedTag(uid: "\(slot)-T\($0)", slot: slot) } }
    static let ownSlot: ClosedRange<Double> = -50 ... -40
    static let neighbour: ClosedRange<Double> = -72 ... -60

    static func next(after slot: String) -> String? {
        guard let index = slots.firstIndex(of: slot), index + 1 < slots.count else { return nil }
        return slots[index + 1]
    }

    static func tag(_ uid: String) -> SimulatedTag {
        contents.first { $0.uid == uid }!
    }

    @Test func aPerfectReaderReadsEveryTagOnceInItsOwnSlot() {
        var scanner = InventoryScanner(slots: Self.slots, noise: .perfect)
        for _ in 0..<20 {
            let reads = scanner.scan(Self.contents)
            #expect(reads.count == Self.contents.count)
            #expect(Set(reads.map { SimulatedTag(uid: $0.uid, slot: $0.slot) }) == Set(Self.contents))
            for read in reads {
                #expect(read.antenna == "\(read.slot)#1")
                #expect(Self.ownSlot.contains(read.rssi ?? 0))
            }
        }
    }

    @Test(arguments: [0.05, 0.2, 0.3])
    func tagsAreMissedAtTheMissRate(missRate: Double) {
        var scanner = InventoryScanner(slots: Self.slots, noise: ReadNoise(missRate: missRate, seed: 11))
        let rounds = 1000
        var reads = 0
        for _ in 0..<rounds {
            let round = scanner.scan(Self.contents)
            #expect(round.allSatisfy { Self.tag($0.uid).slot == $0.slot }, "no neighbour reads at rate 0")
            #expect(Set(round.map(\.uid)).count == round.count, "no duplicates with one antenna")
            reads += round.count
        }
        let observed = 1 - Double(reads) / Double(rounds * Self.contents.count)
        // 20,000 draws: the standard deviation is at most 0.0033, so 0.015 is over four of them.
        #expect(abs(observed - missRate) < 0.015, "observed miss rate \(observed)")
    }

    @Test func neighbourReadsComeOnlyFromTheNextSlotAndWeaker() {
        var scanner = InventoryScanner(slots: Self.slots, noise: ReadNoise(neighbourRate: 0.25, seed: 5))
        let rounds = 1000
        var neighbourReads = 0
        for _ in 0..<rounds {
            let round = scanner.scan(Self.contents)
            let own = round.filter { Self.tag($0.uid).slot == $0.slot }
            let strayed = round.filter { Self.tag($0.uid).slot != $0.slot }
            #expect(own.count == Self.contents.count, "no misses at rate 0")
            for read in strayed {
                #expect(read.slot == Self.next(after: Self.tag(read.uid).slot), "\(read) is not in the next slot")
                #expect(read.antenna.hasPrefix(read.slot + "#"))
                #expect(Self.neighbour.contains(read.rssi ?? 0))
                let ownRead = own.first { $0.uid == read.uid }
                #expect((read.rssi ?? 0) < (ownRead?.rssi ?? 0), "a neighbour read is weaker than the tag's own")
            }
            neighbourReads += strayed.count
        }
        // Tags in the last slot have no next slot: 16 tags can stray.
        let observed = Double(neighbourReads) / Double(rounds * 16)
        #expect(abs(observed - 0.25) < 0.02, "observed neighbour rate \(observed)")
    }

    @Test func aMissedTagCanStillBeReadByTheNextSlot() {
        var scanner = InventoryScanner(
            slots: Self.slots, noise: ReadNoise(missRate: 0.3, neighbourRate: 0.25, seed: 9))
        var onlyElsewhere = 0
        let rounds = 2000
        for _ in 0..<rounds {
            let round = scanner.scan(Self.contents)
            for tag in Self.contents where Self.next(after: tag.slot) != nil {
                let slots = Set(round.filter { $0.uid == tag.uid }.map(\.slot))
                if slots == [Self.next(after: tag.slot)!] { onlyElsewhere += 1 }
            }
        }
        // Independent: missed (0.3) and read next door (0.25), 0.075 of 32,000 tag rounds.
        let observed = Double(onlyElsewhere) / Double(rounds * 16)
        #expect(abs(observed - 0.075) < 0.01, "observed \(observed)")
    }

    @Test func everyAntennaOfASlotReportsEachRead() {
        var scanner = InventoryScanner(
            slots: Self.slots, noise: ReadNoise(neighbourRate: 0.5, duplicateAntennas: 3, seed: 3))
        for _ in 0..<50 {
            let round = scanner.scan(Self.contents)
            let grouped = Dictionary(grouping: round) { SimulatedTag(uid: $0.uid, slot: $0.slot) }
            for (read, copies) in grouped {
                #expect(copies.count == 3, "\(read) read \(copies.count) times")
                #expect(Set(copies.map(\.antenna)) == ["\(read.slot)#1", "\(read.slot)#2", "\(read.slot)#3"])
            }
            #expect(grouped.keys.filter { Self.tag($0.uid).slot == $0.slot }.count == Self.contents.count)
        }
    }

    @Test func theSameSeedGivesTheSameRounds() {
        let noise = ReadNoise(missRate: 0.2, neighbourRate: 0.1, duplicateAntennas: 2, seed: 2026)
        var first = InventoryScanner(slots: Self.slots, noise: noise)
        var second = InventoryScanner(slots: Self.slots, noise: noise)
        var other = InventoryScanner(slots: Self.slots, noise: ReadNoise(missRate: 0.2, neighbourRate: 0.1, seed: 2027))
        var differs = false
        for _ in 0..<10 {
            let round = first.scan(Self.contents)
            #expect(round == second.scan(Self.contents))
            differs = differs || round != other.scan(Self.contents)
        }
        #expect(differs)
    }

    @Test func anIncompleteRoundReadsOnlyTheSlotsBeforeACut() {
        var scanner = InventoryScanner(slots: Self.slots, noise: ReadNoise(neighbourRate: 0.3, seed: 4))
        var cuts = Set<Int>()
        for _ in 0..<300 {
            let slotsRead = Set(scanner.scan(Self.contents, complete: false).map(\.slot))
            let cut = Self.slots.firstIndex { !slotsRead.contains($0) }
            #expect(cut != nil, "an incomplete round never reads every slot")
            if let cut {
                #expect(slotsRead.isSubset(of: Self.slots.prefix(cut)), "read \(slotsRead), cut at \(cut)")
                cuts.insert(cut)
            }
        }
        #expect(cuts.contains(0) && cuts.contains(4), "cuts seen: \(cuts.sorted())")
    }

    @Test func aReaderWithoutRSSILeavesTheFieldOut() {
        var scanner = InventoryScanner(slots: Self.slots, noise: ReadNoise(reportsRSSI: false))
        for read in scanner.scan(Self.contents) {
            #expect(read.rssi == nil)
            #expect(read.json["rssi"] == nil)
            #expect(read.json["uid"] == .string(read.uid))
        }
    }
}
