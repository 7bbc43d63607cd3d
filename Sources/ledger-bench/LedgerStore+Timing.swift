import Foundation
import PropertyLedger

/// Timings taken on the store's own executor: the library's share of a call, without the two executor hops
/// (to the store's queue and back) that an awaiting caller also pays. Set beside the awaited figures, they
/// show how much of a latency is the library and how much is the hop.
extension LedgerStore {
    /// Appends each entry in a transaction of its own, as `append(_:)` does, and times each append.
    func timeAppends(_ entries: [Data]) throws -> [Duration] {
        try entries.map { entry in
            let stopwatch = Stopwatch()
            try append(entry)
            return stopwatch.elapsed
        }
    }

    /// Times `inclusionProof(index:size:)` for each index.
    func timeInclusionProofs(_ indices: [Int64], size: Int64) throws -> [Duration] {
        try indices.map { index in
            let stopwatch = Stopwatch()
            _ = try inclusionProof(index: index, size: size)
            return stopwatch.elapsed
        }
    }

    /// Times `object(_:)` for each reference: an item id (`ledger show`) or `chip:UID` (`ledger where`).
    func timeObjectLookups(_ references: [String]) throws -> [Duration] {
        try references.map { reference in
            let stopwatch = Stopwatch()
            _ = try object(reference)
            return stopwatch.elapsed
        }
    }

    /// Times `history(of:)` for each reference (`ledger history`).
    func timeHistories(_ references: [String]) throws -> [Duration] {
        try references.map { reference in
            let stopwatch = Stopwatch()
            _ = try history(of: reference)
            return stopwatch.elapsed
        }
    }

    /// Times `objects(matching:)` for each filter (`ledger list`).
    func timeObjectQueries(_ filters: [ObjectFilter]) throws -> [Duration] {
        try filters.map { filter in
            let stopwatch = Stopwatch()
            _ = try objects(matching: filter)
            return stopwatch.elapsed
        }
    }
}
