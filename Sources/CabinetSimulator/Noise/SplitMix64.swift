/// Sebastiano Vigna's SplitMix64: a small, fast, seeded generator, so a noisy inventory can be replayed.
///
/// Not for secrets. Its own ``nextUnit()`` and ``nextIndex(below:)`` (rather than the standard library's
/// `random(in:using:)`, whose algorithm may change between releases) keep a seed's rounds the same on every
/// toolchain. Reference: <https://prng.di.unimi.it/splitmix64.c>.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in [0, 1), from the top 53 bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// An index in 0..<count (count > 0); the bias of the modulo is far below what a simulation can see.
    public mutating func nextIndex(below count: Int) -> Int {
        precondition(count > 0, "nextIndex(below:) needs a positive count")
        return Int(next() % UInt64(count))
    }

    /// Whether an event of probability `probability` happens.
    public mutating func happens(withProbability probability: Double) -> Bool {
        nextUnit() < probability
    }
}
