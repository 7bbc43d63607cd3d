import Foundation

/// Measures wall-clock time on the monotonic clock, which NTP adjustments cannot move.
struct Stopwatch {
    private let start = ContinuousClock.now

    var elapsed: Duration { start.duration(to: .now) }
}

/// The CPU time (user and system) the whole process has used since it was made: beside a wall-clock figure
/// it shows how much of it was waiting for a processor that other work held.
struct ProcessCPUTime {
    private let start = Self.now

    var elapsed: Duration { Self.now - start }

    private static var now: Duration {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let micros =
            (Int64(usage.ru_utime.tv_sec) + Int64(usage.ru_stime.tv_sec)) * 1_000_000
            + Int64(usage.ru_utime.tv_usec) + Int64(usage.ru_stime.tv_usec)
        return .microseconds(micros)
    }
}

extension Duration {
    /// The duration in seconds, for rates and for printing.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    var milliseconds: Double { seconds * 1e3 }
}

/// Latencies of repeated calls, summarised as the percentiles the targets are written in.
struct LatencySample {
    private let sorted: [Duration]

    init(_ latencies: [Duration]) {
        precondition(!latencies.isEmpty, "a latency sample needs at least one measurement")
        sorted = latencies.sorted()
    }

    var count: Int { sorted.count }

    /// The nearest-rank percentile: the smallest latency that at least `fraction` of the calls did not exceed.
    func percentile(_ fraction: Double) -> Duration {
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    var median: Duration { percentile(0.5) }
}

/// A small deterministic generator (SplitMix64), so every run appends the same entries and probes the same
/// indices, and runs differ only in the machine.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound`; the modulo bias is irrelevant for picking indices to probe.
    mutating func next(below bound: Int64) -> Int64 {
        Int64(next() % UInt64(bound))
    }
}

/// An error in the benchmark itself (not the code being measured): a failed baseline, a damaged result.
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
