import Foundation

/// What the rounds let the reconciler believe about a rate of per-round noise — a reader missing a tag that is
/// there, or placing it in the wrong slot — after seeing `events` in `trials`: Laplace's uniform prior, updated
/// (the Beta(events + 1, trials − events + 1) distribution).
///
/// A chance of future outcomes is averaged over that belief, not computed from a point estimate. After few
/// trials the belief is wide, and the chance of twelve misses in a row is far larger than the estimate to the
/// twelfth power: the chance of `n` events in a row is the product of Laplace's rule of succession applied `n`
/// times, each time counting the events before it — (e + 1)/(t + 2) · (e + 2)/(t + 3) ⋯. A reader that has shown
/// nothing (no trials) leaves 1/(n + 1) for `n` misses in a row: nothing is ruled out.
struct RateBelief: Sendable, Hashable {
    let events: Int
    let trials: Int

    init(events: Int, trials: Int) {
        precondition(events >= 0 && events <= trials, "events are among the trials")
        self.events = events
        self.trials = trials
    }

    /// The chance of the event in the next trial: (events + 1) / (trials + 2).
    var estimate: Double { Double(events + 1) / Double(trials + 2) }

    /// The chance of at least `count` events in `n` further trials (the Beta-binomial upper tail).
    func chance(ofAtLeast count: Int, in n: Int) -> Double {
        guard count > 0 else { return 1 }
        guard count <= n else { return 0 }
        let (a, b) = (events + 1, trials - events + 1)
        let prior = LogFactorial.beta(a, b)
        var total = 0.0
        for k in count...n {
            total += exp(LogFactorial.choose(n, k) + LogFactorial.beta(k + a, n - k + b) - prior)
        }
        return min(total, 1)
    }
}
