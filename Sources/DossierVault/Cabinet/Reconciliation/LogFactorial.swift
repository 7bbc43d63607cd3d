import Foundation

/// Logarithms of factorials, binomial coefficients and Beta functions of whole numbers: all the ``RateBelief``
/// needs, since its Beta distributions have whole-number parameters. Pure Swift over `log`, so no C global
/// (`lgamma` writes `signgam`) is touched from many threads.
enum LogFactorial {
    /// log(n!) for small n, summed once; Stirling's series beyond, where its error is below 1e-15.
    private static let table: [Double] = {
        var table = [0.0]
        table.reserveCapacity(1024)
        for n in 1..<1024 { table.append(table[n - 1] + log(Double(n))) }
        return table
    }()

    /// log(n!).
    static func of(_ n: Int) -> Double {
        precondition(n >= 0, "no factorial of a negative number")
        if n < table.count { return table[n] }
        let x = Double(n)
        return x * log(x) - x + 0.5 * log(2 * Double.pi * x) + 1 / (12 * x) - 1 / (360 * x * x * x)
    }

    /// log C(n, k).
    static func choose(_ n: Int, _ k: Int) -> Double {
        of(n) - of(k) - of(n - k)
    }

    /// log B(a, b) for whole a, b ≥ 1: B(a, b) = (a − 1)! (b − 1)! / (a + b − 1)!.
    static func beta(_ a: Int, _ b: Int) -> Double {
        of(a - 1) + of(b - 1) - of(a + b - 1)
    }
}
