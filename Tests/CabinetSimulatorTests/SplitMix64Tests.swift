import CabinetSimulator
import Testing

struct SplitMix64Tests {
    /// The first outputs of Vigna's splitmix64.c from state 0.
    @Test func matchesTheReferenceImplementation() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func unitsLieInTheHalfOpenIntervalAndSpreadEvenly() {
        var generator = SplitMix64(seed: 42)
        var buckets = [Int](repeating: 0, count: 10)
        for _ in 0..<100_000 {
            let unit = generator.nextUnit()
            #expect(unit >= 0 && unit < 1)
            buckets[Int(unit * 10)] += 1
        }
        // 10,000 expected per bucket, standard deviation about 95.
        #expect(buckets.allSatisfy { abs($0 - 10_000) < 500 }, "\(buckets)")
    }

    @Test func indicesStayBelowTheirBound() {
        var generator = SplitMix64(seed: 7)
        var seen = Set<Int>()
        for _ in 0..<1000 {
            let index = generator.nextIndex(below: 5)
            #expect((0..<5).contains(index))
            seen.insert(index)
        }
        #expect(seen == [0, 1, 2, 3, 4])
    }
}
