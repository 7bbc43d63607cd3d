import Foundation
import Testing

@testable import DossierVault

/// Laplace's rule of succession written out as plain products, to check the reconciler's log-factorial
/// arithmetic against, and to say in the rule tests how many rounds a change should take.
enum Laplace {
    /// The chance of exactly `k` events in `n` further trials after `events` in `trials` (uniform prior): C(n, k)
    /// times the product of the successive rules of succession.
    static func chance(of k: Int, in n: Int, events: Int, trials: Int) -> Double {
        let (a, b) = (Double(events + 1), Double(trials - events + 1))
        var p = 1.0
        for i in 0..<k { p *= a + Double(i) }
        for j in 0..<(n - k) { p *= b + Double(j) }
        for l in 0..<n { p /= a + b + Double(l) }
        var choose = 1.0
        for i in 0..<k { choose = choose * Double(n - i) / Double(i + 1) }
        return choose * p
    }

    static func chance(ofAtLeast k: Int, in n: Int, events: Int, trials: Int) -> Double {
        (k...n).reduce(0) { $0 + chance(of: $1, in: n, events: events, trials: trials) }
    }
}

/// The Beta-binomial chances the reconciler computes from log-factorials, against the plain products.
struct ReconcilerRateBeliefTests {
    @Test(arguments: [(0, 0), (0, 10), (3, 10), (30, 100), (0, 1000), (300, 1000), (3000, 10000), (5, 5)])
    func chancesMatchTheRuleOfSuccession(events: Int, trials: Int) {
        let belief = RateBelief(events: events, trials: trials)
        #expect(abs(belief.estimate - Double(events + 1) / Double(trials + 2)) < 1e-15)
        for n in [1, 2, 5, 12, 20, 30] {
            for k in [0, 1, n / 2, n - 1, n] where k >= 0 {
                let expected = Laplace.chance(ofAtLeast: k, in: n, events: events, trials: trials)
                let computed = belief.chance(ofAtLeast: k, in: n)
                #expect(abs(computed - expected) <= 1e-9 * max(expected, 1e-300), "\(events)/\(trials): ≥\(k) of \(n)")
            }
        }
    }

    @Test func aReaderThatShowedNothingRulesNothingOut() {
        for n in 1...40 {
            let chance = RateBelief(events: 0, trials: 0).chance(ofAtLeast: n, in: n)
            #expect(abs(chance - 1 / Double(n + 1)) < 1e-12)
        }
    }

    @Test func fewTrialsLeaveMoreRoomThanTheirEstimate() {
        // Seen to miss 30%: twelve misses in a row are far likelier on 10 trials than on 10 000, and the latter
        // approach 0.3¹².
        let few = RateBelief(events: 3, trials: 10).chance(ofAtLeast: 12, in: 12)
        let many = RateBelief(events: 3000, trials: 10000).chance(ofAtLeast: 12, in: 12)
        #expect(few > 100 * many)
        #expect(abs(many / pow(0.3, 12) - 1) < 0.05)
    }

    @Test func logFactorialsAreContinuousAcrossTheTable() {
        for n in 1000...1100 {
            #expect(abs(LogFactorial.of(n) - LogFactorial.of(n - 1) - log(Double(n))) < 1e-9)
        }
        #expect(abs(LogFactorial.of(20) - log(2_432_902_008_176_640_000)) < 1e-12)
    }
}
